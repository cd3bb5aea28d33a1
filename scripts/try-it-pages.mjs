// The docs portal's Try-it pages (issue 15): one page per spec operation of each vendor, its form generated from
// that operation in the spec (server variables, path/query parameters and body fields the caller
// chooses; the ones the signer fills are left out), and one shared browser bundle (docs-src/try-it/panel.js)
// that signs with the real facade and @bucketry/signing and answers from the @bucketry/mocks handlers in-page.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { OPERATION_METHODS } from "./repo.mjs";

/**
 * Per vendor: a page per spec operation, the first being the one the facade runs by default. Each names its
 * operation, the caller-chosen inputs of it as [where in the spec, name, the argument it fills (none: checked
 * against the spec, set by the client)], and how the page sends it: through the facade (with `facadeOptions`
 * when the operation is one of its variants) or through the bare client with `@bucketry/signing` (`bare`: the
 * operations the facade does not call).
 */
export const TRY_IT = {
  "aliyun-ens": [
    { operationId: "ListBuckets", fields: [["query", "Action"], ["query", "Version"], ["query", "Prefix", "prefix"], ["query", "PageNumber", "cursor"], ["query", "PageSize", "pageSize"]] },
    { operationId: "ListBucketsByGet", bare: true, fields: [["query", "Action", "Action"], ["query", "Version", "Version"], ["query", "Prefix", "Prefix"], ["query", "PageNumber", "PageNumber"], ["query", "PageSize", "PageSize"]] },
  ],
  "huaweicloud-mpc": [{ operationId: "ListAllBuckets", fields: [["server", "region", "region"], ["path", "project_id", "projectId"]] }],
  "baidu-bos": [
    { operationId: "GetBucketAclVirtualHosted", fields: [["server", "region", "region"], ["server", "bucketName", "bucket"]] },
    // The page's example `bucketName_example` is no valid bucket name (an underscore), which the facade refuses:
    // the form starts from the virtual-hosted server's example bucket instead.
    { operationId: "GetBucketAcl", facadeOptions: { addressing: "path" }, prefill: { bucketName: "example-bucket" }, fields: [["server", "region", "region"], ["path", "bucketName", "bucket"]] },
  ],
  "hitachi-vsp-one-object": [
    { operationId: "ListUserBuckets", fields: [["server", "scheme", "scheme"], ["server", "host", "host"], ["body", "id", "userId"], ["body", "count", "pageSize"]] },
    { operationId: "GetCsrfToken", bare: true, fields: [["server", "scheme", "scheme"], ["server", "host", "host"]] },
  ],
  "aliyun-oss": [{ operationId: "GetBucketAcl", fields: [["server", "bucket", "bucket"], ["server", "region", "region"]] }],
};

/** The page of one operation: the vendor's first operation keeps `<vendor>.html`. */
export const tryItFile = (vendor, operationId) => (TRY_IT[vendor][0].operationId === operationId ? `${vendor}.html` : `${vendor}-${operationId}.html`);

const deref = (doc, node) => {
  let n = node;
  for (let i = 0; n?.$ref && i < 16; i++) n = n.$ref.slice(2).split("/").reduce((a, k) => a?.[k.replace(/~1/g, "/")], doc);
  return n;
};

function findOperation(doc, operationId) {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of OPERATION_METHODS) {
      if (item[method]?.operationId === operationId) return { path, method, item, op: item[method] };
    }
  }
  throw new Error(`no operation ${operationId} in the spec (removed or renamed?)`);
}

/** The operationIds of a spec, in the order of its paths. */
export const specOperations = (doc) =>
  Object.values(doc.paths ?? {}).flatMap((item) => OPERATION_METHODS.map((m) => item[m]?.operationId).filter(Boolean));

/** The operations of `doc` that have no Try-it page in TRY_IT[vendor] (a spec change that added one). */
export const withoutTryIt = (vendor, doc) => specOperations(doc).filter((id) => !(TRY_IT[vendor] ?? []).some((p) => p.operationId === id));

