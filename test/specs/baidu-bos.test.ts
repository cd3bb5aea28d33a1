// Facts of the BOS API page "Get Access Permission for a Bucket" (PAGE below), checked against
// specs/baidu-bos.yaml. The tables below are copied from the page (plus what BOS's wider documentation and
// official SDKs show, which the spec models too); each row must be present in the spec.
import { describe, expect, it } from "vitest";
import {
  allExampleText,
  isRequired,
  loadSpec,
  operation,
  parameter,
  resolve,
  response,
  responseSchema,
  schemaAt,
  schemasAt,
} from "./helpers";

const spec = loadSpec("baidu-bos");
/** Descriptions are folded YAML blocks: compare with whitespace collapsed. */
const norm = (text: unknown): string => String(text ?? "").replace(/\s+/g, " ");
/** The vendor's API page the spec is written from: the spec's `externalDocs`. */
const PAGE = "https://cloud.baidu.com/doc/BOS/s/vkkp8dw3a";
const PATH_STYLE = "GetBucketAcl";
const VIRTUAL = "GetBucketAclVirtualHosted";
const OPS = [PATH_STYLE, VIRTUAL];
const REGIONS = ["bj", "bd", "su", "gz", "cd", "yq", "hkg", "fwh", "fsh"];

describe("baidu-bos: operations", () => {
  it("path style: GET /v1/{bucketName} (the page's /v1/{bucketName}/?acl)", () => {
    const { path, method, operation: op } = operation(spec, PATH_STYLE);
    expect(path).toBe("/v1/{bucketName}");
    expect(method).toBe("get");
    expect(op.summary).toBe("Get Access Permission for a Bucket");
    expect(norm(op.description)).toContain("This API retrieves a bucket’s access permissions.");
    expect(norm(op.description)).toContain("GET /v1/{bucketName}/?acl");
    expect(norm(op.description)).toContain("GET /v1/bucketName_example/?acl");
    expect(norm(op.description)).toMatch(/2024-06-01/);
    expect(op.requestBody).toBeUndefined();
  });

  it("virtual-hosted: GET / on {bucketName}.{region}.bcebos.com", () => {
    const { path, method, operation: op, pathItem } = operation(spec, VIRTUAL);
    expect(path).toBe("/");
    expect(method).toBe("get");
    const servers = op.servers ?? pathItem.servers;
    expect(servers[0].url).toBe("https://{bucketName}.{region}.bcebos.com");
    expect(servers[0].variables.region.enum).toEqual(REGIONS);
    expect(servers[0].variables.bucketName.default).toBeTruthy();
    expect(norm(op.description)).toMatch(/2024-06-01/);
  });

  it.each(OPS)("%s has tags, summary, description and the API page", (id) => {
    const { operation: op } = operation(spec, id);
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(op.summary).toBeTruthy();
    expect(op.description).toBeTruthy();
    expect(spec.externalDocs?.url).toBe(PAGE);
  });

  it("OpenAPI 3.1 with MIT license", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.license).toMatchObject({ name: "MIT", identifier: "MIT" });
  });
});

// Request URI table + `?acl` + the BCE common request headers (https://cloud.baidu.com/doc/Reference/s/njwvz1yfu).
const parameters = [
  { ops: [PATH_STYLE], name: "bucketName", in: "path", required: true, type: "string", description: "Bucket name", example: "bucketName_example" },
  { ops: OPS, name: "acl", in: "query", required: true, type: "string", description: "acl", example: "" },
  { ops: OPS, name: "x-bce-date", in: "header", required: false, type: "string", description: "2015-04-27T08:23:49Z", example: "2015-04-27T08:23:49Z" },
  { ops: OPS, name: "x-bce-security-token", in: "header", required: false, type: "string", description: "STS", example: undefined },
];

