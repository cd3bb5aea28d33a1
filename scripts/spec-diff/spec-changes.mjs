// What a spec edit does to the people who installed its client: `redocly diff` (the Redocly CLI we already pin)
// lists and rates every change; the few rules below fill the gaps where a generated TypeScript client sees a
// change differently from Redocly's HTTP-level view. Each change: { level, pointer, message, rule }.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { errorsOf, operationsOf, PROSE_KEYWORDS, refTarget } from "../mock-spec.mjs";
import { OPERATION_METHODS } from "../repo.mjs";

export const LEVELS = ["none", "patch", "minor", "major"];
export const rank = (level) => LEVELS.indexOf(level);
export const maxLevel = (levels) => levels.reduce((a, b) => (rank(b) > rank(a) ? b : a), "none");
/** How a level reads in the output. */
export const LABEL = { major: "breaking", minor: "feature", patch: "fix", none: "none" };

const diffConfig = fileURLToPath(new URL("./redocly-diff.yaml", import.meta.url));
const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/** Runs `redocly diff` and returns its JSON report. */
async function redoclyDiff(baseFile, revisionFile) {
  const dir = mkdtempSync(path.join(tmpdir(), "bucketry-spec-diff-"));
  try {
    const output = path.join(dir, "diff.json");
    const args = [redoclyBin, "diff", baseFile, revisionFile, "--format", "json", "--output", output, "--fail-on", "none", "--config", diffConfig, "--lint-config", "off"];
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", REDOCLY_SUPPRESS_NOTIFICATIONS: "true", NO_COLOR: "1" };
    const { code, stderr } = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.on("error", reject);
      child.on("close", (c) => resolve({ code: c, stderr: err }));
    });
    let text;
    try {
      text = readFileSync(output, "utf8");
    } catch {
      throw new Error(`redocly diff ${path.basename(baseFile)} ${path.basename(revisionFile)} failed (exit ${code}):\n${stderr.replace(/^.*[║╔╚].*$/gm, "").trim()}`);
    }
    return JSON.parse(text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** request | response | other, from the path Redocly walked from the document root to the change. */
function direction(walkedPath) {
  const responses = walkedPath.lastIndexOf("/responses/");
  const request = Math.max(walkedPath.lastIndexOf("/requestBody"), walkedPath.lastIndexOf("/parameters"));
  if (responses < 0 && request < 0) return "other";
  return responses > request ? "response" : "request";
}

const asList = (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const show = (values) => values.map((v) => JSON.stringify(v)).join(", ");
/** The last segment of a JSON pointer, decoded. */
const lastSegment = (pointer) => (pointer ?? "").split("/").pop().replace(/~1/g, "/").replace(/~0/g, "~");

/** Our own verdicts, for changes Redocly rates lower than a TypeScript client experiences them. */
function gapVerdicts(change) {
  if (change.typeName !== "Schema" || change.kind !== "modified") return [];
  const dir = direction(change.path);
  const before = asList(change.base?.value);
  const after = asList(change.revision?.value);
  // A parameter's schema is named by the parameter (`…/parameters/Format/schema/enum` → `Format`).
  const where = (change.revision?.pointer ?? change.base?.pointer ?? change.path).replace(/\/(enum|type)$/, "").replace(/\/schema$/, "");
  const of = `\`${lastSegment(where)}\``;
  if (change.property === "enum" && dir === "response" && after) {
    if (!before) {
      return [{ level: "major", rule: "bucketry/response-type-narrowed", message: `Response value ${of} was limited to ${show(after)}: its TypeScript type narrows to a union of these values.` }];
    }
    const lost = before.filter((v) => !after.includes(v));
    if (lost.length) {
      return [{ level: "major", rule: "bucketry/response-enum-values-removed", message: `Response enum ${of} lost values: ${show(lost)} (code that compares with them stops type-checking).` }];
    }
  }
  if (change.property === "enum" && dir === "request" && before && after) {
    const gained = after.filter((v) => !before.includes(v));
    if (gained.length) return [{ level: "minor", rule: "bucketry/request-enum-values-added", message: `Request enum ${of} accepts new values: ${show(gained)}.` }];
  }
  if (change.property === "type" && dir === "response" && before && after) {
    const lost = before.filter((t) => !after.includes(t));
    if (lost.length) {
      return [{ level: "major", rule: "bucketry/response-type-narrowed", message: `Response type of ${of} narrowed from ${show(before)} to ${show(after)}.` }];
    }
  }
  return [];
}

/** Where an `xml` keyword sits: the schema's pointer and the rest (`#/…/Owner/xml/name` → [`#/…/Owner`, "/name"]). */
const XML_KEYWORD = /^(#\/.*?)\/xml(\/(?:name|namespace|prefix|attribute|wrapped))?$/;
/** Whether a spec has an XML request or response body (a media type `…/xml` or `…+xml`). */
const hasXmlBodies = (doc) => /"[\w.-]+\/(?:[\w.-]+\+)?xml"\s*:/.test(JSON.stringify(doc.paths ?? {}) + JSON.stringify(doc.components ?? {}));

/**
 * How a schema is written in XML, as the OSS client's XML reader (generated from the spec: scripts/xml-shapes.mjs)
 * and the mocks' XML validation read it: the element (or attribute) name, whether a list is wrapped, its
 * namespace and prefix. A property's name, or a component schema's, is the default element name.
 */
function xmlMapping(doc, schemaPointer) {
  const segments = schemaPointer.split("/");
  const owner = segments.at(-2);
  const fallback = owner === "properties" || owner === "schemas" ? lastSegment(schemaPointer) : "";
  const xml = atPointer(doc, `${schemaPointer}/xml`) ?? {};
  return { name: xml.name ?? fallback, attribute: Boolean(xml.attribute), wrapped: Boolean(xml.wrapped), namespace: xml.namespace ?? "", prefix: xml.prefix ?? "" };
}

/**
 * A change of a schema's `xml` object in a spec with XML bodies. Redocly rates it documentation (a renamed element
 * is a fix, an `xml` object added a feature), and no TypeScript type shows it, but the bytes on the wire change:
 * the client reads the element by its new name (a body that has the old one loses the field, or is not shaped at
 * all when it is the root element), and the mocks answer and validate by it. Breaking, unless the mapping is the
 * same (an `xml.name` equal to the default name). Null when the change is no such change.
 */
function xmlVerdict(change, baseDoc, revisionDoc) {
  const pointer = change.revision?.pointer ?? change.base?.pointer ?? "";
  const m = XML_KEYWORD.exec(pointer);
  // `…/properties/xml` is a property named xml, not the keyword.
  if (!m || m[1].endsWith("/properties") || !(hasXmlBodies(baseDoc) || hasXmlBodies(revisionDoc))) return null;
  const schemaPointer = m[1];
  const before = xmlMapping(baseDoc, change.base?.pointer ? XML_KEYWORD.exec(change.base.pointer)?.[1] ?? schemaPointer : schemaPointer);
  const after = xmlMapping(revisionDoc, schemaPointer);
  const was = [];
  const is = [];
  for (const key of Object.keys(before)) {
    if (before[key] === after[key]) continue;
    const show = (v) => (typeof v === "boolean" ? `${key} ${v}` : v === "" ? `no ${key}` : `${key} \`${v}\``);
    was.push(show(before[key]));
    is.push(show(after[key]));
  }
  if (was.length === 0) return null;
  return {
    level: "major",
    rule: "bucketry/xml-mapping-changed",
    message: `XML mapping of \`${lastSegment(schemaPointer)}\` changed (${was.join(", ")} → ${is.join(", ")}): the client reads XML bodies, and the mocks answer and validate them, by this mapping, so a body written the old way is no longer read as its type says.`,
  };
}

/** A line for a change Redocly reports without a rule (additions, documentation). */
function plainMessage(change) {
  const pointer = change.revision?.pointer ?? change.base?.pointer ?? change.path;
  const segments = pointer.split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const name = segments.at(-1);
  const verb = change.kind === "modified" ? "changed" : change.kind;
  if (change.property) {
    const named = segments.lastIndexOf("properties") >= 0 ? segments.lastIndexOf("properties") : segments.lastIndexOf("parameters");
    const owner = named >= 0 && segments[named + 1] !== undefined ? ` of \`${segments[named + 1]}\`` : "";
    // What it was and what it is, where both are short values (`default` 10 → 20, `required` lists).
    const [was, is] = [change.base?.value, change.revision?.value].map((v) => (v === undefined ? undefined : JSON.stringify(v)));
    const values = change.kind === "modified" && was !== undefined && is !== undefined && was.length + is.length <= 200 ? `: ${was} → ${is}` : "";
    return `\`${change.property}\`${owner} ${verb}${values}.`;
  }
  if (change.typeName === "Schema" && segments.at(-2) === "properties") {
    const parent = segments.at(-3) === "schemas" ? "" : ` of \`${segments.at(-3)}\``;
    const object = segments[segments.indexOf("schemas") + 1];
    return `Property \`${name}\` of \`${segments.includes("schemas") ? object : parent}\` ${verb}.`;
  }
  if (change.typeName === "PathItem") return `Path \`${name}\` ${verb}.`;
  if (change.typeName === "Operation") return `Operation \`${name.toUpperCase()} ${segments.at(-2)}\` ${verb}.`;
  const value = change.revision?.value ?? change.base?.value;
  if (change.typeName === "ParameterList" && Array.isArray(value)) {
    return `Parameters ${verb}: ${value.map((p) => (p.$ref ? `\`${p.$ref.split("/").pop()}\`` : `\`${p.name}\` (${p.in}${p.required ? ", required" : ""})`)).join(", ")}.`;
  }
  if (change.typeName === "Parameter" && value?.name) return `Parameter \`${value.name}\` (${value.in}${value.required ? ", required" : ""}) ${verb}.`;
  const what = change.typeName.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `${what[0].toUpperCase()}${what.slice(1)} \`${name}\` ${verb}.`;
}

const RESPONSE_EXAMPLE = /\/responses\/[^/]+\/content\/[^/]+\/examples?(\/|$)/;
/** A pointer into documentation the mocks drop: a description, summary, title, link or comment — not a field so named. */
const isDocumentation = (pointer) => {
  const segments = pointer.split("/");
  // Not when the segment is a name: a property, parameter, schema, server variable… called "title".
  const named = ["properties", "patternProperties", "required", "parameters", "variables", "schemas", "headers", "responses", "requestBodies", "examples", "securitySchemes"];
  return segments.some((s, i) => PROSE_KEYWORDS.includes(s) && !named.includes(segments[i - 1] ?? ""));
};

/** What the mocks make of a spec (scripts/mock-spec.mjs): documented error codes, and every response example. */
function mockFacts(file) {
  const ops = operationsOf(parse(readFileSync(file, "utf8")));
  const examples = new Map();
  for (const op of ops) {
    for (const [status, response] of Object.entries(op.responses)) {
      for (const [media, content] of Object.entries(response.content)) {
        for (const [name, value] of Object.entries(content.examples)) examples.set(`${op.method} ${op.path} ${status} ${media} ${name}`, { status, name, value: JSON.stringify(value) });
      }
    }
  }
  return { codes: new Map(errorsOf(ops).map((e) => [e.code, e])), examples };
}

/**
 * The changes of a spec as they reach a package that embeds it and answers by it (@bucketry/mocks), where a
 * response's examples are behaviour, not documentation: each documented error (keyed by its vendor code, or its
 * status where the code is missing or shared, as `scenario.error(provider, code)` takes it) and each answer's
 * body. A documented error removed is breaking (that call throws); one added, or an example added, removed or
 * changed (the mock answers differently), a feature. Redocly, which rates examples as documentation and does not
 * report a changed value, is replaced for them; a parameter's or server variable's default (what a mock assumes
 * when a request leaves it out) is a feature too. Descriptions, summaries, titles and links, which the mocks drop, need no release of
 * them. Every other change keeps its verdict.
 */
export async function embeddedSpecChanges(baseFile, revisionFile) {
  // The mocks' types do not change with a response's body type (bucketry/response-body-type-added is about the client's).
  const changes = (await specChanges(baseFile, revisionFile)).filter((c) => c.rule !== "bucketry/response-body-type-added" && !RESPONSE_EXAMPLE.test(c.pointer ?? "") && !isDocumentation(c.pointer ?? ""));
  for (const [i, c] of changes.entries()) {
    // …and a server variable's default is what it assumes of a custom base URL that cannot carry it (OSS's bucket).
    if (/\/(parameters\/.*|servers\/.*\/variables\/[^/]+)\/default$/.test(c.pointer ?? "") && rank(c.level) < rank("minor")) {
      changes[i] = { ...c, level: "minor", rule: "bucketry/mock-default-changed", message: `${c.message.replace(/\.$/, "")} (a mock that reads it answers a request that leaves it out differently).` };
    }
  }
  const [baseDoc, revisionDoc] = [baseFile, revisionFile].map((f) => parse(readFileSync(f, "utf8")));
  for (const [i, c] of changes.entries()) changes[i] = mockServerEnumVerdict(c, baseDoc, revisionDoc);
  const before = mockFacts(baseFile);
  const after = mockFacts(revisionFile);
  for (const [code, was] of before.codes) {
    if (!after.codes.has(code)) {
      changes.push({ level: "major", rule: "bucketry/mock-error-removed", pointer: `${was.operations.join(", ")} ${was.status}`, message: `Documented error \`${code}\` (${was.status}) removed: \`scenario.error(provider, "${code}")\` throws.` });
    }
  }
  for (const [code, now] of after.codes) {
    if (!before.codes.has(code)) changes.push({ level: "minor", rule: "bucketry/mock-error-added", pointer: `${now.operations.join(", ")} ${now.status}`, message: `Documented error \`${code}\` (${now.status}) added: \`scenario.error(provider, "${code}")\` answers it.` });
  }
  for (const [where, was] of before.examples) {
    const now = after.examples.get(where);
    const at = where.split(" ").slice(0, 3).join(" ");
    if (!now) changes.push({ level: "minor", rule: "bucketry/mock-example-removed", pointer: at, message: `Response ${was.status} example \`${was.name}\` removed: the mock no longer answers with it.` });
    else if (now.value !== was.value) changes.push({ level: "minor", rule: "bucketry/mock-example-changed", pointer: at, message: `Response ${was.status} example \`${was.name}\` changed: the mock answers it differently.` });
  }
  for (const [where, now] of after.examples) {
    if (!before.examples.has(where)) changes.push({ level: "minor", rule: "bucketry/mock-example-added", pointer: where.split(" ").slice(0, 3).join(" "), message: `Response ${now.status} example \`${now.name}\` added: the mock can answer with it.` });
  }
  return changes.sort((a, b) => rank(b.level) - rank(a.level) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0) || (a.message < b.message ? -1 : 1));
}

