// Facts of the Hitachi VSP One Object 3.3.x API page "Displaying all buckets owned by a user" (PAGE below,
// POST /v1/user/list_buckets), copied from the page, and the differences between releases that Hitachi's
// earlier guides and its Ansible collection show (cited in the spec) — each asserted against
// specs/hitachi-vsp-one-object.yaml.
import { describe, expect, it } from "vitest";
import {
  type Json,
  allExampleText,
  isRequired,
  loadSpec,
  operation,
  parameter,
  requestSchema,
  resolve,
  response,
  responseSchema,
  schemaAt,
  schemasAt,
} from "./helpers";

/** The vendor's API page the spec is written from: the spec's `externalDocs`. */
const PAGE = "https://docs.hitachivantara.com/r/en-us/mk-24vsp1ob002/latest/user/displaying-all-buckets-owned-by-a-user";
const spec = loadSpec("hitachi-vsp-one-object");

/** `type` of a schema as a sorted list, so `integer` and `[integer, string]` compare uniformly. */
const types = (schema: Json): string[] => [schema.type].flat().filter(Boolean).sort();
/** Descriptions are wrapped YAML block scalars: compare with whitespace collapsed. */
const text = (value: unknown): string => String(value ?? "").replace(/\s+/g, " ");

const operations = [
  { operationId: "ListUserBuckets", method: "post", path: "/v1/user/list_buckets", tag: "User management" },
  { operationId: "GetCsrfToken", method: "get", path: "/v1/csrf", tag: "Authentication" },
];

const headerParams = [
  {
    name: "X-XSRF-TOKEN",
    type: "string",
    example: "xXSRFTOKEN_example",
    description: "XSRF token header for CSRF security. Can be obtained as the value of a cookie by performing a GET on /csrf.",
  },
  {
    name: "Cookie",
    type: "string",
    example: "cookie_example",
    description: "XSRF token header for CSRF security. Can be obtained as the value of a cookie by performing a GET on /csrf.",
  },
];

const requestFields = [
  { path: "id", types: ["integer", "string"], required: true, description: "ID of the user" },
  { path: "count", types: ["integer"], required: false, description: "Number of buckets to return", minimum: 1, maximum: 1000 },
  {
    path: "pageToken",
    types: ["string"],
    required: false,
    description: "Page token from previous request, to start listing from. Leave blank to start from the beginning of the list.",
  },
];

const responseFields = [
  { path: "buckets", types: ["array"], description: "Buckets returned from the listing." },
  { path: "buckets[].bucketId", types: ["integer", "string"], description: "ID of the bucket" },
  { path: "buckets[].bucketName", types: ["string"], description: "Bucket name" },
  {
    path: "pageToken",
    types: ["string"],
    description: "Page token that can be used in future requests to continue listing from last result.",
  },
];

const errorFields = [
  { path: "code", types: ["string"], description: "Error code" },
  { path: "message", types: ["string"], description: "Error message" },
  { path: "details", types: ["string"], description: "Error details" },
];

const pageErrorExample = { code: "example", message: "example", details: "example" };
const statuses = [
  { status: 200, description: "The buckets owned by the given user are listed in the response." },
  { status: 400, description: "The request was missing a user id or parameters are invalid.", body: pageErrorExample },
  { status: 401, description: "Access was denied due to invalid credentials." },
  { status: 404, description: "The user id could not be found.", body: pageErrorExample },
  {
    status: 405,
    description: "The specified HTTP method is not allowed. Please resend the request using the POST method.",
  },
];

const pageRequestExample = { count: 602, id: 0, pageToken: "pageToken" };
const pageResponseExample = { buckets: [{ bucketId: 0, bucketName: "example" }], pageToken: "example" };

const mediaExamples = (media: Json): Json[] =>
  Object.values<Json>(media.examples ?? {}).map((ex) => resolve(spec, ex).value);

