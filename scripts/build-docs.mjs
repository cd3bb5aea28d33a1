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

const METHODS = ["get", "put", "post", "delete", "patch", "head"];

/** What the index shows for one spec, read from the spec itself so it cannot drift. */
export function card(vendor) {
  const spec = parse(readFileSync(join(root, config[vendor].spec), "utf8"));
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) operations.push({ method: method.toUpperCase(), path, id: item[method].operationId, summary: item[method].summary });
    }
  }
  const schemes = Object.entries(spec.components?.securitySchemes ?? {}).map(([name, s]) => ({
    name,
    label: s["x-bucketry-label"] ?? name,
  }));
  return {
    vendor,
    title: spec.info.title,
    summary: spec.info.summary ?? spec.info.description?.split("\n")[0] ?? "",
    version: spec.info.version,
    schemes,
    operations,
  };
}

function renderIndex() {
  const cards = Object.keys(config).map(card);
  const rows = cards
    .map(
      (c) => `
      <section class="card" id="${escapeHtml(c.vendor)}">
        <h2><a href="${escapeHtml(c.vendor)}.html">${escapeHtml(c.title)}</a> <small>${escapeHtml(c.version)}</small></h2>
        <p>${escapeHtml(c.summary)}</p>
        <p class="package">Package: <code>@bucketry/${escapeHtml(c.vendor)}</code></p>
        <p class="auth">Auth: ${c.schemes.map((s) => `<code>${escapeHtml(s.label)}</code>`).join(" or ")}</p>
        <ul class="ops">${c.operations
          .map((o) => `<li><code>${escapeHtml(o.method)} ${escapeHtml(o.path)}</code> <strong>${escapeHtml(o.id)}</strong> — ${escapeHtml(o.summary ?? "")}</li>`)
          .join("")}</ul>
      </section>`,
    )
    .join("\n");
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>bucketry API reference</title>
  <style>
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1b1f24; }
    h1 { margin-bottom: .25rem; }
    .card { border: 1px solid #d0d7de; border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
    .card h2 { font-size: 1.2rem; } .card small { color: #57606a; font-weight: normal; }
    code { background: #f6f8fa; padding: 0 .25rem; border-radius: 4px; }
    ul.ops { padding-left: 1.2rem; }
  </style>
</head>
<body>
  <h1>bucketry API reference</h1>
  <p>Rendered from the hand-written OpenAPI specs in <code>specs/</code>; each page is self-contained and works offline.</p>
${rows}
</body>
</html>
`;
  writeFileSync(join(docsDir, "index.html"), html);
  console.log("rendered docs/index.html");
}

if (process.argv.includes("--index")) renderIndex();
else for (const v of selectVendors(process.argv.slice(2))) renderVendor(v);