/** A pointer into a server list: the spec's, a path item's or an operation's `servers`. */
const SERVERS = new RegExp(`^#/(?:paths/[^/]+/(?:(?:${OPERATION_METHODS.join("|")})/)?)?servers(?:/|$)`);

/** The value at a JSON pointer (`#/a/b~1c`), or undefined. */
function atPointer(doc, pointer) {
  let node = doc;
  for (const raw of pointer.replace(/^#\/?/, "").split("/").filter((s) => s !== "")) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/**
 * The changes of a spec as they reach the client generated from it. Its `servers` reach no user: openapi-typescript
 * writes no type from them and each client's endpoint is its own code (`createClient`'s region, bucket, host or
 * baseUrl options: ensEndpoint, mpcEndpoint, bosEndpoint, ossEndpoint, mapiBaseUrl), so a server URL changed or
 * removed, which Redocly rates breaking, needs no release of the client. Moving a client's endpoint is a change
 * of its src (and needs its own changeset). Every other change keeps its verdict.
 */
export async function clientSpecChanges(baseFile, revisionFile) {
  return (await specChanges(baseFile, revisionFile)).map((c) =>
    SERVERS.test(c.pointer ?? "")
      ? { ...c, level: "none", rule: "bucketry/servers-not-read-by-client", message: `${c.message.replace(/\.$/, "")} (the client does not read the spec's servers: its endpoint comes from its own createClient options).` }
      : c,
  );
}

/**
 * A server variable's `enum` as the mocks read it: the values their routes match in that part of the host
 * (packages/mocks/src/match.ts). A value lost (or an enum set where any value matched) stops the mock answering
 * requests to those hosts: breaking; a value gained (or the enum dropped) answers more: a feature. Redocly rates
 * both a fix.
 */
function mockServerEnumVerdict(c, baseDoc, revisionDoc) {
  if (!SERVERS.test(c.pointer ?? "") || !/\/variables\/[^/]+\/enum$/.test(c.pointer)) return c;
  const before = atPointer(baseDoc, c.pointer);
  const after = atPointer(revisionDoc, c.pointer);
  const lost = !Array.isArray(after) ? [] : Array.isArray(before) ? before.filter((v) => !after.includes(v)) : ["(any value)"];
  const variable = `\`${lastSegment(c.pointer.replace(/\/enum$/, ""))}\``;
  if (lost.length) {
    return { ...c, level: "major", rule: "bucketry/mock-server-values-removed", message: `Server variable ${variable} no longer takes ${Array.isArray(before) ? show(lost) : "every value"}: the mock stops answering requests to those hosts.` };
  }
  return rank(c.level) < rank("minor") ? { ...c, level: "minor", rule: "bucketry/mock-server-values-added", message: `Server variable ${variable} takes more values: the mock answers requests to more hosts.` } : c;
}

/**
 * Which way each schema of a spec travels: name → "request" (only in parameters and request bodies), "response"
 * (only in responses) or "both". A schema reached through another one travels with it. The API report uses it to
 * rate a generated member: a field users only read may become required, one they only pass may become optional.
 */
export function schemaUse(specFile) {
  const spec = parse(readFileSync(specFile, "utf8"));
  const use = new Map();
  const visit = (node, way, seen = new Set()) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
      // A whole schema or a part of one (`#/components/schemas/Bucket/properties/owner`).
      const schema = /^#\/components\/schemas\/([^/]+)/.exec(node.$ref)?.[1];
      if (schema !== undefined) {
        const was = use.get(schema);
        use.set(schema, was === undefined || was === way ? way : "both");
      }
      visit(refTarget(spec, node.$ref), way, seen);
    }
    for (const value of Object.values(node)) visit(value, way, seen);
  };
  for (const given of Object.values(spec.paths ?? {})) {
    const item = typeof given?.$ref === "string" ? refTarget(spec, given.$ref) : given;
    for (const [method, op] of Object.entries(item ?? {})) {
      if (method === "parameters") visit(op, "request");
      if (!OPERATION_METHODS.includes(method) || !op) continue;
      visit(op.parameters, "request");
      visit(op.requestBody, "request");
      visit(op.responses, "response");
    }
  }
  return use;
}

