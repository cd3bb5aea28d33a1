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
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { apis, root, selectVendors, writeOrCheck } from "./repo.mjs";

const OUT_DIR = "packages/mocks/src/generated";
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** Documentation-only keywords dropped from schemas (the spec hash in the header still tracks every change). */
const DOC_KEYWORDS = new Set(["description", "summary", "examples", "example", "externalDocs", "$comment", "title"]);

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

/** Follows a local `$ref` chain to a concrete node. */
function follow(spec, node) {
  let current = node;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc, key) => acc?.[key], spec);
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current;
}

/** A schema with every `$ref` inlined (the specs have no recursive schemas) and documentation keywords dropped. */
function schemaOf(spec, node, stack = []) {
  if (Array.isArray(node)) return node.map((n) => schemaOf(spec, n, stack));
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (stack.includes(node.$ref)) throw new Error(`recursive schema ${node.$ref} is not supported`);
    const { $ref, ...siblings } = node;
    const target = schemaOf(spec, follow(spec, { $ref }), [...stack, $ref]);
    // OpenAPI 3.1 allows siblings next to $ref (descriptions, mostly): keep the non-documentation ones.
    const extra = schemaOf(spec, siblings, stack);
    return Object.keys(extra).length ? { allOf: [target], ...extra } : target;
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOC_KEYWORDS.has(key)) continue;
    if (key === "properties" || key === "patternProperties" || key === "$defs") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaOf(spec, v, stack)]));
    } else if (key === "enum" || key === "const" || key === "default" || key === "required" || key === "xml") {
      out[key] = value;
    } else {
      out[key] = schemaOf(spec, value, stack);
    }
  }
  return out;
}

function examplesOf(spec, media) {
  const out = {};
  for (const [name, ex] of Object.entries(media.examples ?? {})) {
    const resolved = follow(spec, ex);
    if (resolved && "value" in resolved) out[name] = resolved.value;
  }
  if ("example" in media && Object.keys(out).length === 0) out.default = media.example;
  return out;
}

function contentOf(spec, content) {
  const out = {};
  for (const [type, rawMedia] of Object.entries(content ?? {})) {
    const media = follow(spec, rawMedia);
    out[type] = { ...(media.schema ? { schema: schemaOf(spec, media.schema) } : {}), examples: examplesOf(spec, media) };
  }
  return out;
}

function serversOf(servers) {
  return (servers ?? []).map((s) => ({
    url: s.url,
    variables: Object.fromEntries(
      Object.entries(s.variables ?? {}).map(([name, v]) => [name, { default: String(v.default), ...(v.enum ? { enum: v.enum.map(String) } : {}) }]),
    ),
  }));
}

/** Header/cookie names the security schemes of `security` carry (checked by auth, not by parameter validation). */
function securityNames(spec, security) {
  const names = new Set();
  const schemes = spec.components?.securitySchemes ?? {};
  for (const requirement of security ?? []) {
    for (const schemeName of Object.keys(requirement)) {
      const scheme = follow(spec, schemes[schemeName] ?? {});
      if (scheme.type === "apiKey" && scheme.in === "header") names.add(`header:${scheme.name.toLowerCase()}`);
      if (scheme.type === "apiKey" && scheme.in === "cookie") {
        names.add(`cookie:${scheme.name.toLowerCase()}`);
        names.add("header:cookie");
      }
      if (scheme.type === "http") names.add("header:authorization");
    }
  }
  return names;
}

