// Facts of the OSS GetBucketAcl API page (PAGE below), checked against specs/aliyun-oss.yaml.
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

const spec = loadSpec("aliyun-oss");
/** The vendor's API page the spec is written from: the spec's `externalDocs`. */
const PAGE = "https://www.alibabacloud.com/help/en/oss/developer-reference/getbucketacl";
const OP = "GetBucketAcl";
const XML = "application/xml";

/** Response elements table of the page: dotted path from AccessControlPolicy, page type, description, parent node. */
const responseElements = [
  {
    path: "AccessControlList",
    pageType: "Container",
    description: "The container that contains the ACL information.",
    parent: "Parent node: AccessControlPolicy.",
  },
  {
    path: "Owner",
    pageType: "Container",
    description: "The container that contains the information about the bucket owner.",
    parent: "Parent node: AccessControlPolicy.",
  },
  {
    path: "Owner.DisplayName",
    pageType: "String",
    description: "The name of the bucket owner, which is currently the same as the user ID.",
    parent: "Parent node: AccessControlPolicy and Owner.",
  },
  {
    path: "Owner.ID",
    pageType: "String",
    description: "The user ID of the bucket owner.",
    parent: "Parent node: AccessControlPolicy and Owner.",
  },
  {
    path: "AccessControlList.Grant",
    pageType: "Enumeration",
    description: "The ACL for the bucket.",
    parent: "Parent node: AccessControlPolicy and AccessControlList.",
  },
];
const PAGE_TYPE_TO_JSON: Record<string, string> = { Container: "object", String: "string", Enumeration: "string" };

/** XML element names (xml.name) of the containers. */
const xmlNames = [
  { schema: "AccessControlPolicy", name: "AccessControlPolicy" },
  { schema: "Owner", name: "Owner" },
  { schema: "AccessControlList", name: "AccessControlList" },
  { schema: "ErrorResponse", name: "Error" },
];

/** The page's sample response body, with the `<? xml version="1.0" ? >` typo fixed. */
const successBody = `<?xml version="1.0"?>
<AccessControlPolicy>
    <Owner>
        <ID>0022012****</ID>
        <DisplayName>user_example</DisplayName>
    </Owner>
    <AccessControlList>
        <Grant>public-read</Grant>
    </AccessControlList>
</AccessControlPolicy>
`;

/** Sample response headers of the page. */
const successHeaders = [
  { name: "x-oss-request-id", example: "534B371674E88A4D8906****" },
  { name: "Date", example: "Fri, 24 Feb 2012 04:11:23 GMT" },
  { name: "Content-Length", example: 253 },
  { name: "Connection", example: "keep-alive" },
  { name: "Server", example: "AliyunOSS" },
];

/** Error codes table of the page. */
const pageErrors = [
  { code: "NoSuchBucket", status: 404, description: "The error message returned because the specified bucket does not exist." },
  {
    code: "AccessDenied",
    status: 403,
    description:
      "The error message returned because you are not authorized to query the ACL of the bucket. Only the bucket owner can query the ACL of the bucket.",
  },
];

/** Errors documented elsewhere (OSS's error-code list, https://www.alibabacloud.com/help/en/document_detail/32005.html), each an XML example under its status. */
const otherErrors = [
  { code: "InvalidBucketName", status: 400 },
  { code: "InvalidArgument", status: 400 },
  { code: "SignatureDoesNotMatch", status: 403 },
  { code: "InvalidAccessKeyId", status: 403 },
  { code: "RequestTimeTooSkewed", status: 403 },
];

const errorFields = ["Code", "Message", "RequestId", "HostId", "EC", "RecommendDoc"];

const servers = [
  { url: "https://{bucket}.oss-{region}.aliyuncs.com", variables: { bucket: "examplebucket", region: "cn-hangzhou" } },
  { url: "https://{bucket}.oss-{region}-internal.aliyuncs.com", variables: { bucket: "examplebucket", region: "cn-hangzhou" } },
  { url: "https://oss-{region}.aliyuncs.com/{bucket}", variables: { bucket: "examplebucket", region: "cn-hangzhou" } },
];

