#!/usr/bin/env node
// Generates packages/<vendor>/src/generated/schema.ts from specs/<vendor>.yaml with openapi-typescript, and
// src/generated/late-client.ts and base-url.ts (the same for every client) from scripts/templates/, plus
// query-param.ts for a spec with a query parameter (the query helpers; a client without one would ship it unused).
//   node scripts/generate-clients.mjs [vendor ...]          write
//   node scripts/generate-clients.mjs [vendor ...] --check  exit 1 when a generated file is stale or edited
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { apis, root, selectVendors, writeOrCheck } from "./repo.mjs";
import { xmlShapesModule } from "./xml-shapes.mjs";

const check = process.argv.includes("--check");
const template = (name) =>
  `// generated from scripts/templates/${name} by scripts/generate-clients.mjs; do not edit.\n` +
  `// Change the template and run \`npm run generate\`; \`npm test\` fails when this file is stale.\n\n` +
  readFileSync(join(root, "scripts", "templates", name), "utf8");
const lateClient = template("late-client.ts");
const baseUrlCheck = template("base-url.ts");
const queryParam = template("query-param.ts");
const vendors = selectVendors(process.argv.slice(2));

/**
 * Files in a client's src/generated/ that its spec no longer produces (xml-shapes.ts after the spec's last XML body
 * went): the package would go on compiling and importing them, stale. Writing removes those this script wrote (its
 * header says so); checking reports each. A file without the header is refused either way: the folder holds
 * generated code only. Returns the number reported.
 */
function leftovers(dir, produced, spec) {
  let found = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = join(dir, entry.name);
    if (produced.includes(file)) continue;
    const generated = entry.isFile() && /^\/\/ generated from .* by scripts\/generate-clients\.mjs\b/.test(readFileSync(join(root, file), "utf8"));
    if (!generated) {
      found++;
      console.error(`${file} was not written by scripts/generate-clients.mjs: ${dir}/ holds generated code only; move it out (next to src/index.ts)`);
    } else if (check) {
      found++;
      console.error(`${file} is no longer generated from ${spec}: run \`npm run generate\` (it removes the file)`);
    } else {
      rmSync(join(root, file));
      console.log(`removed ${file} (no longer generated from ${spec})`);
    }
  }
  return found;
}
/** Whether any parameter in the spec (an operation's, a path's or a component) is sent in the query. */
function hasQueryParameter(node) {
  if (Array.isArray(node)) return node.some(hasQueryParameter);
  if (node === null || typeof node !== "object") return false;
  if (node.in === "query" && typeof node.name === "string") return true;
  return Object.values(node).some(hasQueryParameter);
}
const config = apis();
let stale = 0;

// A generated client lives in its own workspace package: without one, "stale" would send the reader to
// `npm run generate`, which cannot create it.
const withoutPackage = vendors.filter((v) => !existsSync(join(root, dirname(config[v].output), "..", "..", "package.json")));
if (withoutPackage.length) {
  for (const v of withoutPackage)
    console.error(`redocly.yaml lists "${v}" but ${join(dirname(config[v].output), "..", "..")}/package.json does not exist: create its client package (see CONTRIBUTING.md, "Adding a vendor")`);
  process.exit(1);
}

for (const vendor of vendors) {
  const { spec, output } = config[vendor];
  const ast = await openapiTS(pathToFileURL(join(root, spec)), {
    // Keep `components` names as written in the spec; the package index re-exports friendly aliases.
    alphabetize: false,
    exportType: false,
    // A `default` documents what the server assumes when a field is omitted: it must not make the
    // field required in request types (openapi-typescript's default would).
    defaultNonNullable: false,
  });
  const header =
    `// generated from ${spec} by scripts/generate-clients.mjs (openapi-typescript); do not edit.\n` +
    `// Change the spec and run \`npm run generate\`; \`npm test\` fails when this file is stale.\n\n`;
  const files = [
    [output, header + astToString(ast)],
    [join(dirname(output), "late-client.ts"), lateClient],
    [join(dirname(output), "base-url.ts"), baseUrlCheck],
  ];
  const document = parse(readFileSync(join(root, spec), "utf8"));
  if (hasQueryParameter(document)) files.push([join(dirname(output), "query-param.ts"), queryParam]);
  // Specs with XML bodies also get the element shapes (arrays, numbers) the XML reader needs.
  const xml = xmlShapesModule(document);
  if (xml) files.push([join(dirname(output), "xml-shapes.ts"), header + xml]);
  stale += writeOrCheck(files, check, spec);
  stale += leftovers(dirname(output), files.map(([file]) => file), spec);
}
if (stale) process.exit(1);
if (check) {
  console.log(`generated clients up to date: ${vendors.join(", ")}`);
}
