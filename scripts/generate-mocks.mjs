#!/usr/bin/env node
// Generates packages/mocks/src/generated/<vendor>.ts (+ index.ts) from specs/<vendor>.yaml: per operation
// the method, path, servers, parameters (name, in, required, JSON schema), request body schema, response
// schemas/headers/examples per status, the documented error examples, and one MSW handler factory per
// operation that delegates to the hand-written runtime in packages/mocks/src/, and the list of vendor adapters
// (src/generated/adapters.ts, from redocly.yaml's order), the vendor ids (src/generated/providers.ts) and the test
// account assembled from every adapter module's account (src/generated/accounts.ts).
//   node scripts/generate-mocks.mjs [vendor ...]          write
//   node scripts/generate-mocks.mjs [vendor ...] --check  exit 1 when a generated file is stale or edited
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { errorsOf, operationsOf } from "./mock-spec.mjs";
import { apis, root, selectVendors, writeOrCheck } from "./repo.mjs";
import { MOCK_ADAPTER, vendorFileProblems } from "./vendor-files.mjs";

const OUT_DIR = "packages/mocks/src/generated";

const check = process.argv.includes("--check");
const vendors = selectVendors(process.argv.slice(2));
const config = apis();
let stale = 0;

function header(sources) {
  return (
    `// generated from ${sources} by scripts/generate-mocks.mjs; do not edit.\n` +
    "// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.\n"
  );
}

const camel = (id) => id.charAt(0).toLowerCase() + id.slice(1);