/** The JSON Schema keywords of a parameter's schema that constrain its value. */
const RULES = ["type", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"];

/** One form field from the spec: its schema facts, and a value to start from (the spec's example, else `fallback`). */
function fieldOf(doc, found, [where, name, arg], fallback) {
  let schema;
  let required;
  let description;
  let example;
  if (where === "server") {
    const variable = (found.item.servers ?? found.op.servers ?? doc.servers)?.[0]?.variables?.[name];
    if (!variable) throw new Error(`the first server of ${found.op.operationId} has no variable ${name}`);
    schema = { type: "string", ...(variable.enum ? { enum: variable.enum } : {}) };
    required = true;
    description = variable.description;
    example = variable.default;
  } else if (where === "body") {
    const body = deref(doc, Object.values(deref(doc, found.op.requestBody)?.content ?? {})[0]?.schema);
    schema = deref(doc, body?.properties?.[name]);
    if (!schema) throw new Error(`the body of ${found.op.operationId} has no field ${name}`);
    required = (body.required ?? []).includes(name);
    description = schema.description;
    example = schema.example ?? schema.examples?.[0];
  } else {
    const p = [...(found.item.parameters ?? []), ...(found.op.parameters ?? [])].map((x) => deref(doc, x)).find((x) => x.in === where && x.name === name);
    if (!p) throw new Error(`${found.op.operationId} has no ${where} parameter ${name}`);
    schema = deref(doc, p.schema) ?? {};
    required = Boolean(p.required);
    description = p.description;
    example = p.example ?? Object.values(p.examples ?? {})[0]?.value ?? schema.example ?? schema.examples?.[0];
  }
  const types = [schema.type].flat().filter(Boolean);
  return {
    in: where,
    name,
    ...(arg ? { arg } : {}),
    required,
    type: types.includes("string") || types.length === 0 ? "string" : types[0],
    ...(schema.enum ? { enum: schema.enum } : {}),
    ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
    ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}),
    // The spec's rules for the value, which the panel checks before sending (annotations and $refs left out).
    schema: Object.fromEntries(Object.entries({ type: "string", ...schema }).filter(([k]) => RULES.includes(k))),
    description: String(description ?? "").split("\n")[0],
    value: example ?? fallback ?? "",
  };
}

/** The config one page hands to the panel. `fallbacks`: values for fields whose spec has no example. */
export function tryItConfig(vendor, doc, providerModule, page, fallbacks = {}) {
  try {
    return pageConfig(vendor, doc, providerModule, page, fallbacks);
  } catch (err) {
    // The page list is hand-kept beside the spec: a spec change that removes or renames what a page names breaks
    // it here, and the message says which list to change.
    throw new Error(`try-it: the ${vendor} page ${page.operationId} in TRY_IT (scripts/try-it-pages.mjs) no longer matches the ${vendor} spec: ${err.message}; change or remove that entry`, { cause: err });
  }
}

function pageConfig(vendor, doc, providerModule, page, fallbacks) {
  const found = findOperation(doc, page.operationId);
  return {
    provider: vendor,
    operation: providerModule.operation,
    operationId: page.operationId,
    via: page.bare ? "bare" : "facade",
    ...(page.facadeOptions ? { facadeOptions: page.facadeOptions } : {}),
    method: found.method.toUpperCase(),
    path: found.path,
    // The vendor's environment variables: the code panel's programs read keys from them.
    env: providerModule.env,
    fields: page.fields.map((f) => {
      const field = fieldOf(doc, found, f, fallbacks[f[1]]);
      return page.prefill?.[f[1]] !== undefined ? { ...field, value: page.prefill[f[1]] } : field;
    }),
    // The vendor's other Try-it pages, for the page's navigation.
    pages: TRY_IT[vendor].map((p) => ({ operationId: p.operationId, file: tryItFile(vendor, p.operationId) })),
  };
}

/** Builds docs/try-it/try-it.js (one IIFE shared by every page: a module script would not load from file://). */
export async function bundleTryIt(root, outFile) {
  mkdirSync(join(outFile, ".."), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, "docs-src", "try-it", "panel.js")],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    outfile: outFile,
    logLevel: "warning",
    legalComments: "none",
  });
}

export function tryItBody(config, esc) {
  const sender =
    config.via === "bare"
      ? `sent by the bare client <code>@bucketry/${esc(config.provider)}</code>`
      : `sent by the facade's <code>${esc(config.operation)}</code>${config.facadeOptions ? ` (with <code>${esc(JSON.stringify(config.facadeOptions))}</code>)` : ""}`;
  const nav = config.pages.length > 1
    ? `    <nav aria-label="Operations of ${esc(config.provider)}"><ul>${config.pages
        .map((p) => `<li>${p.operationId === config.operationId ? `<strong aria-current="page">${esc(p.operationId)}</strong>` : `<a href="${esc(p.file)}">${esc(p.operationId)}</a>`}</li>`)
        .join("")}</ul></nav>\n`
    : "";
  return `    <h1>Try it: ${esc(config.provider)} ${esc(config.operationId)}</h1>
${nav}    <p><code>${esc(`${config.method} ${config.path}`)}</code>, ${sender} and signed in this page by
      <code>@bucketry/signing</code>. Fields come from the spec; the ones the signer fills are not asked for.
      Your own keys stay in this page's memory only. <a href="../${esc(config.provider)}.html">API reference</a></p>
    <div id="try-it" data-provider="${esc(config.provider)}"><p>Loading the Try-it panel…</p></div>
    <script type="application/json" id="try-it-config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>
    <script defer src="try-it.js"></script>`;
}

export function writeTryIt(docs, file, html) {
  mkdirSync(join(docs, "try-it"), { recursive: true });
  writeFileSync(join(docs, "try-it", file), html);
}
