#!/usr/bin/env node
// Printed at the end of `npm run build`: where the rendered API reference is and how to browse it.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./repo.mjs";

const docs = join(root, "docs");
const pages = existsSync(docs) ? readdirSync(docs).filter((f) => f.endsWith(".html")) : [];
console.log(`\nAPI reference: ${pages.length} pages in ${relative(process.cwd(), docs) || "."}/ (${pages.join(", ")})`);
console.log(`Open ${relative(process.cwd(), join(docs, "index.html"))} in a browser, or run \`npm run docs:serve\`.`);