/** The component a pointer is in (`#/components/schemas/Owner/properties/ID` → `#/components/schemas/Owner`), or null. */
const componentOf = (pointer) => /^#\/components\/[^/]+\/[^/]+/.exec(pointer ?? "")?.[0] ?? null;

/**
 * Which operations reach each component of a spec, through any chain of `$ref`s (a parameter, a response, a schema
 * inside another): `#/components/<kind>/<name>` → operationIds (or `METHOD /path`). A change inside a component is
 * reported where the component is; this says which calls of the client it reaches.
 */
export function componentOperations(doc) {
  const reached = new Map();
  const visit = (node, op, seen) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
      const component = componentOf(node.$ref);
      if (component) reached.set(component, new Set([...(reached.get(component) ?? []), op]));
      visit(refTarget(doc, node.$ref), op, seen);
    }
    for (const value of Object.values(node)) visit(value, op, seen);
  };
  for (const [path, given] of Object.entries(doc.paths ?? {})) {
    const item = typeof given?.$ref === "string" ? refTarget(doc, given.$ref) : given;
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!OPERATION_METHODS.includes(method) || !op) continue;
      const name = op.operationId ?? `${method.toUpperCase()} ${path}`;
      const seen = new Set();
      if (typeof given?.$ref === "string") visit(given, name, seen);
      visit(item.parameters, name, seen);
      visit(op, name, seen);
    }
  }
  return new Map([...reached].map(([component, ops]) => [component, [...ops].sort()]));
}

