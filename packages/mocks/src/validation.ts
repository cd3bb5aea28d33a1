// Request and response validation against the spec (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonSchema, OperationSpec, ParameterSpec, RequestParts, ResponseSpec, ValidationIssue } from "./types.js";

export type { RequestParts, ValidationIssue };

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });

const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: JsonSchema): ValidateFunction {
  if (typeof schema === "boolean") return ajv.compile(schema);
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const closedCopies = new WeakMap<object, JsonSchema>();

/**
 * A copy of `schema` where every object schema that lists `properties` and says nothing about extra ones
 * rejects them (`unevaluatedProperties: false`, which also sees through allOf/oneOf). Vendors may add
 * fields, so real responses are checked open; the mocks' own answers are checked closed, so a renamed
 * or dropped field in the spec cannot go unnoticed.
 */
export function closedSchema(schema: JsonSchema): JsonSchema {
  if (typeof schema !== "object" || schema === null) return schema;
  const cached = closedCopies.get(schema);
  if (cached) return cached;
  const close = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(close);
    if (typeof node !== "object" || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // Examples and enums are data, not schemas.
      out[key] = key === "examples" || key === "example" || key === "enum" || key === "const" || key === "default" ? value : close(value);
    }
    if ("properties" in out && !("additionalProperties" in out) && !("unevaluatedProperties" in out)) out.unevaluatedProperties = false;
    return out;
  };
  const copy = close(schema) as JsonSchema;
  closedCopies.set(schema, copy);
  return copy;
}

/** Validates `value`; returns the errors as `path message` strings (empty when valid). */
export function validateSchema(schema: JsonSchema | undefined, value: unknown, at = "", options: { closed?: boolean } = {}): string[] {
  if (schema === undefined) return [];
  const fn = validator(options.closed ? closedSchema(schema) : schema);
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e: ErrorObject) => `${at}${e.instancePath || ""} ${e.message ?? "is invalid"}${detailOf(e)}`.trim());
}

/** What the error is about, where ajv's message leaves it out: the allowed values, or the field not in the schema. */
function detailOf(e: ErrorObject): string {
  const params = e.params as { allowedValues?: unknown[]; unevaluatedProperty?: string; additionalProperty?: string } | undefined;
  if (params?.allowedValues) return ` (${params.allowedValues.join(", ")})`;
  const field = params?.unevaluatedProperty ?? params?.additionalProperty;
  return field === undefined ? "" : `: ${JSON.stringify(field)}`;
}

const typesOf = (schema: JsonSchema): string[] =>
  typeof schema === "object" && schema !== null ? [schema.type].flat().filter((t): t is string => typeof t === "string") : [];

/** A parameter value as the schema expects it: query/header strings become numbers/booleans where only those fit. */
function coerce(schema: JsonSchema, raw: string): unknown[] {
  const types = typesOf(schema);
  const candidates: unknown[] = [raw];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(raw)) candidates.push(Number(raw));
  if (types.includes("boolean") && (raw === "true" || raw === "false")) candidates.push(raw === "true");
  return candidates;
}

function valueOf(p: ParameterSpec, parts: RequestParts): string | undefined {
  switch (p.in) {
    case "path":
      return parts.path[p.name];
    case "query":
      return parts.query.get(p.name);
    case "header":
      return parts.headers.get(p.name) ?? undefined;
    case "cookie":
      return parts.cookies.get(p.name);
    default:
      return undefined;
  }
}

