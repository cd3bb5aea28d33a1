// Facts of the MPC API page "Querying Buckets" (PAGE below), checked against specs/huaweicloud-mpc.yaml.
// The tables below are copied from the page (plus what Huawei Cloud's wider documentation and official SDKs
// show, which the spec models too); each row must be present in the spec.
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
} from "./helpers";

const spec = loadSpec("huaweicloud-mpc");
/** Descriptions are folded YAML blocks: compare with whitespace collapsed. */
const norm = (text: unknown): string => String(text ?? "").replace(/\s+/g, " ");
const OP = "ListAllBuckets";
/** The vendor's API page the spec is written from: the spec's `externalDocs`. */
const PAGE = "https://support.huaweicloud.com/intl/en-us/api-mpc/ListAllBuckets.html";

describe("huaweicloud-mpc: operation", () => {
  it("is GET /v1/{project_id}/buckets with id, summary, tags and the API page", () => {
    const { path, method, operation: op } = operation(spec, OP);
    expect(path).toBe("/v1/{project_id}/buckets");
    expect(method).toBe("get");
    expect(op.summary).toBe("Querying Buckets");
    expect(norm(op.description)).toContain("Queries the list of buckets in a specified region.");
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(spec.externalDocs?.url).toBe(PAGE);
    expect(op.requestBody).toBeUndefined();
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.license).toMatchObject({ name: "MIT", identifier: "MIT" });
  });

  it("has no query parameters and no parameter named Authorization", () => {
    const { operation: op } = operation(spec, OP);
    const params = (op.parameters ?? []).map((p: unknown) => resolve(spec, p));
    expect(params.filter((p: { in: string }) => p.in === "query")).toEqual([]);
    expect(params.map((p: { name: string }) => p.name.toLowerCase())).not.toContain("authorization");
  });
});

// Table 1 Path Parameters + Table 2 Request header parameters (+ the headers the official SDKs send).
const parameters = [
  { name: "project_id", in: "path", required: true, type: "string", text: "Project ID. For details about how to obtain the project ID, see Obtaining a Project ID." },
  { name: "X-Auth-Token", in: "header", required: false, type: "string", text: "User token" },
  { name: "X-Auth-Token", in: "header", required: false, type: "string", text: "The value of X-Subject-Token in the response header is the user token." },
  { name: "X-Project-Id", in: "header", required: false, type: "string", text: "mandatory when AK/SK-based authentication is used" },
  { name: "X-Project_Id", in: "header", required: false, type: "string", text: "It is same as the project ID in path parameters." },
  { name: "X-Sdk-Date", in: "header", required: false, type: "string", text: "Time when the request is sent. This parameter is mandatory when AK/SK-based authentication is used." },
  { name: "X-Security-Token", in: "header", required: false, type: "string", text: "temporary" },
];

describe("huaweicloud-mpc: parameters", () => {
  it.each(parameters)("$in $name (required=$required, $type)", (row) => {
    const p = parameter(spec, OP, row.name, row.in);
    expect(p.name).toBe(row.name); // exact spelling, not just case-insensitive
    expect(Boolean(p.required)).toBe(row.required);
    expect(p.schema.type).toBe(row.type);
    expect(norm(p.description)).toContain(row.text);
  });

  it("keeps the page's X-Project_Id as a deprecated alias pointing to X-Project-Id", () => {
    const legacy = parameter(spec, OP, "X-Project_Id", "header");
    expect(legacy.deprecated).toBe(true);
    expect(norm(legacy.description)).toContain("X-Project-Id");
    expect(norm(legacy.description)).toMatch(/underscore/i);
    const current = parameter(spec, OP, "X-Project-Id", "header");
    expect(current.deprecated).toBeFalsy();
    expect(norm(current.description)).toMatch(/X-Project_Id/);
    expect(norm(current.description)).toMatch(/nginx|prox/i);
  });

  it("X-Sdk-Date has the yyyyMMddTHHmmssZ format and example", () => {
    const p = parameter(spec, OP, "X-Sdk-Date", "header");
    expect(new RegExp(p.schema.pattern).test("20191115T033655Z")).toBe(true);
    expect(new RegExp(p.schema.pattern).test("2019-11-15T03:36:55Z")).toBe(false);
    expect(JSON.stringify(p.examples)).toContain("20191115T033655Z");
  });
});

// Table 3 / Table 4 (status code 200). The tables have no required column and the official SDKs declare every
// field optional (Go `omitempty`); only the bucket name is required (a bucket without one cannot be named).
const responseFields = [
  { path: "buckets", type: "array", description: "Bucket list", required: false },
  { path: "buckets[].bucket", type: "string", description: "Bucket name", required: true },
  { path: "buckets[].creation_date", type: ["string", "integer"], description: "Time when the bucket is created", required: false },
  { path: "buckets[].is_authorized", type: "integer", description: "Authorization result", required: false },
];