// openapi-fetch types a call's `data` as the union of the bodies of its success responses and `error` as the union
// of the bodies of its error responses (`OkStatus` and `ErrorStatus` in openapi-typescript-helpers, the types
// openapi-fetch 0.17 uses); other statuses (3xx, 205) reach neither.
const OK_STATUSES = new Set(["200", "201", "202", "203", "204", "206", "207", "2XX"]);
const ERROR_STATUSES = new Set([
  ..."500 501 502 503 504 505 506 507 508 510 511 5XX".split(" "),
  ..."400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 418 420 421 422 423 424 425 426 427 428 429 430 431 444 450 451 497 498 499 4XX".split(" "),
  "default",
]);
const BODY_UNIONS = { success: "data", error: "error" };
const escapePointer = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The bodies of each operation's `data` and `error` unions: `"METHOD /path"` → { success, error }, each a list of
 * { status, media, body }: the body type is the schema with references inlined and documentation dropped, or
 * "no body" for a response without content (which openapi-fetch types as `undefined`).
 */
function bodyUnions(file) {
  const ops = new Map();
  for (const op of operationsOf(parse(readFileSync(file, "utf8")))) {
    const unions = { success: [], error: [] };
    for (const [status, response] of Object.entries(op.responses)) {
      const union = OK_STATUSES.has(status) ? unions.success : ERROR_STATUSES.has(status) ? unions.error : null;
      if (!union) continue;
      const media = Object.entries(response.content);
      if (media.length === 0) union.push({ status, media: null, body: "no body" });
      for (const [type, { schema }] of media) union.push({ status, media: type, body: JSON.stringify(schema ?? {}) });
    }
    ops.set(`${op.method} ${op.path}`, unions);
  }
  return ops;
}

