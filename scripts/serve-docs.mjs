#!/usr/bin/env node
// Serves docs/ on localhost (default port 8080; PORT or --port N to change). Static files only.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { root } from "./repo.mjs";

const docsDir = join(root, "docs");
const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 8080));
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml" };

if (!existsSync(join(docsDir, "index.html"))) {
  console.error("docs/index.html is missing: run `npm run docs` (or `npm run build`) first");
  process.exit(1);
}

export function serveDocs(listenPort = port) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
    if (path === "" || path.endsWith(sep)) path += "index.html";
    const file = join(docsDir, path);
    if (!file.startsWith(docsDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(listenPort, "127.0.0.1", () => resolve(server)));
}

const server = await serveDocs();
const { port: actual } = server.address();
console.log(`serving docs/ at http://127.0.0.1:${actual}/ (Ctrl-C to stop)`);
