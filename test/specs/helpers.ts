// Small readers over a parsed spec, so the per-page fact lists stay declarative.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export function specPath(vendor: string): string {
  return fileURLToPath(new URL(`../../specs/${vendor}.yaml`, import.meta.url));
}

export function loadSpec(vendor: string): Json {
  return parse(readFileSync(specPath(vendor), "utf8"));
}

/** Follows local `$ref`s (`#/components/...`) until a concrete node. */
export function resolve(spec: Json, node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current === "object" && "$ref" in current; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc: Json, key) => acc?.[key], spec);
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current;
}

export interface FoundOperation {
  path: string;
  method: string;
  operation: Json;
  pathItem: Json;
}

export function operation(spec: Json, operationId: string): FoundOperation {
  for (const [path, rawItem] of Object.entries<Json>(spec.paths ?? {})) {
    const pathItem = resolve(spec, rawItem);
    for (const method of METHODS) {
      if (pathItem[method]?.operationId === operationId) {
        return { path, method, operation: pathItem[method], pathItem };
      }
    }
  }
  throw new Error(`no operation ${operationId}`);
}

/** A parameter of an operation (operation-level wins over path-level), resolved. */
export function parameter(spec: Json, operationId: string, name: string, location: string): Json {
  const { operation: op, pathItem } = operation(spec, operationId);
  const all = [...(op.parameters ?? []), ...(pathItem.parameters ?? [])].map((p: Json) => resolve(spec, p));
  const found = all.find((p: Json) => p.in === location && p.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`${operationId}: no ${location} parameter ${name}`);
  return { ...found, schema: found.schema ? resolve(spec, found.schema) : undefined };
}

/** Schema variants reachable without descending into properties (allOf/oneOf/anyOf branches). */
function variants(spec: Json, schema: Json): Json[] {
  const s = resolve(spec, schema);
  if (!s || typeof s !== "object") return [];
  const out = [s];
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    for (const branch of s[key] ?? []) out.push(...variants(spec, branch));
  }
  return out;
}

/**
 * The schema at a dotted path: `buckets[].bucketId` means property `buckets`, its array items, then
 * property `bucketId`. Looks through allOf/oneOf/anyOf; returns every match (a field may exist in
 * several variants, e.g. a legacy and a current response shape).
 */
export function schemasAt(spec: Json, schema: Json, path: string): Json[] {
  let current: Json[] = variants(spec, schema);
  const steps = path.split(".").flatMap((part) => {
    const m = /^([^[]*)((?:\[\])*)$/.exec(part)!;
    const list: string[] = [];
    if (m[1]) list.push(m[1]);
    for (let i = 0; i < m[2]!.length / 2; i++) list.push("[]");
    return list;
  });
  for (const step of steps) {
    const next: Json[] = [];
    for (const s of current) {
      if (step === "[]") {
        if (s.items) next.push(...variants(spec, s.items));
      } else if (s.properties?.[step]) {
        next.push(...variants(spec, s.properties[step]));
      }
    }
    current = next;
  }
  return current;
}

export function schemaAt(spec: Json, schema: Json, path: string): Json {
  const found = schemasAt(spec, schema, path);
  if (found.length === 0) throw new Error(`no schema at ${path}`);
  return found[0];
}

/** True when `name` is listed as required on some variant of the object holding it. */
export function isRequired(spec: Json, schema: Json, path: string): boolean {
  const parts = path.split(".");
  const leaf = parts.pop()!;
  const holders = parts.length ? schemasAt(spec, schema, parts.join(".")) : variants(spec, schema);
  return holders.some((h) => (h.required ?? []).includes(leaf));
}

export function response(spec: Json, operationId: string, status: string | number): Json {
  const { operation: op } = operation(spec, operationId);
  const r = op.responses?.[String(status)];
  if (!r) throw new Error(`${operationId}: no ${status} response`);
  return resolve(spec, r);
}

export function responseSchema(spec: Json, operationId: string, status: string | number, mediaType?: string): Json {
  const r = response(spec, operationId, status);
  const content = r.content ?? {};
  const type = mediaType ?? Object.keys(content)[0];
  if (!type || !content[type]) throw new Error(`${operationId} ${status}: no ${mediaType ?? "content"}`);
  return resolve(spec, content[type].schema);
}

export function requestSchema(spec: Json, operationId: string, mediaType?: string): Json {
  const { operation: op } = operation(spec, operationId);
  const body = resolve(spec, op.requestBody);
  const content = body?.content ?? {};
  const type = mediaType ?? Object.keys(content)[0];
  if (!type || !content[type]) throw new Error(`${operationId}: no request body ${mediaType ?? ""}`);
  return resolve(spec, content[type].schema);
}

/** Every example value anywhere in the document (examples, example, x-… excluded), as JSON text. */
export function allExampleText(spec: Json): string {
  const out: string[] = [];
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "example") out.push(JSON.stringify(value));
      else if (key === "examples") {
        if (Array.isArray(value)) out.push(JSON.stringify(value));
        else for (const ex of Object.values<Json>(value as Json)) out.push(JSON.stringify(resolve(spec, ex)?.value ?? ex));
      }
      walk(value);
    }
  };
  walk(spec);
  return out.join("\n");
}
