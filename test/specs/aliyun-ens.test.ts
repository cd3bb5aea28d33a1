// Facts of the ENS ListBuckets API page (PAGE below), checked against specs/aliyun-ens.yaml.
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

const spec = loadSpec("aliyun-ens");
/** The vendor's API page the spec is written from: the spec's `externalDocs`. */
const PAGE = "https://www.alibabacloud.com/help/en/ens/developer-reference/api-ens-2017-11-10-listbuckets";
const OPS = ["ListBuckets", "ListBucketsByGet"] as const;

/** Request parameters table of the page (all in the query string, all optional). */
const requestParameters = [
  {
    name: "Prefix",
    description:
      "The prefix that returned bucket names must contain. If this parameter is not specified, prefix information will not be used as a filter.",
    example: "image",
  },
  { name: "PageNumber", description: "The page number. Pages start from page 1.", example: "1" },
  {
    name: "PageSize",
    description:
      "The maximum number of returned buckets. You can leave this parameter empty. The default value is 10. The value cannot be greater than 100.",
    example: "5",
  },
];

/** Response elements table of the page: dotted path, type, description, example. */
const responseFields = [
  { path: "RequestId", type: "string", description: "The ID of the request.", example: "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853" },
  { path: "BucketInfos", type: "array", description: "The list of bucket information.", example: undefined },
  { path: "BucketInfos[].BucketAcl", type: "string", description: "The access control list (ACL) of the bucket.", example: "private" },
  { path: "BucketInfos[].BucketName", type: "string", description: "The name of the bucket.", example: "test" },
  { path: "BucketInfos[].Comment", type: "string", description: "The remarks.", example: "numb" },
  {
    path: "BucketInfos[].CreateTime",
    type: "string",
    description:
      "The time when the bucket was created. The time follows the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. The time is displayed in UTC.",
    example: "2022-10-12T05:45:00Z",
  },
  {
    path: "BucketInfos[].LogicalBucketType",
    type: "string",
    description: "The type of the single-node storage. Set the value to sink.",
    example: "sink",
  },
  {
    path: "BucketInfos[].ModifyTime",
    type: "string",
    description:
      "The time when the bucket was modified. The time follows the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. The time is displayed in UTC.",
    example: "2022-10-12T06:45:00Z",
  },
  {
    path: "BucketInfos[].EnsRegionId",
    type: "string",
    description: "The ID of the region where the node is located.",
    example: "cn-dalian-unicom",
  },
  { path: "TotalCount", type: "integer", description: "The total number of buckets that match the conditions.", example: 1 },
];

/** The page's success response example, verbatim. */
const successExample = {
  RequestId: "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
  BucketInfos: [
    {
      BucketAcl: "private",
      BucketName: "test",
      Comment: "numb",
      CreateTime: "2022-10-12T05:45:00Z",
      LogicalBucketType: "sink",
      ModifyTime: "2022-10-12T06:45:00Z",
      EnsRegionId: "cn-dalian-unicom",
    },
  ],
  TotalCount: 1,
};

/** Error codes table of the page: status, code, message (example key = code without `.%s`). */
const errorCodes = [
  { status: 400, code: "MissingParameter", message: "MissingParameter", example: "MissingParameter" },
  { status: 400, code: "NoPermission", message: "Permission denied.", example: "NoPermission" },
  {
    status: 400,
    code: "InvalidParameter.%s",
    message: "The specified field %s invalid. Please check it again.",
    example: "InvalidParameter",
  },
  { status: 403, code: "AccessDenied", message: "auth is not valid", example: "AccessDenied" },
  { status: 403, code: "UserDisable", message: "The user has been disabled due to arrears.", example: "UserDisable" },
  { status: 404, code: "NoSuchBucket", message: "The specified bucket does not exist", example: "NoSuchBucket" },
];

/** Vendor behaviour beyond the page (Alibaba Cloud's OpenAPI error-code lists, cited in the spec): throttling and server errors. */
const gatewayErrors = [
  { status: 429, code: "Throttling.User", retryAfter: true },
  { status: 429, code: "Throttling.Api", retryAfter: true },
  { status: 400, code: "Throttling", retryAfter: true },
  { status: 500, code: "InternalError", retryAfter: true },
  { status: 503, code: "ServiceUnavailable", retryAfter: true },
];

const servers = [
  { url: "https://ens.aliyuncs.com" },
  { url: "https://ens.{regionId}.aliyuncs.com", variable: "regionId", default: "ap-southeast-1", enum: ["ap-southeast-1"] },
  { url: "https://ens-vpc.cn-zhangjiakou.aliyuncs.com" },
  { url: "https://ens.vpc-proxy.aliyuncs.com" },
  { url: "https://ens-vpc.ap-southeast-1.aliyuncs.com" },
];