describe("huaweicloud-mpc: 200 response body", () => {
  const body = responseSchema(spec, OP, 200, "application/json");

  it.each(responseFields)("$path: $type", (row) => {
    const s = schemaAt(spec, body, row.path);
    expect(s.type).toEqual(row.type);
    expect(norm(s.description)).toContain(row.description);
    expect(isRequired(spec, body, row.path)).toBe(row.required);
  });

  it("buckets items are the named ObsBucket schema", () => {
    const items = resolve(spec, body).properties.buckets.items;
    expect(items.$ref).toBe("#/components/schemas/ObsBucket");
  });

  it("is_authorized is the enum 0 | 1 with the page's meanings", () => {
    const s = schemaAt(spec, body, "buckets[].is_authorized");
    expect(s.enum).toEqual([0, 1]);
    expect(norm(s.description)).toContain("0: MPC is not authorized.");
    expect(norm(s.description)).toContain("1: MPC has been authorized.");
  });

  it("CONTRADICTION: creation_date is string | integer and the description says why", () => {
    const s = schemaAt(spec, body, "buckets[].creation_date");
    expect(s.type).toEqual(expect.arrayContaining(["string", "integer"]));
    expect(norm(s.description)).toContain("yyyyMMddHHmmss");
    expect(norm(s.description)).toMatch(/String/);
    expect(norm(s.description)).toMatch(/number/);
    expect(norm(s.description)).toContain("20221026152511");
  });

  it("keeps the page's 200 example exactly (creation_date as numbers)", () => {
    const ex = response(spec, OP, 200).content["application/json"].examples;
    const values = Object.values<{ value: unknown }>(ex).map((e) => e.value);
    expect(values).toContainEqual({
      buckets: [
        { bucket: "example-bucket", creation_date: 20221026152511, is_authorized: 1 },
        { bucket: "example-bucket", creation_date: 20221026104736, is_authorized: 0 },
      ],
    });
    expect(response(spec, OP, 200).description).toBe("The bucket list has been queried.");
  });
});

// Status codes: the page's 403 (Table 5) plus the API Gateway's errors
// (https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-errorcode.html).
const errors = [
  { status: 403, code: "MPC.10208", message: "Failed to verify the tenant ID.", fields: ["error_code", "error_msg"] },
  { status: 401, code: "APIGW.0301", message: "Incorrect IAM authentication information", fields: ["error_code", "error_msg", "request_id"] },
  { status: 401, code: "APIGW.0303", message: "x-sdk-date", fields: ["error_code", "error_msg", "request_id"] },
  { status: 429, code: "APIGW.0308", message: "The throttling threshold has been reached", fields: ["error_code", "error_msg", "request_id"] },
];

describe("huaweicloud-mpc: errors", () => {
  it.each(errors)("$status $code", (row) => {
    const body = responseSchema(spec, OP, row.status, "application/json");
    for (const f of row.fields) {
      expect(schemaAt(spec, body, f).type).toBe("string");
      expect(isRequired(spec, body, f)).toBe(true);
    }
    const examples = response(spec, OP, row.status).content["application/json"].examples;
    expect(examples[row.code]?.value?.error_code).toBe(row.code);
    expect(examples[row.code]?.value?.error_msg).toContain(row.message);
  });

  it("403 has the page's description and field descriptions", () => {
    const r = response(spec, OP, 403);
    expect(norm(r.description)).toContain("The bucket list cannot be queried.");
    const body = responseSchema(spec, OP, 403);
    expect(schemaAt(spec, body, "error_code").description).toBe("Error code");
    expect(schemaAt(spec, body, "error_msg").description).toBe("Error description");
  });

  it("has a generic 400 and mentions OBS XML errors passing through", () => {
    expect(response(spec, OP, 400).content["application/json"]).toBeDefined();
    expect(JSON.stringify(operation(spec, OP).operation)).toMatch(/XML/);
  });

  it.each([200, 400, 401, 403, 429])("%s carries the X-Request-Id header (components.headers)", (status) => {
    const h = response(spec, OP, status).headers["X-Request-Id"];
    expect(h.$ref).toBe("#/components/headers/XRequestId");
  });

  it.each(["X-ratelimit", "X-ratelimit-used", "X-ratelimit-window"])("200 has optional %s", (name) => {
    const h = response(spec, OP, 200).headers[name];
    expect(h).toBeDefined();
    expect(h.required).toBe(false);
  });
});

describe("huaweicloud-mpc: servers and security", () => {
  it("regional server with the SDK's regions and the legacy cn-north-1 host", () => {
    const [regional, legacy] = spec.servers;
    expect(regional.url).toBe("https://mpc.{region}.myhuaweicloud.com");
    expect(regional.variables.region.default).toBe("cn-north-4");
    expect(regional.variables.region.enum).toEqual(["cn-north-4", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-3"]);
    expect(legacy.url).toBe("https://mts.cn-north-1.myhuaweicloud.com");
  });

  it("token (X-Auth-Token) or AK/SK (Authorization, SDK-HMAC-SHA256)", () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.token).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Token" });
    expect(schemes.aksk).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
    for (const text of ["SDK-HMAC-SHA256", "CanonicalRequest", "SignedHeaders", "X-Sdk-Date", "must end with `/`", "Access={AK}", "StringToSign"]) {
      expect(norm(schemes.aksk.description)).toContain(text);
    }
    expect(spec.security).toEqual([{ token: [] }, { aksk: [] }]);
  });

  it("schema-level example text keeps the page's values", () => {
    const text = allExampleText(spec);
    for (const v of ["example-bucket", "20221026152511", "20221026104736", "MPC.10208", "Failed to verify the tenant ID."]) {
      expect(text).toContain(v);
    }
  });
});
