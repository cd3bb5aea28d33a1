#!/usr/bin/env node
// Builds the docs portal around the rendered API references: docs/index.html, the coverage matrix, the facade
// guide (model + per-vendor field mappings read from the provider modules' own tables), and the getting-started
// pages. What it says about a provider comes from its spec and its provider module (packages/bucketry/src/providers).
// The Redocly pages (one per spec) come from build-docs.mjs; the facade API reference from TypeDoc (docs/api/).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { card, spec, vendors } from "./spec-cards.mjs";
import { OPERATION_METHODS, root } from "./repo.mjs";
import { changesPageBody } from "./spec-diff/changes-page.mjs";
import { TRY_IT, bundleTryIt, tryItBody, tryItConfig, tryItFile, withoutTryIt } from "./try-it-pages.mjs";

const docs = join(root, "docs");
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const code = (s) => `<code>${esc(s)}</code>`;
const inWords = (n) => ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"][n] ?? String(n);

const PAGES = [
  ["index.html", "Home"],
  ["coverage.html", "Coverage"],
  ["facade.html", "Facade guide"],
  ["api/index.html", "Facade API"],
  ["getting-started/client.html", "One vendor client"],
  ["getting-started/facade.html", "The facade"],
  ["getting-started/cli.html", "The CLI"],
  ["getting-started/mocks.html", "Mocks in your tests"],
  ["changes.html", "What changed"],
  ["differences.html", "Differences from the official SDKs"],
];

