#!/usr/bin/env node
// `npm run docs:serve [-- --port N]`: serves docs/ on localhost (default port 8080, or PORT).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "./docs-server.mjs";
import { root } from "./repo.mjs";

const docsDir = join(root, "docs");
const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 8080));

if (!existsSync(join(docsDir, "index.html"))) {
  console.error("docs/index.html is missing: run `npm run docs` (or `npm run build`) first");
  process.exit(1);
}
const server = await serveStatic(docsDir, port);
console.log(`serving docs/ at http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