describe("baidu-bos: parameters", () => {
  const rows = parameters.flatMap((p) => p.ops.map((op) => ({ ...p, op })));
  it.each(rows)("$op: $in $name (required=$required)", (row) => {
    const p = parameter(spec, row.op, row.name, row.in);
    expect(p.name).toBe(row.name);
    expect(Boolean(p.required)).toBe(row.required);
    expect(p.schema.type).toBe(row.type);
    expect(norm(p.description)).toContain(row.description);
    if (row.example !== undefined) {
      expect(Object.values<{ value: unknown }>(p.examples).map((e) => e.value)).toContain(row.example);
    }
  });

  it.each(OPS)("%s: acl is a required empty-valued query parameter", (id) => {
    const p = parameter(spec, id, "acl", "query");
    expect(p).toMatchObject({ required: true, allowEmptyValue: true });
    expect(p.schema.enum).toEqual([""]);
  });

  it.each(OPS)("%s: no parameter named Authorization or Host", (id) => {
    const { operation: op } = operation(spec, id);
    const names = (op.parameters ?? []).map((p: unknown) => resolve(spec, p).name.toLowerCase());
    expect(names).not.toContain("authorization");
    expect(names).not.toContain("host");
    expect(norm(op.description)).toContain("Host");
  });
});

// Response body tables: Owner, AccessControlList, Grantee (+ SDK optional fields).
const fields = [
  { path: "owner", type: "object", required: true, description: "Bucket owner information" },
  { path: "owner.id", type: "string", required: true, description: "Owner user ID", example: "16df583fe6824d73a5f858f06de0af03" },
  { path: "accessControlList", type: "array", required: true, description: "Container for storing ACL" },
  { path: "accessControlList[].grantee", type: "array", required: true, description: "An authorized person" },
  { path: "accessControlList[].grantee[].id", type: "string", required: true, description: "Authorized user ID", example: "10eb6f5ff6ff4605bf044313e8f3ffa5" },
  { path: "accessControlList[].permission", type: "array", required: true, description: "Permissions include: FULL_CONTROL, READ, WRITE, LIST, MODIFY, GetObject, PutObject, DeleteObject, RestoreObject, etc." },
  { path: "accessControlList[].resource", type: "array", required: false, description: "SDK" },
  { path: "accessControlList[].notResource", type: "array", required: false, description: "SDK" },
  { path: "accessControlList[].condition", type: "object", required: false, description: "SDK" },
  { path: "accessControlList[].effect", type: "string", required: false, description: "Deny" },
];

const PERMISSIONS = ["FULL_CONTROL", "READ", "WRITE", "LIST", "MODIFY", "GetObject", "PutObject", "DeleteObject", "RestoreObject"];

describe("baidu-bos: 200 response body", () => {
  it.each(OPS)("%s: 200 is the shared GetBucketAclOk response", (id) => {
    expect(operation(spec, id).operation.responses["200"].$ref).toBe("#/components/responses/GetBucketAclOk");
  });

  const body = responseSchema(spec, PATH_STYLE, 200, "application/json");

  it.each(fields)("$path: $type (required=$required)", (row) => {
    const [s] = schemasAt(spec, body, row.path);
    expect(s, row.path).toBeDefined();
    expect(s.type).toBe(row.type);
    expect(isRequired(spec, body, row.path)).toBe(row.required);
    // a $ref'd property may carry the description on the property or on the target schema
    const holder = row.path.includes(".") ? schemaAt(spec, body, row.path.replace(/\.?[^.]+$/, "")) : resolve(spec, body);
    const leaf = row.path.split(".").pop()!.replace(/\[\]$/, "");
    const own = holder.properties?.[leaf]?.description;
    expect(norm(`${own ?? ""} ${s.description ?? ""}`)).toContain(row.description);
    if (row.example) expect(s.examples).toContain(row.example);
  });

  it("permission items accept the documented values and any other string", () => {
    const items = schemaAt(spec, body, "accessControlList[].permission").items;
    const branches = items.anyOf.map((b: unknown) => resolve(spec, b));
    expect(branches.find((b: { enum?: string[] }) => b.enum)?.enum).toEqual(PERMISSIONS);
    expect(branches.some((b: { type?: string; enum?: unknown }) => b.type === "string" && !b.enum)).toBe(true);
  });

  it('grantee id "*" means everyone', () => {
    const s = schemaAt(spec, body, "accessControlList[].grantee[].id");
    expect(norm(s.description)).toMatch(/`\*` means all users/);
  });

  it("keeps the page's example exactly (repeated grantees and permissions)", () => {
    const examples = response(spec, PATH_STYLE, 200).content["application/json"].examples;
    const grant = {
      grantee: [{ id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }, { id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }],
      permission: ["FULL_CONTROL", "FULL_CONTROL"],
    };
    expect(Object.values<{ value: unknown }>(examples).map((e) => e.value)).toContainEqual({
      owner: { id: "16df583fe6824d73a5f858f06de0af03" },
      accessControlList: [grant, grant],
    });
  });

  it("every response carries x-bce-request-id and x-bce-debug-id", () => {
    for (const id of OPS) {
      for (const status of Object.keys(operation(spec, id).operation.responses)) {
        const r = response(spec, id, status);
        expect(r.headers["x-bce-request-id"].$ref, `${id} ${status}`).toBe("#/components/headers/XBceRequestId");
        expect(r.headers["x-bce-debug-id"].$ref, `${id} ${status}`).toBe("#/components/headers/XBceDebugId");
      }
    }
  });
});