/**
 * A response (or a response's media type) added to an operation with a body type that none of the operation's
 * other responses of its class has. Redocly rates an added response a feature, as it is on the wire; but the
 * generated client's `data` or `error` gains a member, and code that reads a field of it (`error.Code`,
 * `data.Owner`), or reads `data` after `if (error) throw`, stops type-checking. A body type the union has already
 * changes nothing, and the first response of a class (the union was `never`) is a feature. A changed body of an
 * existing response is the schema's change, rated where it is.
 */
function bodyUnionVerdicts(baseFile, revisionFile) {
  const before = bodyUnions(baseFile);
  const verdicts = [];
  for (const [op, after] of bodyUnions(revisionFile)) {
    const was = before.get(op);
    if (!was) continue;
    const position = (e) => `${e.status} ${e.media}`;
    for (const [kind, union] of Object.entries(after)) {
      if (was[kind].length === 0) continue;
      const existed = new Set(was[kind].map(position));
      // The bodies of the responses that were there, as the revision has them.
      const known = new Set(union.filter((e) => existed.has(position(e))).map((e) => e.body));
      for (const { status, media, body } of union) {
        if (existed.has(`${status} ${media}`) || known.has(body)) continue;
        known.add(body);
        const [method, path] = [op.slice(0, op.indexOf(" ")), op.slice(op.indexOf(" ") + 1)];
        const name = BODY_UNIONS[kind];
        verdicts.push({
          level: "major",
          rule: "bucketry/response-body-type-added",
          pointer: `#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${escapePointer(status)}${media ? `/content/${escapePointer(media)}` : ""}`,
          message:
            `Response \`${status}\`${media ? ` (\`${media}\`)` : " (no body)"} of \`${op}\` adds a body type its other ${kind} responses do not have: ` +
            `the client's \`${name}\` becomes a union with it, and code that reads a field of \`${name}\`${kind === "error" ? " (or `data` after `if (error)`)" : ""} stops type-checking.`,
        });
      }
    }
  }
  return verdicts;
}