function vendorModule(vendor, specFile) {
  const text = readFileSync(join(root, specFile), "utf8");
  const spec = parse(text);
  const ops = operationsOf(spec);
  const data = {
    provider: vendor,
    source: specFile,
    title: spec.info?.title ?? vendor,
    version: String(spec.info?.version ?? ""),
    operations: Object.fromEntries(ops.map((op) => [op.operationId, op])),
    errors: errorsOf(ops),
  };
  const hash = createHash("sha256").update(text).digest("hex");
  let out = header(specFile);
  out += `// spec sha256: ${hash}\n`;
  out += 'import { http, type HttpHandler } from "msw";\n';
  out += 'import type { MockRuntimeApi } from "../adapter.js";\n';
  out += 'import type { VendorSpec } from "../types.js";\n\n';
  out += `/** ${data.title} (${specFile}, version ${data.version}): operations, schemas, examples and documented errors. */\n`;
  out += `export const spec: VendorSpec = ${JSON.stringify(data, null, 2)};\n`;
  const factories = [];
  for (const op of ops) {
    const name = camel(op.operationId);
    factories.push(name);
    const verb = op.method.toLowerCase();
    out += `\n/** \`${op.method} ${op.path}\` — ${op.operationId}${op.summary ? `: ${op.summary.replace(/\*\//g, "* /")}` : ""}. Bound to the spec's servers and to \`baseUrls\`. */\n`;
    out += `export function ${name}(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {\n`;
    out += `  return runtime.routes(spec, ${JSON.stringify(op.operationId)}, baseUrls).map((route) => http.${verb}(route.pattern, (info) => runtime.handle(route, info.request)));\n`;
    out += "}\n";
    if (op.responses["405"]) {
      const other = `${name}MethodNotAllowed`;
      factories.push(other);
      out += `\n/** Any other method on \`${op.path}\` — answered with the documented 405. Register after \`${name}\`. */\n`;
      out += `export function ${other}(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {\n`;
      out += `  return runtime.routes(spec, ${JSON.stringify(op.operationId)}, baseUrls).map((route) => http.all(route.pattern, (info) => runtime.methodNotAllowed(route, info.request)));\n`;
      out += "}\n";
    }
  }
  out += "\n/** Every handler of this spec, in spec order (each method-not-allowed catch-all after its operation). */\n";
  out += "export function handlers(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {\n";
  out += `  return [${factories.map((f) => `...${f}(runtime, baseUrls)`).join(", ")}];\n`;
  out += "}\n";
  return out;
}

function indexModule(all) {
  const ident = (v) => v.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  let out = header(all.map((v) => config[v].spec).join(", "));
  out += "\n";
  for (const v of all) out += `import * as ${ident(v)} from "./${v}.js";\n`;
  // A named, exported type: a program that re-exports `vendors` can name it in its declarations (TS2742 otherwise).
  out += "\n/** The generated module of each vendor: `spec`, one handler factory per operation, and `handlers`. */\n";
  out += `export interface Vendors {\n${all.map((v) => `  ${JSON.stringify(v)}: typeof ${ident(v)};`).join("\n")}\n}\n`;
  out += "\n/** The generated module of each vendor, by provider id. */\n";
  out += `export const vendors: Vendors = {\n${all.map((v) => `  ${JSON.stringify(v)}: ${ident(v)},`).join("\n")}\n};\n`;
  out += `\nexport { ${all.map(ident).join(", ")} };\n`;
  return out;
}

/**
 * The vendor adapters in redocly.yaml order: each vendor's hand-written adapter is the export named after it
 * (camelCase) in src/vendors/<vendor>.ts. A vendor listed in redocly.yaml without that module fails the build.
 */
function adaptersModule(all) {
  const ident = (v) => v.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  let out = header("redocly.yaml (apis)");
  out += "// The runtime does not import this list: src/mock.ts hands it over.\n\n";
  out += 'import type { VendorAdapter } from "../adapter.js";\n';
  for (const v of all) out += `import { ${ident(v)} } from "../vendors/${v}.js";\n`;
  out += "\n/** One adapter per vendor, in the order redocly.yaml lists the specs. */\n";
  out += `export const vendorAdapters: readonly VendorAdapter[] = [${all.map(ident).join(", ")}];\n`;
  return out;
}

/** The vendor ids as a type (imports nothing: the runtime, the adapters and the state may all use it). */
function providersModule(all) {
  let out = header("redocly.yaml (apis)");
  out += "\n/** Every vendor the mocks serve, in the order redocly.yaml lists the specs. */\n";
  out += `export type Provider = ${all.map((v) => JSON.stringify(v)).join(" | ")};\n`;
  return out;
}

/**
 * The published test account, assembled from each vendor's account: the export `<camelCase>Account` of
 * src/vendors/<vendor>.ts — `{ credentials, clientOptions, facts }` (see any adapter module).
 */
function accountsModule(all) {
  const ident = (v) => v.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  let out = header("redocly.yaml (apis)");
  out += "// The test account is fake and public on purpose: the mock accepts exactly these credentials (and nothing else),\n";
  out += "// so a test proves its requests are signed correctly.\n\n";
  for (const v of all) out += `import { ${ident(v)}Account } from "../vendors/${v}.js";\n`;
  out += "\n/** Credentials in the facade's shapes (`createBucketClient({ credentials })`), per vendor. */\n";
  out += `export const testCredentials = {\n${all.map((v) => `  ${JSON.stringify(v)}: ${ident(v)}Account.credentials,\n`).join("")}} as const;\n`;
  out += "\n/** Everything else about the mock account that a client needs or a test may assert (every vendor's `facts`). */\n";
  out += `export const testAccount = {\n${all.map((v) => `  ...${ident(v)}Account.facts,\n`).join("")}} as const;\n`;
  out += "\n/** Per vendor, the `createBucketClient` options a client of the mock needs besides provider, endpoint and credentials. */\n";
  out += `export const accountClientOptions = {\n${all.map((v) => `  ${JSON.stringify(v)}: ${ident(v)}Account.clientOptions,\n`).join("")}} as const;\n`;
  return out;
}

// Every vendor needs its hand-written adapter (without it the generated adapter list does not compile), and an
// adapter of a vendor redocly.yaml does not list needs its entry: said before anything is judged stale
// (regenerating would drop such a vendor from the lists, not add its entry).
const adapterProblems = vendorFileProblems(root, Object.keys(config), MOCK_ADAPTER);
if (adapterProblems.length) {
  for (const problem of adapterProblems) console.error(problem);
  process.exit(1);
}

// Each vendor's module checked against its own spec, so a stale one names the spec that changed.
for (const v of vendors) stale += writeOrCheck([[join(OUT_DIR, `${v}.ts`), vendorModule(v, config[v].spec)]], check, config[v].spec);
// The index and the adapter list always list every vendor (a partial run must not drop the others).
const lists = [
  [join(OUT_DIR, "index.ts"), indexModule(Object.keys(config))],
  [join(OUT_DIR, "adapters.ts"), adaptersModule(Object.keys(config))],
  [join(OUT_DIR, "providers.ts"), providersModule(Object.keys(config))],
  [join(OUT_DIR, "accounts.ts"), accountsModule(Object.keys(config))],
];
stale += writeOrCheck(lists, check, "redocly.yaml");
if (check) {
  if (stale) process.exit(1);
  console.log(`generated mocks up to date: ${vendors.join(", ")}`);
}