/** Minimal well-formedness check: one prolog, balanced tags, single root. */
function xmlRoot(text: string): string {
  const body = text.trim();
  expect(body.startsWith("<?xml ")).toBe(true);
  expect(body).not.toMatch(/<\?\s+xml|\?\s+>/);
  const stack: string[] = [];
  let root = "";
  for (const m of body.replace(/^<\?xml[^?]*\?>/, "").matchAll(/<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose) continue;
    if (close) expect(stack.pop()).toBe(name);
    else {
      if (stack.length === 0) {
        expect(root).toBe("");
        root = name!;
      }
      stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  return root;
}
const element = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

const okSchema = () => responseSchema(spec, OP, 200, XML);

describe("aliyun-oss spec: GetBucketAcl", () => {
  it("is OpenAPI 3.1 with MIT license", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.license).toMatchObject({ name: "MIT", identifier: "MIT" });
    expect(spec.info.version).toBeTruthy();
  });

  it("GetBucketAcl is GET / tagged, documented and linked to the API page", () => {
    const { path, method, operation: op } = operation(spec, OP);
    expect(path).toBe("/");
    expect(method).toBe("get");
    expect(op.description).toContain("Only the bucket owner can query the ACL of the bucket.");
    expect(op.summary).toBeTruthy();
    expect(op.tags?.length).toBeGreaterThan(0);
    expect(spec.externalDocs?.url).toBe(PAGE);
  });

  it("acl is a required, value-less query parameter; the `GET /? acl` typo is explained", () => {
    const acl = parameter(spec, OP, "acl", "query");
    expect(acl.required).toBe(true);
    expect(acl.allowEmptyValue).toBe(true);
    expect(acl.schema).toMatchObject({ type: "string", enum: [""] });
    expect(acl.description).toContain("GET /?acl");
    expect(acl.description).toContain("GET /? acl");
    expect(Object.keys(spec.paths).some((p) => p.includes("?"))).toBe(false);
  });

  it("request headers: Date (RFC 1123 GMT, page's sample value) and the V4/STS x-oss-* headers", () => {
    const date = parameter(spec, OP, "Date", "header");
    expect(date.description).toMatch(/RFC 1123/);
    expect(date.description).toMatch(/Required on the wire/);
    expect(new RegExp(date.schema.pattern).test("Fri, 24 Feb 2012 04:11:23 GMT")).toBe(true);
    expect(Object.values<any>(date.examples).map((e) => e.value)).toContain("Fri, 24 Feb 2012 04:11:23 GMT");
    for (const name of ["x-oss-date", "x-oss-content-sha256", "x-oss-security-token"]) {
      expect(parameter(spec, OP, name, "header").required ?? false).toBe(false);
    }
    expect(() => parameter(spec, OP, "Authorization", "header")).toThrow();
  });

  it("keeps the page's sample request (typo fixed) as a code sample", () => {
    const sample = operation(spec, OP).operation["x-codeSamples"][0].source as string;
    expect(sample).toContain("GET /?acl HTTP/1.1");
    expect(sample).toContain("Host: oss-example.oss-cn-hangzhou.aliyuncs.com");
    expect(sample).toContain("Date: Fri, 24 Feb 2012 04:11:23 GMT");
    expect(sample).toContain("Authorization: OSS qn6qn6q**************:77Dv****************");
  });

  it("200 body is the AccessControlPolicy root", () => {
    const s = okSchema();
    expect(s.type).toBe("object");
    expect(s.description).toContain("The container that contains the result of the GetBucketACL request.");
    expect(s.description).toContain("Parent node: none.");
    expect(isRequired(spec, s, "Owner")).toBe(true);
    expect(isRequired(spec, s, "AccessControlList")).toBe(true);
  });

  it.each(responseElements)("response element $path ($pageType) with the page's description and parent node", (row) => {
    const s = schemaAt(spec, okSchema(), row.path);
    expect(s.type).toBe(PAGE_TYPE_TO_JSON[row.pageType]);
    expect(isRequired(spec, okSchema(), row.path)).toBe(true);
    // the description may sit on the $ref sibling (Grant) or on the target schema
    const parentPath = row.path.split(".").slice(0, -1).join(".");
    const leaf = row.path.split(".").pop()!;
    const holder = parentPath ? schemaAt(spec, okSchema(), parentPath) : okSchema();
    const text = `${holder.properties[leaf].description ?? ""}\n${s.description ?? ""}`;
    expect(text).toContain(row.description);
    expect(text).toContain(row.parent);
  });

  it("Grant enum private | public-read | public-read-write; `default` is object-only", () => {
    const grant = schemaAt(spec, okSchema(), "AccessControlList.Grant");
    expect(grant.enum).toEqual(["private", "public-read", "public-read-write"]);
    expect(grant.enum).not.toContain("default");
    expect(grant.description).toMatch(/`default`.*object-only/s);
  });

  it("owner ID stays a string (leading zeros)", () => {
    const id = schemaAt(spec, okSchema(), "Owner.ID");
    expect(id.type).toBe("string");
    expect(id.description).toMatch(/leading zeros/);
    expect(id.examples).toContain("0022012****");
  });

  it.each(xmlNames)("schema $schema has xml name $name", (row) => {
    expect(spec.components.schemas[row.schema].xml.name).toBe(row.name);
  });

  it("the page's sample body is the 200 XML example (prolog typo fixed and explained)", () => {
    const media = response(spec, OP, 200).content[XML];
    const ex = media.examples.success;
    expect(ex.value).toBe(successBody);
    expect(xmlRoot(ex.value)).toBe("AccessControlPolicy");
    expect(ex.description).toContain('<? xml version="1.0" ? >');
    expect(element(ex.value, "Grant")).toBe("public-read");
  });

  it.each(successHeaders)("200 response header $name (page's sample value)", (row) => {
    const h = resolve(spec, response(spec, OP, 200).headers[row.name]);
    expect(h).toBeDefined();
    expect(h.example).toBe(row.example);
  });

  it("every response carries the reusable x-oss-request-id header; errors also x-oss-ec and x-oss-server-time", () => {
    const { operation: op } = operation(spec, OP);
    for (const status of Object.keys(op.responses)) {
      const headers = response(spec, OP, status).headers;
      expect(headers["x-oss-request-id"].$ref, status).toBe("#/components/headers/RequestId");
      expect(headers["Date"], status).toBeDefined();
      expect(headers["Server"], status).toBeDefined();
      if (status !== "200") {
        expect(headers["x-oss-ec"], status).toBeDefined();
        expect(headers["x-oss-server-time"], status).toBeDefined();
      }
    }
  });

  it.each([...pageErrors, ...otherErrors])("$status $code: XML <Error> example under application/xml", (row) => {
    const r = response(spec, OP, row.status);
    expect(Object.keys(r.content)).toEqual([XML]);
    const media = r.content[XML];
    const body = resolve(spec, media.schema);
    expect(body.xml.name).toBe("Error");
    for (const f of errorFields) expect(body.properties[f], f).toBeDefined();
    const ex = resolve(spec, media.examples[row.code]);
    expect(typeof ex.value).toBe("string");
    expect(xmlRoot(ex.value)).toBe("Error");
    expect(element(ex.value, "Code")).toBe(row.code);
    expect(element(ex.value, "RequestId")).toBeTruthy();
    if ("description" in row) {
      expect(`${r.description}\n${ex.description ?? ""}`).toContain(row.description);
    }
  });

  it("the SignatureDoesNotMatch example's StringToSign is the V1 string to sign of its request, as ali-oss builds it", async () => {
    // Real answers carry the string with its line breaks, so a reader can diff it against their own signer's.
    const signUtils = (await import("ali-oss/lib/common/signUtils.js")) as unknown as {
      default: { buildCanonicalString(method: string, resource: string, request: object, date: string): string };
    };
    const ex = resolve(spec, response(spec, OP, 403).content[XML].examples.SignatureDoesNotMatch);
    const expected = signUtils.default.buildCanonicalString("GET", "/examplebucket/", { parameters: { acl: "" } }, "Fri, 24 Feb 2012 04:11:23 GMT");
    expect(element(ex.value, "StringToSign")).toBe(expected);
  });

  it("error schema requires Code, Message, RequestId", () => {
    const body = responseSchema(spec, OP, 404, XML);
    for (const f of ["Code", "Message", "RequestId"]) expect(isRequired(spec, body, f)).toBe(true);
  });

  it.each(servers)("server $url", (row) => {
    const s = spec.servers.find((x: any) => x.url === row.url);
    expect(s).toBeDefined();
    expect(s.description).toBeTruthy();
    for (const [name, def] of Object.entries(row.variables)) expect(s.variables[name].default).toBe(def);
  });

  it("path-style server is described as such", () => {
    const s = spec.servers.find((x: any) => x.url === "https://oss-{region}.aliyuncs.com/{bucket}");
    expect(s.description).toMatch(/Path style/i);
  });

  it("security: OSS4-HMAC-SHA256 and legacy `OSS ak:sig` in the Authorization header, either accepted", () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.OssV4HmacSha256).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
    expect(schemes.OssV4HmacSha256.description).toContain("OSS4-HMAC-SHA256 Credential=");
    expect(schemes.OssV4HmacSha256.description).toContain("aliyun_v4_request");
    expect(schemes.OssV1HmacSha1).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
    expect(schemes.OssV1HmacSha1.description).toContain("OSS {AccessKeyId}:{Signature}");
    expect(schemes.OssV1HmacSha1.description).toContain("/{bucket}/?acl");
    expect(spec.security).toEqual([{ OssV4HmacSha256: [] }, { OssV1HmacSha1: [] }]);
  });

  it("all page example values appear in the spec's examples", () => {
    const text = allExampleText(spec);
    for (const v of ["0022012****", "user_example", "public-read", "534B371674E88A4D8906****", "AliyunOSS", "keep-alive"]) {
      expect(text).toContain(v);
    }
  });
});