// "Please refer to the general error codes" — the common BOS / BCE codes (https://cloud.baidu.com/doc/BOS/s/Ajwvysfpl,
// https://cloud.baidu.com/doc/Reference/s/Bjz3uz3qj).
const errors = [
  { status: 400, code: "InvalidHTTPAuthHeader" },
  { status: 400, code: "SignatureDoesNotMatch" },
  { status: 400, code: "RequestExpired" },
  { status: 400, code: "MalformedJSON" },
  { status: 403, code: "AccessDenied" },
  { status: 403, code: "InvalidAccessKeyId" },
  { status: 403, code: "AccountOverdue" },
  { status: 403, code: "OptInRequired" },
  { status: 404, code: "NoSuchBucket" },
  { status: 404, code: "InvalidVersion" },
  { status: 412, code: "PreconditionFailed" },
  { status: 500, code: "InternalError" },
];

describe("baidu-bos: errors", () => {
  const rows = errors.flatMap((e) => OPS.map((op) => ({ ...e, op })));
  it.each(rows)("$op: $status $code", (row) => {
    const body = responseSchema(spec, row.op, row.status, "application/json");
    for (const f of ["code", "message", "requestId"]) {
      expect(schemaAt(spec, body, f).type).toBe("string");
      expect(isRequired(spec, body, f)).toBe(true);
    }
    const ex = response(spec, row.op, row.status).content["application/json"].examples[row.code];
    expect(ex?.value?.code).toBe(row.code);
    expect(ex?.value?.message).toBeTruthy();
    expect(ex?.value?.requestId).toBeTruthy();
  });

  it("RequestExpired's 400 cites the BCE common error-code table; SignatureDoesNotMatch's 400 is flagged as unconfirmed", () => {
    const description = norm(response(spec, PATH_STYLE, 400).description);
    expect(description).toMatch(/`RequestExpired`: 400 Bad Request in the BCE common error-code table, https:\/\/cloud\.baidu\.com\/doc\/Reference\/s\/Bjz3uz3qj/);
    expect(description).toMatch(/`SignatureDoesNotMatch`: taken to be 400 .* no source seen here states its status/);
  });
});

describe("baidu-bos: servers and security", () => {
  it("regional server with region enum, default bj, http mentioned", () => {
    const [server] = spec.servers;
    expect(server.url).toBe("https://{region}.bcebos.com");
    expect(server.variables.region.enum).toEqual(REGIONS);
    expect(server.variables.region.default).toBe("bj");
    expect(norm(server.description)).toMatch(/http:\/\//);
  });

  it("bce-auth-v1 on Authorization with the algorithm described", () => {
    const scheme = spec.components.securitySchemes.bceAuthV1;
    expect(scheme).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
    for (const text of [
      "bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}/{signedHeaders}/{signature}",
      "signingKey",
      "CanonicalRequest",
      "acl=",
      "x-bce-date",
      "x-bce-security-token",
    ]) {
      expect(norm(scheme.description)).toContain(text);
    }
    expect(spec.security).toEqual([{ bceAuthV1: [] }]);
  });

  it("example text keeps the page's values", () => {
    const text = allExampleText(spec);
    for (const v of ["bucketName_example", "16df583fe6824d73a5f858f06de0af03", "10eb6f5ff6ff4605bf044313e8f3ffa5", "FULL_CONTROL"]) {
      expect(text).toContain(v);
    }
  });
});