describe("hitachi-vsp-one-object spec: document", () => {
  it("is OpenAPI 3.1 with MIT license, version 3.3.x and tags with descriptions", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe("3.3.x");
    expect(spec.info.license).toMatchObject({ name: "MIT", identifier: "MIT" });
    for (const tag of spec.tags) expect(tag.description).toBeTruthy();
  });

  it("declares the {scheme}://{host}/mapi server with its variables", () => {
    const server = spec.servers[0];
    expect(server.url).toBe("{scheme}://{host}/mapi");
    expect(server.variables.scheme).toMatchObject({ enum: ["https", "http"], default: "https" });
    expect(server.variables.host.default).toBe("localhost:9099");
    expect(server.description).toContain("admin.{region}.{cluster_name}");
    expect(server.description).toContain("9099");
  });

  it("says that Hitachi documents no request-id header (none is invented)", () => {
    expect(text(spec.info.description)).toMatch(/no request-id response header/);
    expect(spec.components.headers ?? {}).not.toHaveProperty("RequestId");
  });

  it("requires bearer AND the XSRF header AND the XSRF cookie at top level", () => {
    expect(spec.security).toEqual([{ bearerAuth: [], xsrfHeader: [], xsrfCookie: [] }]);
    const schemes = spec.components.securitySchemes;
    expect(schemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.bearerAuth.description).toContain("/auth/oauth");
    expect(schemes.bearerAuth.description).toContain("realms/vsp-object/protocol/openid-connect/token");
    expect(schemes.xsrfHeader).toMatchObject({ type: "apiKey", in: "header", name: "X-XSRF-TOKEN" });
    expect(schemes.xsrfCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "XSRF-TOKEN" });
    expect(schemes.xsrfCookie.description).toContain("vertx-web.session");
  });
});

describe("hitachi-vsp-one-object spec: operations", () => {
  it.each(operations)("$operationId is $method $path with summary, description, tag and the API page", (o) => {
    const found = operation(spec, o.operationId);
    expect(found.path).toBe(o.path);
    expect(found.method).toBe(o.method);
    expect(found.operation.summary).toBeTruthy();
    expect(found.operation.description).toBeTruthy();
    expect(found.operation.tags).toEqual([o.tag]);
    expect(spec.externalDocs?.url).toBe(PAGE);
    expect(Object.keys(found.operation.responses).some((s) => /^4(\d\d|XX)$/.test(s))).toBe(true);
  });

  it("ListUserBuckets copies the page's description", () => {
    expect(text(operation(spec, "ListUserBuckets").operation.description)).toContain(
      "Retrieves a list of buckets owned by VSP One Object users, filtered by user ID and bucket name. You can also apply filters to return a subset of results.",
    );
  });

  it("GetCsrfToken needs no auth and returns XSRF-TOKEN and vertx-web.session via Set-Cookie", () => {
    const { operation: op } = operation(spec, "GetCsrfToken");
    expect(op.security).toEqual([]);
    const ok = response(spec, "GetCsrfToken", 200);
    const setCookie = resolve(spec, ok.headers["Set-Cookie"]);
    expect(setCookie.schema.type).toBe("string");
    expect(setCookie.description).toContain("XSRF-TOKEN");
    expect(setCookie.description).toContain("vertx-web.session");
    expect(op.description).toContain("2.4.x");
    expect(op.description).toContain("GET on /csrf");
  });
});

describe("hitachi-vsp-one-object spec: ListUserBuckets request", () => {
  it.each(headerParams)("header $name is a required $type with the page's description and example", (p) => {
    const param = parameter(spec, "ListUserBuckets", p.name, "header");
    expect(param.required).toBe(true);
    expect(param.schema.type).toBe(p.type);
    expect(text(param.description)).toContain(p.description);
    expect(Object.values<Json>(param.examples).map((e) => e.value)).toContain(p.example);
  });

  it("the body is required, JSON, and its description explains the page's */* media type", () => {
    const body = resolve(spec, operation(spec, "ListUserBuckets").operation.requestBody);
    expect(body.required).toBe(true);
    expect(Object.keys(body.content)).toEqual(["application/json"]);
    expect(body.description).toContain("*/*");
  });

  it.each(requestFields)("body field $path: $types, required=$required", (f) => {
    const body = requestSchema(spec, "ListUserBuckets");
    const s = schemaAt(spec, body, f.path);
    expect(types(s)).toEqual(f.types);
    expect(text(s.description)).toContain(f.description);
    expect(isRequired(spec, body, f.path)).toBe(f.required);
    if ("minimum" in f) expect(s.minimum).toBe(f.minimum);
    if ("maximum" in f) expect(s.maximum).toBe(f.maximum);
  });

  it("keeps the page's request example verbatim", () => {
    const media = resolve(spec, operation(spec, "ListUserBuckets").operation.requestBody).content["application/json"];
    expect(mediaExamples(media)).toContainEqual(pageRequestExample);
  });

  it("contradiction: id is integer (3.3.x) or UUID string (2.x / 3.0.x), and says why", () => {
    const id = schemaAt(spec, requestSchema(spec, "ListUserBuckets"), "id");
    expect(types(id)).toEqual(["integer", "string"]);
    expect(id.description).toMatch(/UUID/);
    expect(id.description).toMatch(/3\.0\.x/);
  });

  it("contradiction: legacy startingAfter is an optional, deprecated string", () => {
    const body = requestSchema(spec, "ListUserBuckets");
    const s = schemaAt(spec, body, "startingAfter");
    expect(s.type).toBe("string");
    expect(s.deprecated).toBe(true);
    expect(isRequired(spec, body, "startingAfter")).toBe(false);
    expect(s.description).toMatch(/pageToken/);
  });

  it("count documents the HCP-CS 2.5.x default of 1000 in its description", () => {
    const s = schemaAt(spec, requestSchema(spec, "ListUserBuckets"), "count");
    expect(text(s.description)).toMatch(/default of 1000/);
  });
});

