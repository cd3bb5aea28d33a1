#!/usr/bin/env node
// Renders API reference pages into docs/.
//   node scripts/build-docs.mjs <vendor ...>   docs/<vendor>.html via `redocly build-docs --inlineBundle`
//   node scripts/build-docs.mjs --index        docs/index.html: one card per spec (summary, auth, operations)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parse } from "yaml";
import { apis, root, selectVendors } from "./repo.mjs";

const docsDir = join(root, "docs");
mkdirSync(docsDir, { recursive: true });
const config = apis();

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function renderVendor(vendor) {
  const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
  const spec = parse(readFileSync(join(root, config[vendor].spec), "utf8"));
  const output = join(docsDir, `${vendor}.html`);
  const result = spawnSync(
    process.execPath,
    [
      redocly,
      "build-docs",
      vendor,
      "--output",
      output,
      "--inlineBundle",
      "--template",
      join(root, "scripts/docs-template.hbs"),
      "--title",
      `${spec.info.title} — bucketry API reference`,
      "--templateOptions.vendor",
      vendor,
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    process.exit(result.status ?? 1);
  }
  offline(output);
  console.log(`rendered docs/${vendor}.html`);
}

// Redoc's attribution badge loads its logo from a CDN at view time; the pages must work offline and
// make no outside request, so the logo is swapped for an inline SVG.
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="7" fill="#0044d4"/></svg>')}`;

function offline(file) {
  const html = readFileSync(file, "utf8").replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, INLINE_LOGO);
  writeFileSync(file, html);
}

if (process.argv.includes("--index")) await import("./build-site.mjs");
else for (const v of selectVendors(process.argv.slice(2))) renderVendor(v);
