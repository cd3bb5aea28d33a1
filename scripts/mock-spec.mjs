// What a mock makes of a spec: its operations (parameters, schemas without documentation, response examples) and
// its documented errors, keyed as `scenario.error(provider, code)` takes them. Shared by the mock generator
// (scripts/generate-mocks.mjs) and the release check, which rates a spec change by what it does to the mocks.

import { OPERATION_METHODS } from "./repo.mjs";

/** Keywords that hold prose or links: what a reader sees, not what a mock or a client does. */
export const PROSE_KEYWORDS = ["description", "summary", "title", "externalDocs", "$comment"];
/** Documentation-only keywords dropped from schemas (the spec hash in the generated header still tracks every change). */
export const DOC_KEYWORDS = new Set([...PROSE_KEYWORDS, "examples", "example"]);

/** The node a local `$ref` ("#/components/…", JSON-pointer escaped) points at, one hop; undefined when dangling. */
export function refTarget(spec, ref) {
  return ref
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, key) => acc?.[key], spec);
}

/** Follows a local `$ref` chain to a concrete node. */
function follow(spec, node) {
  let current = node;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
    current = refTarget(spec, ref);
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

export function operationsOf(spec) {
  const ops = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = follow(spec, rawItem);
    for (const method of OPERATION_METHODS) {
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
export function errorsOf(ops) {
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