/**
 * Every change from `baseFile` to `revisionFile`, classified, one entry per (level, pointer, message), breaking
 * first. `pointer` is a JSON pointer into the spec that holds the change (the revision, or the base for a removal).
 */
export async function specChanges(baseFile, revisionFile) {
  const report = await redoclyDiff(baseFile, revisionFile);
  const [baseDoc, revisionDoc] = [baseFile, revisionFile].map((f) => parse(readFileSync(f, "utf8")));
  const seen = new Map();
  for (const change of report.changes ?? []) {
    const pointerOf = (location) => location?.pointer ?? (change.kind === "removed" ? change.base?.pointer : change.revision?.pointer) ?? change.path;
    const xml = xmlVerdict(change, baseDoc, revisionDoc);
    const gaps = xml ? [xml] : gapVerdicts(change);
    // Where our rule reads a change, it replaces Redocly's verdicts of it that are not higher: one change, one
    // reading (a type change is "narrowed" for a TypeScript reader, not also "widened"; an XML element renamed is
    // breaking, not also a documentation fix).
    // Not for an enum: its verdicts say other things (the values gained) worth keeping.
    const ours = xml || gaps.some((v) => change.property === "type" && v.rule === "bucketry/response-type-narrowed") ? rank(maxLevel(gaps.map((v) => v.level))) : -1;
    const verdicts = [
      ...change.verdicts.filter((v) => !LEVELS.includes(v.impact) || rank(v.impact) > ours).map((v) => ({ level: v.impact, rule: v.ruleId, message: v.message, pointer: pointerOf(v.location) })),
      ...gaps.map((v) => ({ ...v, pointer: pointerOf() })),
    ];
    if (verdicts.length === 0) verdicts.push({ level: change.impact, rule: "", message: plainMessage(change), pointer: pointerOf() });
    for (const v of verdicts) {
      if (v.level === "off" || !LEVELS.includes(v.level)) continue;
      const key = `${v.level}\u0000${v.pointer}\u0000${v.message}`;
      if (!seen.has(key)) seen.set(key, v);
    }
  }
  for (const v of bodyUnionVerdicts(baseFile, revisionFile)) seen.set(`${v.level}\u0000${v.pointer}\u0000${v.message}`, v);
  // A change inside a component names the operations it reaches, in the spec as it was and as it is.
  const [before, after] = [baseDoc, revisionDoc].map(componentOperations);
  for (const v of seen.values()) {
    const component = componentOf(v.pointer);
    const operations = component ? [...new Set([...(before.get(component) ?? []), ...(after.get(component) ?? [])])].sort() : [];
    if (operations.length) v.operations = operations;
  }
  return [...seen.values()].sort((a, b) => rank(b.level) - rank(a.level) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0) || (a.message < b.message ? -1 : 1));
}