/** Checks path, query, header and cookie parameters and the JSON body; returns the issues in spec order. */
export function validateRequest(operation: OperationSpec, parts: RequestParts, options: { skipSecurity?: boolean } = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const p of operation.parameters) {
    if (options.skipSecurity && p.security) continue;
    const location = p.in as ValidationIssue["location"];
    const value = valueOf(p, parts);
    if (value === undefined) {
      if (p.required) issues.push({ kind: "missing", location, name: p.name, message: `${p.in} parameter ${p.name} is required` });
      continue;
    }
    if (value === "" && p.allowEmptyValue) continue;
    // A schema that takes a string: the wire value must pass as that string (its `pattern`) and, where it reads
    // as a number, as that number too (`minimum`/`maximum`). Otherwise any form it coerces to will do.
    const everyForm = typesOf(p.schema).includes("string");
    let errors: string[] = [];
    for (const candidate of coerce(p.schema, value)) {
      errors = validateSchema(p.schema, candidate, p.name);
      if (everyForm ? errors.length > 0 : errors.length === 0) break;
    }
    if (errors.length) issues.push({ kind: "invalid", location, name: p.name, message: `${p.in} parameter ${errors.join("; ")}` });
  }
  const body = operation.requestBody;
  if (body) {
    const text = parts.bodyText;
    if (text.trim() === "") {
      if (body.required) issues.push({ kind: "missing", location: "body", name: "body", message: "request body is required" });
    } else {
      const type = (parts.contentType ?? "").split(";")[0]!.trim().toLowerCase();
      const media = body.content[type] ?? (type === "" ? Object.values(body.content)[0] : undefined);
      if (!media) {
        issues.push({ kind: "invalid", location: "body", name: "body", message: `unsupported content type ${type || "(none)"}; expected ${Object.keys(body.content).join(", ")}` });
      } else if (/json/.test(type || "json")) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          issues.push({ kind: "invalid", location: "body", name: "body", message: "request body is not valid JSON" });
          return issues;
        }
        const errors = validateSchema(media.schema, value, "body");
        if (errors.length) {
          // Name the first offending field (`body/id` → `id`) for vendor errors that carry a field name.
          const missing = /must have required property '([^']+)'/.exec(errors.join("; "));
          const field = missing?.[1] ?? /^body\/([^/ ]+)/.exec(errors[0]!)?.[1] ?? "body";
          issues.push({ kind: missing ? "missing" : "invalid", location: "body", name: field, message: errors.join("; ") });
        }
      }
    }
  }
  return issues;
}

/** The response spec for a status: exact code, then `4XX`-style range, then `default`. */
export function responseSpecFor(operation: OperationSpec, status: number): ResponseSpec | undefined {
  return operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
}

export interface ResponseCheck {
  valid: boolean;
  errors: string[];
}

/**
 * Validates a response (status, required headers, body) against the operation. `parseXml` turns an XML body
 * into the object the schema describes (root unwrapped), e.g. `(t) => readXml(t, xmlShapes)` from
 * `@bucketry/aliyun-oss`; without it XML bodies are only checked for their root element.
 */
export function validateResponse(
  operation: OperationSpec,
  response: { status: number; headers: Headers | Record<string, string>; body: string | null },
  options: {
    parseXml?: (text: string) => { root: string; value: unknown };
    /** Reject body fields the spec does not list (for the mocks' own answers; see `closedSchema`). */
    closed?: boolean;
  } = {},
): ResponseCheck {
  const headers = response.headers instanceof Headers ? response.headers : new Headers(response.headers);
  const spec = responseSpecFor(operation, response.status);
  if (!spec) return { valid: false, errors: [`status ${response.status} is not documented for ${operation.operationId}`] };
  const errors: string[] = [];
  for (const [name, h] of Object.entries(spec.headers)) {
    const value = headers.get(name);
    if (value === null) {
      if (h.required) errors.push(`required header ${name} is missing`);
      continue;
    }
    if (name.toLowerCase() === "set-cookie") continue;
    let headerErrors: string[] = [];
    for (const candidate of h.schema ? coerce(h.schema, value) : []) {
      headerErrors = validateSchema(h.schema, candidate, `header ${name}`);
      if (headerErrors.length === 0) break;
    }
    errors.push(...headerErrors);
  }
  const media = Object.entries(spec.content);
  const body = response.body ?? "";
  if (media.length === 0) return { valid: errors.length === 0, errors };
  if (body === "") {
    errors.push("body is empty but the spec documents one");
    return { valid: false, errors };
  }
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const entry = media.find(([t]) => t === type);
  if (!entry) {
    errors.push(`content type ${type || "(none)"} is not documented (expected ${media.map(([t]) => t).join(", ")})`);
    return { valid: false, errors };
  }
  const [, m] = entry;
  if (/[/+]xml$/.test(type)) {
    const schema = m.schema as { xml?: { name?: string } } | undefined;
    const expectedRoot = schema?.xml?.name;
    if (options.parseXml) {
      let doc: { root: string; value: unknown };
      try {
        doc = options.parseXml(body);
      } catch (err) {
        errors.push(`body is not well-formed XML: ${(err as Error).message}`);
        return { valid: false, errors };
      }
      if (expectedRoot && doc.root !== expectedRoot) errors.push(`XML root is <${doc.root}>, expected <${expectedRoot}>`);
      errors.push(...validateSchema(m.schema, doc.value, "body", { closed: options.closed ?? false }));
    } else if (expectedRoot && !new RegExp(`<${expectedRoot}[\\s>/]`).test(body)) {
      errors.push(`XML root <${expectedRoot}> not found`);
    }
  } else {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      errors.push("body is not valid JSON");
      return { valid: false, errors };
    }
    errors.push(...validateSchema(m.schema, value, "body", { closed: options.closed ?? false }));
  }
  return { valid: errors.length === 0, errors };
}