function operationsOf(spec) {
  const ops = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = follow(spec, rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const security = op.security ?? spec.security ?? [];
      const secured = securityNames(spec, security);
      const params = new Map();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = follow(spec, raw);
        params.set(`${p.in}:${p.name}`, p);
      }
      const parameters = [...params.values()].map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: schemaOf(spec, p.schema ?? {}),
        ...(p.allowEmptyValue ? { allowEmptyValue: true } : {}),
        ...(p.deprecated ? { deprecated: true } : {}),
        ...(secured.has(`${p.in}:${p.name.toLowerCase()}`) ? { security: true } : {}),
      }));
      const body = op.requestBody ? follow(spec, op.requestBody) : undefined;
      const responses = {};
      for (const [status, rawResponse] of Object.entries(op.responses ?? {})) {
        const r = follow(spec, rawResponse);
        const headers = {};
        for (const [name, rawHeader] of Object.entries(r.headers ?? {})) {
          const h = follow(spec, rawHeader);
          headers[name] = { required: h.required === true, ...(h.schema ? { schema: schemaOf(spec, h.schema) } : {}) };
        }
        responses[status] = { headers, content: contentOf(spec, r.content) };
      }
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: (op.summary ?? "").replace(/\s+/g, " ").trim(),
        servers: serversOf(op.servers ?? item.servers ?? spec.servers),
        parameters,
        ...(body ? { requestBody: { required: body.required === true, content: contentOf(spec, body.content) } } : {}),
        responses,
        security,
      });
    }
  }
  return ops;
}

/** The vendor's own code in an error example body (JSON `Code`/`code`/`error_code`, XML `<Code>`). */
function codeOf(body) {
  if (typeof body === "string") return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const code = body.Code ?? body.error_code ?? body.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/**
 * Every documented error (status >= 400) with its example body. Keyed by the vendor code; where a code is
 * missing, a placeholder, or shared by several statuses (Hitachi's "example"), by the status instead.
 */
function errorsOf(ops) {
  const found = [];
  for (const op of ops) {
    for (const [statusKey, response] of Object.entries(op.responses)) {
      if (!/^\d{3}$/.test(statusKey) || Number(statusKey) < 400) continue;
      const status = Number(statusKey);
      const media = Object.entries(response.content);
      let any = false;
      for (const [mediaType, m] of media) {
        for (const [example, body] of Object.entries(m.examples)) {
          any = true;
          found.push({ code: codeOf(body), status, operationId: op.operationId, mediaType, example, body });
        }
      }
      if (!any) found.push({ code: undefined, status, operationId: op.operationId });
    }
  }
  const statusesOf = new Map();
  for (const f of found) if (f.code) statusesOf.set(f.code, new Set([...(statusesOf.get(f.code) ?? []), f.status]));
  const byKey = new Map();
  for (const f of found) {
    const key = f.code && statusesOf.get(f.code).size === 1 && f.code !== "example" ? f.code : String(f.status);
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.operations.includes(f.operationId)) existing.operations.push(f.operationId);
      continue;
    }
    byKey.set(key, {
      code: key,
      status: f.status,
      operations: [f.operationId],
      ...(f.mediaType ? { mediaType: f.mediaType, example: f.example, body: f.body } : {}),
    });
  }
  return [...byKey.values()];
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

// Every vendor needs its hand-written adapter: without it the generated adapter list does not compile.
const missingAdapters = Object.keys(config).filter((v) => !existsSync(join(root, "packages/mocks/src/vendors", `${v}.ts`)));
if (missingAdapters.length) {
  for (const v of missingAdapters)
    console.error(`redocly.yaml lists "${v}" but packages/mocks/src/vendors/${v}.ts does not exist: write its mock adapter (see CONTRIBUTING.md, "Adding a vendor")`);
  process.exit(1);
}

const files = vendors.map((v) => [join(OUT_DIR, `${v}.ts`), vendorModule(v, config[v].spec)]);
// The index and the adapter list always list every vendor (a partial run must not drop the others).
files.push([join(OUT_DIR, "index.ts"), indexModule(Object.keys(config))]);
files.push([join(OUT_DIR, "adapters.ts"), adaptersModule(Object.keys(config))]);
files.push([join(OUT_DIR, "providers.ts"), providersModule(Object.keys(config))]);
files.push([join(OUT_DIR, "accounts.ts"), accountsModule(Object.keys(config))]);

stale += writeOrCheck(files, check);
if (check) {
  if (stale) process.exit(1);
  console.log(`generated mocks up to date: ${vendors.join(", ")}`);
}