describe("hitachi-vsp-one-object spec: ListUserBuckets responses", () => {
  it.each(statuses)("$status: page description", (s) => {
    expect(text(response(spec, "ListUserBuckets", s.status).description)).toContain(s.description);
  });

  it.each(responseFields)("200 field $path: $types", (f) => {
    const found = schemasAt(spec, responseSchema(spec, "ListUserBuckets", 200, "application/json"), f.path);
    expect(found.length).toBeGreaterThan(0);
    expect(types(found[0])).toEqual(f.types);
    expect(text(found[0].description)).toContain(f.description);
  });

  it("keeps the page's 200 example verbatim", () => {
    const media = response(spec, "ListUserBuckets", 200).content["application/json"];
    expect(mediaExamples(media)).toContainEqual(pageResponseExample);
  });

  it("contradiction: 200 is the 3.3.x object or the legacy bare array, bucketId integer or string", () => {
    const result = responseSchema(spec, "ListUserBuckets", 200, "application/json");
    const branches = result.oneOf.map((b: Json) => resolve(spec, b));
    expect(branches.map((b: Json) => b.type).sort()).toEqual(["array", "object"]);
    expect(spec.components.schemas.LegacyListUserBucketsResponse.type).toBe("array");
    const legacyId = schemaAt(spec, spec.components.schemas.LegacyListUserBucketsResponse, "[].bucketId");
    expect(types(legacyId)).toEqual(["integer", "string"]);
    expect(legacyId.description).toMatch(/UUID/);
    expect(text(result.description)).toMatch(/legacy bare/);
    const pageToken = schemaAt(spec, result, "pageToken");
    expect(text(pageToken.description)).toMatch(/Absent or empty on the last page/);
    const media = response(spec, "ListUserBuckets", 200).content["application/json"];
    expect(mediaExamples(media).some((v) => Array.isArray(v))).toBe(true);
  });

  it.each(statuses.filter((s) => s.body))("$status carries ErrorResponse with the page's example", (s) => {
    const schema = responseSchema(spec, "ListUserBuckets", s.status, "application/json");
    for (const f of errorFields) {
      const field = schemaAt(spec, schema, f.path);
      expect(types(field)).toEqual(f.types);
      expect(field.description).toBe(f.description);
    }
    const media = response(spec, "ListUserBuckets", s.status).content["application/json"];
    expect(mediaExamples(media)).toContainEqual(s.body);
  });

  it.each(statuses.filter((s) => s.status >= 400 && !s.body))("$status has no documented body and says so", (s) => {
    const r = response(spec, "ListUserBuckets", s.status);
    expect(r.content).toBeUndefined();
    expect(text(r.description)).toMatch(/documents no response body/);
  });

  it("every page example value appears somewhere in the spec", () => {
    const examples = allExampleText(spec);
    for (const value of ["xXSRFTOKEN_example", "cookie_example", '"pageToken":"pageToken"', '"count":602', '"bucketName":"example"']) {
      expect(examples).toContain(value);
    }
  });

  it("response schemas stay open (no additionalProperties: false)", () => {
    for (const name of ["ListUserBucketsResponse", "UserBucket", "ErrorResponse"]) {
      expect(spec.components.schemas[name].additionalProperties).not.toBe(false);
    }
  });
});