function layout(path, title, body) {
  const up = "../".repeat(path.split("/").length - 1);
  const nav = PAGES.map(([href, label]) => `<a href="${up}${href}"${href === path ? ' aria-current="page"' : ""}>${esc(label)}</a>`).join("\n      ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${esc(title)} — bucketry</title>
  <style>
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1b1f24; line-height: 1.5; }
    header { background: #0b3d5c; padding: .5rem 1rem; }
    header a { color: #fff; margin-right: 1rem; text-decoration: none; font-size: .95rem; }
    header a[aria-current] { text-decoration: underline; font-weight: 600; }
    main { margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 3rem; }
    .card { border: 1px solid #d0d7de; border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0; }
    .card h2 { font-size: 1.2rem; } small { color: #57606a; font-weight: normal; }
    code { background: #f6f8fa; padding: 0 .25rem; border-radius: 4px; }
    pre { background: #f6f8fa; padding: .75rem; border-radius: 6px; overflow-x: auto; }
    pre code { padding: 0; }
    table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
    th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; }
    :focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
    fieldset { border: 1px solid #d0d7de; border-radius: 6px; margin: 0 0 1rem; }
    .field { display: grid; gap: .15rem; margin: .5rem 0; }
    .field small { color: #57606a; } .field .error { color: #a40e26; font-weight: 600; }
    .radio { margin: .25rem 0; }
    button { font: inherit; padding: .4rem 1.2rem; background: #0b3d5c; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
    button:disabled { background: #57606a; }
    [role=status] { margin: 1rem 0; font-weight: 600; }
    #try-it-timeline li.retry { color: #7d4e00; } #try-it-timeline:empty { display: none; }
    .code-block { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: .25rem 1rem; }
    .code-block pre { grid-column: 1 / -1; margin-top: 0; } .code-block h3 { margin: .5rem 0; }
    nav ul { display: flex; gap: 1rem; list-style: none; padding: 0; }
  </style>
</head>
<body>
  <header><nav>
      ${nav}
  </nav></header>
  <main>
${body}
  </main>
</body>
</html>
`;
}

function write(path, title, body) {
  const file = join(docs, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, layout(path, title, body));
  console.log(`rendered docs/${path}`);
}

// ---- index ----------------------------------------------------------------------------------------------
function indexPage() {
  const cards = vendors()
    .map((v) => card(v))
    .map(
      (c) => `
    <section class="card" id="${esc(c.vendor)}">
      <h2><a href="${esc(c.vendor)}.html">${esc(c.title)}</a> <small>${esc(c.version)}</small></h2>
      <p>${esc(c.summary)}</p>
      <p class="package">Package: ${code(`@bucketry/${c.vendor}`)} · <a href="changes.html#${esc(c.vendor)}">what changed in each release</a> · ${TRY_IT[c.vendor] ? `Try it: ${TRY_IT[c.vendor].map((p) => `<a href="try-it/${esc(tryItFile(c.vendor, p.operationId))}">${esc(p.operationId)}</a>`).join(", ")}` : "no Try-it pages yet (CONTRIBUTING.md, adding a vendor)"}</p>
      <p class="auth">Auth: ${c.auth.map((req) => req.split(" + ").map((label) => code(label)).join(" + ")).join(" or ")}</p>
      <ul class="ops">${c.operations.map((o) => `<li>${code(`${o.method} ${o.path}`)} <strong>${esc(o.id)}</strong> — ${esc(o.summary)}</li>`).join("")}</ul>
    </section>`,
    )
    .join("\n");
  write(
    "index.html",
    "API reference",
    `    <h1>bucketry API reference</h1>
    <p>Rendered from the hand-written OpenAPI specs in ${code("specs/")}; every page works offline.
      Start with a <a href="getting-started/client.html">vendor client</a>, <a href="getting-started/facade.html">the facade</a>,
      <a href="getting-started/cli.html">the CLI</a> or <a href="getting-started/mocks.html">the mocks</a>;
      compare vendors in the <a href="coverage.html">coverage matrix</a>; see how the facade maps each vendor in the
      <a href="facade.html">facade guide</a> and its <a href="api/index.html">API reference</a>.</p>
${cards}`,
  );
}

// ---- coverage matrix ------------------------------------------------------------------------------------
const resolve = (doc, node) => {
  let n = node;
  for (let i = 0; n?.$ref && i < 16; i++) n = n.$ref.slice(2).split("/").reduce((a, k) => a?.[k.replace(/~1/g, "/")], doc);
  return n;
};

/** Error body format: the media types and fields of the documented 4xx/5xx responses. */
function errorFormat(doc, op) {
  const seen = new Set();
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    if (!/^[45]/.test(status)) continue;
    for (const [media, m] of Object.entries(resolve(doc, raw)?.content ?? {})) {
      const schema = resolve(doc, m.schema);
      const fields = Object.keys(schema?.properties ?? {}).slice(0, 4);
      seen.add(`${media.includes("xml") ? `XML <${schema?.xml?.name ?? "Error"}>` : "JSON"} {${fields.join(", ")}${Object.keys(schema?.properties ?? {}).length > 4 ? ", …" : ""}}`);
    }
  }
  return [...seen].join("; ") || "undocumented";
}

function coveragePage(modules) {
  const rows = [];
  for (const v of vendors()) {
    const module = modules.find((m) => m.id === v);
    if (!module) throw new Error(`redocly.yaml lists ${v} but the facade has no provider module for it (packages/bucketry/src/providers/${v}.ts)`);
    const doc = spec(v);
    const c = card(v);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of OPERATION_METHODS) {
        const op = item[method];
        if (!op) continue;
        const schemes = op.security ?? doc.security ?? [];
        const auth = schemes.length === 0 ? "none" : schemes.map((req) => Object.keys(req).map((n) => c.schemes.find((s) => s.name === n)?.label ?? n).join(" + ")).join(" or ");
        const pagination = module.docs.pagination?.[op.operationId] ?? "none (one response)";
        rows.push(`<tr><td><a href="${v}.html">${esc(v)}</a></td><td>${code(`${method.toUpperCase()} ${path}`)}<br>${esc(op.operationId)}</td><td>${esc(auth)}</td><td>${esc(pagination)}</td><td>${esc(errorFormat(doc, op))}</td></tr>`);
      }
    }
  }
  write(
    "coverage.html",
    "Coverage matrix",
    `    <h1>Coverage matrix</h1>
    <p>Provider × operation × auth scheme × pagination style × error format, derived from the specs (pagination: from the facade's provider modules).</p>
    <table id="coverage">
      <thead><tr><th>provider</th><th>operation</th><th>auth scheme</th><th>pagination</th><th>error format</th></tr></thead>
      <tbody>
        ${rows.join("\n        ")}
      </tbody>
    </table>`,
  );
}

// ---- facade guide ---------------------------------------------------------------------------------------
function facadePage(modules) {
  const sections = modules
    .map(({ id: vendor, operation, docs: { record, fields: table, fieldWords } }) => {
      const model = operation === "listBuckets" ? "Bucket" : "BucketAcl";
      if (!table) throw new Error(`the ${vendor} provider module has no mapping table (docs.fields)`);
      const rows = Object.entries(table.fields ?? table)
        .map(([field, rule]) => `<tr><td>${code(field)}</td><td>${code(rule.from)}</td><td>${rule.required ? "yes" : "no"}</td><td>${esc(fieldWords?.[field] ?? describeConverter(rule.via))}</td></tr>`)
        .join("");
      const notes = (table.notes ?? []).map((n) => `<li>${esc(n)}</li>`).join("");
      return `
    <section id="map-${vendor}">
      <h3>${esc(vendor)}: ${code(record)} → ${code(model)}</h3>
      <table><thead><tr><th>normalized field</th><th>vendor field</th><th>required</th><th>conversion</th></tr></thead><tbody>${rows}</tbody></table>
      ${notes ? `<ul>${notes}</ul>` : ""}
    </section>`;
    })
    .join("\n");
  write(
    "facade.html",
    "Facade guide",
    `    <h1>The facade: one model for ${inWords(modules.length)} vendors</h1>
    <p>${code("createBucketClient({ provider, … })")} returns a client with exactly its vendor's operations, and
      normalizes every record into one model. Each record keeps the vendor's own record as ${code("raw")}.</p>
    <h2>The model</h2>
    <pre><code>interface Bucket { provider; name: string; createdAt?: Date; region?: string; acl?: CannedAcl; id?: string; raw }
interface BucketAcl { provider; bucket: string; owner: { id: string; displayName?: string }; acl?: CannedAcl;
  grants: { grantee: { type: "user"; id: string } | { type: "everyone" }; permission: string; scoped?: true }[];
  conditional?: true; raw }
type CannedAcl = "private" | "public-read" | "public-read-write"</code></pre>
    <p>${code("conditional: true")}: the ACL says more than ${code("grants")} can (BOS: an entry denies, has a condition or
      covers only some objects, each such grant marked ${code("scoped: true")}; OSS: a ${code("<Grant>")} bucketry does not
      know), so no canned ${code("acl")} is derived and ${code("raw")} holds the whole record.</p>
    <h2>Field mappings, per vendor</h2>
    <p>These tables are the adapters' own mapping tables (the code that normalizes responses reads them), so this page cannot drift from the code.</p>
${sections}
    <h2>Errors</h2>
    <p>Every failure is a ${code("BucketryError")} with ${code("kind")}, ${code("status")}, vendor ${code("code")}, ${code("requestId")} and ${code("retryable")}; see the <a href="api/index.html">API reference</a>.</p>`,
  );
}

// ---- try it ---------------------------------------------------------------------------------------------
// One page per spec operation of each vendor and one shared bundle; see scripts/try-it-pages.mjs.
async function tryItPages(modules) {
  const { testAccount } = await import(pathToFileURL(join(root, "packages/mocks/dist/index.js")).href);
  // Values for fields whose spec has no example: the mock's public test account, else the provider module's sample.
  const fallbacks = { project_id: testAccount.mpcProjectId, Prefix: "img" };
  for (const v of vendors()) {
    const module = modules.find((m) => m.id === v);
    for (const page of TRY_IT[v] ?? []) {
      const config = tryItConfig(v, spec(v), module, page, fallbacks);
      write(`try-it/${tryItFile(v, page.operationId)}`, `Try ${config.operationId} (${v})`, tryItBody(config, esc));
    }
    // An operation a spec change added has no page until TRY_IT names it (CONTRIBUTING.md, "Adding a vendor", step 9).
    const missing = TRY_IT[v] ? withoutTryIt(v, spec(v)) : [];
    if (missing.length > 0) console.log(`try-it: no page yet for ${v} ${missing.join(", ")}: add ${missing.length === 1 ? "it" : "them"} to TRY_IT in scripts/try-it-pages.mjs`);
  }
  await bundleTryIt(root, join(docs, "try-it", "try-it.js"));
  console.log("bundled docs/try-it/try-it.js");
}

// ---- getting started ------------------------------------------------------------------------------------
// Code samples live in docs-src/ (one file per sample) so the sample test can run exactly what is shown.
const samplesDir = join(root, "docs-src", "samples");
const sample = (name) => {
  const file = join(samplesDir, name);
  if (!existsSync(file)) throw new Error(`missing sample docs-src/samples/${name}`);
  // Focusable, so a keyboard can scroll a sample whose lines run past the page's width.
  return `<pre tabindex="0" aria-label="Code sample ${esc(name)}"><code data-sample="${esc(name)}">${esc(readFileSync(file, "utf8").trim())}</code></pre>`;
};

function gettingStarted() {
  const pages = JSON.parse(readFileSync(join(root, "docs-src", "getting-started.json"), "utf8"));
  for (const page of pages) {
    const body = page.blocks
      .map((b) => (b.sample ? sample(b.sample) : b.html))
      .join("\n    ");
    write(`getting-started/${page.slug}.html`, page.title, `    <h1>${esc(page.title)}</h1>\n    ${body}`);
  }
}

// What the facade knows of each provider (labels, mapping tables, pagination) comes from its provider module.
const { providerModules } = await import(pathToFileURL(join(root, "packages/bucketry/dist/generated/providers.js")).href);
const { describeConverter } = await import(pathToFileURL(join(root, "packages/bucketry/dist/providers/mapping.js")).href);
indexPage();
await tryItPages(providerModules);
coveragePage(providerModules);
facadePage(providerModules);
gettingStarted();
write("changes.html", "What changed", await changesPageBody(root));
// What the differential suite found against each official SDK (packages/bucketry/test/differential).
write("differences.html", "Differences from the official SDKs", `    ${readFileSync(join(root, "docs-src", "differences.html"), "utf8").trim()}`);
void readdirSync;
