#!/usr/bin/env node
// Generates the facade's provider registry from redocly.yaml's `apis` (the vendor registry), so that adding a
// vendor needs its provider module (packages/bucketry/src/providers/<id>.ts) and no hand-edited list:
//   src/generated/provider-ids.ts      the ids, in redocly.yaml order (PROVIDERS, the Provider type); imports nothing
//   src/generated/providers.ts         every provider module (the root entry, the CLI, ENV and the docs read it)
//   src/generated/entries/<id>.ts      `bucketry/<id>`: that provider's createBucketClient and types, no other provider
//   src/generated/root-exports.ts      what the root entry exports per provider: the types each provider module
//                                      declares, and each generated client package as a namespace
// A provider module exports `createBucketClient` and `providerModule`; every type it exports is re-exported by
// its entry, and the types it declares itself (interfaces, type aliases) by the root entry too. A type it only
// passes on from another package (`export type { X }`, e.g. its client's response type) stays on its entry: at
// the root, two providers' pass-through names could collide.
//   node scripts/generate-registry.mjs           write
//   node scripts/generate-registry.mjs --check   exit 1 when a generated file is stale, edited or left over
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { apis, root, writeOrCheck } from "./repo.mjs";
import { PROVIDER_MODULE, vendorFileProblems } from "./vendor-files.mjs";

const check = process.argv.includes("--check");
const facade = "packages/bucketry/src";
const generated = `${facade}/generated`;
const header =
  `// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.\n` +
  `// Add a vendor to redocly.yaml and write ${facade}/providers/<id>.ts; \`npm run generate\` rewrites this file\n` +
  `// and \`npm test\` fails when it is stale.\n\n`;

const ids = Object.keys(apis());
const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The exported type names and value names of a provider module (read with the TypeScript parser). */
function exportsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const types = [];
  const declared = [];
  const values = [];
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const node of source.statements) {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && exported(node)) {
      types.push(node.name.text);
      declared.push(node.name.text);
    }
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && exported(node) && node.name) values.push(node.name.text);
    else if (ts.isVariableStatement(node) && exported(node)) {
      for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) values.push(d.name.text);
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const el of node.exportClause.elements) (node.isTypeOnly || el.isTypeOnly ? types : values).push(el.name.text);
    }
  }
  return { types: types.sort(), declared: declared.sort(), values };
}

// A provider module missing, or one of a vendor redocly.yaml does not list: said before anything is judged stale
// (regenerating would drop such a vendor from the lists, not add its entry).
const problems = vendorFileProblems(root, ids, PROVIDER_MODULE);
const modules = ids.map((id) => {
  const file = `${facade}/providers/${id}.ts`;
  if (!existsSync(join(root, file))) return { id, types: [], declared: [] };
  const { types, declared, values } = exportsOf(file);
  for (const name of ["createBucketClient", "providerModule"]) if (!values.includes(name)) problems.push(`${file} must export \`${name}\``);
  return { id, types, declared };
});
// The root entry re-exports every module's declared types side by side: a name two modules declare is ambiguous.
const declaredBy = new Map();
for (const { id, declared } of modules) for (const name of declared) declaredBy.set(name, [...(declaredBy.get(name) ?? []), id]);
for (const [name, ids] of declaredBy) if (ids.length > 1) problems.push(`type ${name} is declared by the provider modules of ${ids.join(" and ")}: the root entry re-exports both, so each needs its own name`);
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}

const files = [
  [
    `${generated}/provider-ids.ts`,
    header + `/** Every provider id, in the order of redocly.yaml's \`apis\`. */\nexport const PROVIDER_IDS = [${ids.map((id) => JSON.stringify(id)).join(", ")}] as const;\n`,
  ],
  [
    `${generated}/providers.ts`,
    header +
      ids.map((id) => `import { createBucketClient as ${camel(id)}Client, providerModule as ${camel(id)} } from "../providers/${id}.js";\n`).join("") +
      `\n/** Every provider module, in the order of redocly.yaml's \`apis\`. */\nexport const providerModules = [${ids.map(camel).join(", ")}] as const;\n` +
      `\n/** Each provider's createBucketClient: all the root entry needs of a module (a bundle keeps no CLI or docs facts). */\n` +
      `export const clientFactories = {\n${ids.map((id) => `  ${JSON.stringify(id)}: ${camel(id)}Client,\n`).join("")}};\n`,
  ],
  [
    `${generated}/root-exports.ts`,
    header +
      `// The root entry's per-provider exports (src/index.ts re-exports this file): the types each provider module declares,\n` +
      `// and each vendor's generated client package as a namespace (the escape hatch to the raw client).\n` +
      modules.map(({ id, declared }) => (declared.length ? `export type { ${declared.join(", ")} } from "../providers/${id}.js";\n` : "")).join("") +
      `\n` +
      ids.map((id) => `export * as ${camel(id)} from "@bucketry/${id}";\n`).join(""),
  ],
  ...modules.map(({ id, types }) => [
    `${generated}/entries/${id}.ts`,
    header +
      `// \`bucketry/${id}\`: createBucketClient for this provider alone (the root entry's options, \`provider\` optional). It\n` +
      `// imports this provider's module and the shared runtime only — no registry, no other provider.\n` +
      `export { createBucketClient } from "../../providers/${id}.js";\n` +
      (types.length ? `export type { ${types.join(", ")} } from "../../providers/${id}.js";\n` : "") +
      `export * from "../../surface.js";\n`,
  ]),
];

let stale = writeOrCheck(files, check, "redocly.yaml");
// An entry of a vendor no longer in redocly.yaml.
const entriesDir = join(root, generated, "entries");
const expected = new Set(ids.map((id) => `${id}.ts`));
for (const name of existsSync(entriesDir) ? readdirSync(entriesDir) : []) {
  if (expected.has(name)) continue;
  if (check) {
    stale++;
    console.error(`${generated}/entries/${name} is left over (no such vendor in redocly.yaml): run \`npm run generate\``);
  } else {
    rmSync(join(entriesDir, name));
    console.log(`removed ${generated}/entries/${name}`);
  }
}
if (check) {
  if (stale) process.exit(1);
  console.log(`generated provider registry up to date: ${ids.join(", ")}`);
}