const v2QueryParameters = ["AccessKeyId", "SignatureMethod", "Timestamp", "SignatureVersion", "SignatureNonce", "SecurityToken", "Format"];
const v3Headers = ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-security-token"];

const okSchema = () => responseSchema(spec, "ListBuckets", 200, "application/json");
const types = (s: any): string[] => [s.type].flat();

describe("aliyun-ens spec: ListBuckets", () => {
  it("is OpenAPI 3.1 with API version 2017-11-10 and MIT license", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe("2017-11-10");
    expect(spec.info.license).toMatchObject({ name: "MIT", identifier: "MIT" });
  });

  it.each(OPS)("%s is an RPC operation on / tagged, documented and linked to the API page", (id) => {
    const { path, operation: op } = operation(spec, id);
    expect(path).toBe("/");
    expect(op.summary).toBeTruthy();
    expect(op.description).toContain("Queries all buckets of a user.");
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(spec.externalDocs?.url).toBe(PAGE);
    expect(op["x-ram-authorization"]).toMatchObject({ action: "ens:ListBuckets", accessLevel: "list" });
  });

  it("POST is ListBuckets (SDK default) and GET is ListBucketsByGet", () => {
    expect(operation(spec, "ListBuckets").method).toBe("post");
    expect(operation(spec, "ListBucketsByGet").method).toBe("get");
    expect(operation(spec, "ListBuckets").operation.requestBody).toBeUndefined();
  });

  it.each(OPS)("%s requires Action=ListBuckets and Version=2017-11-10 in the query", (id) => {
    const action = parameter(spec, id, "Action", "query");
    expect(action.required).toBe(true);
    expect(action.schema.enum).toEqual(["ListBuckets"]);
    expect(action.schema.default).toBe("ListBuckets");
    const version = parameter(spec, id, "Version", "query");
    expect(version.required).toBe(true);
    expect(version.schema.enum).toEqual(["2017-11-10"]);
    expect(version.schema.default).toBe("2017-11-10");
  });

  describe.each(OPS)("%s request parameters from the page", (id) => {
    it.each(requestParameters)("$name: optional query parameter with the page's description and example", (row) => {
      const p = parameter(spec, id, row.name, "query");
      expect(p.required ?? false).toBe(false);
      expect(p.description).toContain(row.description);
      expect(types(p.schema)).toContain("string");
      expect(Object.values<any>(p.examples ?? {}).map((e) => e.value)).toContain(row.example);
    });
  });

  it("PageNumber/PageSize accept the page's string form and numbers (string | number), with why", () => {
    for (const name of ["PageNumber", "PageSize"]) {
      const p = parameter(spec, "ListBuckets", name, "query");
      expect(types(p.schema).sort()).toEqual(["integer", "string"]);
      expect(p.schema.minimum).toBe(1);
      expect(p.description).toMatch(/types `\w+` as \*\*string\*\*/);
      const re = new RegExp(p.schema.pattern);
      expect(re.test("1")).toBe(true);
      expect(re.test("abc")).toBe(false);
    }
  });

  it("PageSize: default 10, maximum 100, enforced on both forms", () => {
    const p = parameter(spec, "ListBuckets", "PageSize", "query");
    expect(p.schema.default).toBe(10);
    expect(p.schema.maximum).toBe(100);
    const re = new RegExp(p.schema.pattern);
    for (const ok of ["1", "5", "10", "99", "100"]) expect(re.test(ok)).toBe(true);
    for (const bad of ["0", "101", "1000", "05", ""]) expect(re.test(bad)).toBe(false);
  });

  it.each(OPS)("%s has the common V2 query parameters and V3 headers, all optional", (id) => {
    for (const name of v2QueryParameters) expect(parameter(spec, id, name, "query").required ?? false).toBe(false);
    for (const name of v3Headers) expect(parameter(spec, id, name, "header").required ?? false).toBe(false);
    const { operation: op, pathItem } = operation(spec, id);
    const all = [...(op.parameters ?? []), ...(pathItem.parameters ?? [])].map((p: any) => resolve(spec, p));
    expect(all.some((p: any) => p.in === "header" && p.name.toLowerCase() === "authorization")).toBe(false);
  });

  it.each(responseFields)("response field $path: $type with the page's description", (row) => {
    const s = schemaAt(spec, okSchema(), row.path);
    expect(s.type).toBe(row.type);
    expect(s.description).toContain(row.description);
    if (row.example !== undefined) expect(s.examples ?? [s.example]).toContain(row.example);
  });

  it("BucketAcl enum public-read-write | public-read | private, default private", () => {
    const s = schemaAt(spec, okSchema(), "BucketInfos[].BucketAcl");
    expect(s.enum).toEqual(["public-read-write", "public-read", "private"]);
    expect(s.default).toBe("private");
  });

  it("CreateTime/ModifyTime are date-time; TotalCount is int64 (long vs integer across locales)", () => {
    expect(schemaAt(spec, okSchema(), "BucketInfos[].CreateTime").format).toBe("date-time");
    expect(schemaAt(spec, okSchema(), "BucketInfos[].ModifyTime").format).toBe("date-time");
    const total = schemaAt(spec, okSchema(), "TotalCount");
    expect(total.format).toBe("int64");
    expect(total.description).toMatch(/long/);
    expect(isRequired(spec, okSchema(), "RequestId")).toBe(true);
  });

  it("carries the page's success example verbatim", () => {
    const media = response(spec, "ListBuckets", 200).content["application/json"];
    expect(Object.values<any>(media.examples).map((e) => e.value)).toContainEqual(successExample);
  });

  describe.each(OPS)("%s errors from the page", (id) => {
    it.each(errorCodes)("$status $code: example with the page's message and the error body schema", (row) => {
      const r = response(spec, id, row.status);
      const media = r.content["application/json"];
      const body = resolve(spec, media.schema);
      for (const field of ["RequestId", "HostId", "Code", "Message", "Recommend", "AccessDeniedDetail"]) {
        expect(body.properties[field], field).toBeDefined();
      }
      const ex = resolve(spec, media.examples[row.example]);
      expect(ex, `example ${row.example}`).toBeDefined();
      if (row.code.includes("%s")) {
        expect(ex.summary + ex.description).toContain(row.code);
        expect(ex.summary + ex.description).toContain(row.message);
        const prefix = row.code.replace("%s", "");
        expect(ex.value.Code.startsWith(prefix)).toBe(true);
      } else {
        expect(ex.value).toMatchObject({ Code: row.code, Message: row.message });
      }
      expect(r.headers["x-acs-request-id"]).toBeDefined();
    });
  });

  it.each(gatewayErrors)("gateway error $status $code is documented with x-acs-retry-after", (row) => {
    for (const id of OPS) {
      const r = response(spec, id, row.status);
      const codes = Object.values<any>(r.content["application/json"].examples).map((e) => resolve(spec, e).value.Code);
      expect(codes).toContain(row.code);
      expect(r.headers["x-acs-retry-after"]).toBeDefined();
      expect(r.headers["x-acs-request-id"]).toBeDefined();
    }
  });

  it("every response carries the reusable x-acs-request-id header", () => {
    for (const id of OPS) {
      const { operation: op } = operation(spec, id);
      for (const status of Object.keys(op.responses)) {
        const headers = response(spec, id, status).headers;
        expect(headers["x-acs-request-id"].$ref, `${id} ${status}`).toBe("#/components/headers/RequestId");
      }
    }
  });

  it.each(servers)("server $url", (row) => {
    const s = spec.servers.find((x: any) => x.url === row.url);
    expect(s).toBeDefined();
    expect(s.description).toBeTruthy();
    if (row.variable) {
      expect(s.variables[row.variable].default).toBe(row.default);
      expect(s.variables[row.variable].enum).toEqual(row.enum);
    }
  });

  it("security: ACS3-HMAC-SHA256 in Authorization header and legacy V2 Signature query, either accepted", () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.Acs3HmacSha256).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
    expect(schemes.Acs3HmacSha256.description).toContain("ACS3-HMAC-SHA256 Credential=");
    expect(schemes.Acs3HmacSha256.description).toContain("SignedHeaders");
    expect(schemes.RpcV2HmacSha1).toMatchObject({ type: "apiKey", in: "query", name: "Signature" });
    expect(schemes.RpcV2HmacSha1.description).toContain("HMAC-SHA1");
    expect(spec.security).toEqual([{ Acs3HmacSha256: [] }, { RpcV2HmacSha1: [] }]);
  });

  it("all page example values appear in the spec's examples", () => {
    const text = allExampleText(spec);
    for (const v of ["image", "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853", "cn-dalian-unicom", "2022-10-12T06:45:00Z", "numb"]) {
      expect(text).toContain(v);
    }
  });
});
