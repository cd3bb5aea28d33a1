// Requests that break the spec get the vendor's documented error status and body.
import { signAcs3, signAcsRpcV1, signBceV1, signOssV4, signSdkHmacSha256 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { testAccount, testCredentials, validateRecordedResponse } from "../src/index.js";
import { send, sign, useMock } from "./helpers.js";

const mock = useMock();
const ens = testCredentials["aliyun-ens"];

async function ensCall(query: string, signer: "v3" | "v1" | "none" = "v3") {
  const draft = { method: "POST", url: `https://ens.aliyuncs.com/?${query}` };
  if (signer === "none") return send({ ...draft, headers: {} });
  return send(await sign(draft, (r) => (signer === "v3" ? signAcs3(r, { credentials: ens, action: "ListBuckets", version: "2017-11-10" }) : signAcsRpcV1(r, { credentials: ens }))));
}

describe("aliyun-ens", () => {
  it("PageSize above 100, PageNumber 0, a leading zero and a bad Format are InvalidParameter.<Field> (400)", async () => {
    for (const [query, field] of [
      ["Action=ListBuckets&Version=2017-11-10&PageSize=101", "PageSize"],
      ["Action=ListBuckets&Version=2017-11-10&PageNumber=0", "PageNumber"],
      ["Action=ListBuckets&Version=2017-11-10&PageSize=ten", "PageSize"],
      ["Action=ListBuckets&Version=2017-11-10&Format=YAML", "Format"],
      // The string form's pattern holds too, not only the number it reads as.
      ["Action=ListBuckets&Version=2017-11-10&PageNumber=01", "PageNumber"],
      ["Action=ListBuckets&Version=2017-11-10&PageSize=050", "PageSize"],
    ] as const) {
      const r = await ensCall(query, "v1");
      expect(r.status, query).toBe(400);
      expect(r.json()).toMatchObject({ Code: `InvalidParameter.${field}`, Message: `The specified field ${field} invalid. Please check it again.`, RequestId: r.headers.get("x-acs-request-id") });
    }
  });

  it("a missing Version is MissingParameter; an unknown Action is InvalidAction.NotFound; an unknown Version is InvalidParameter.Version", async () => {
    const missing = await send({ method: "GET", url: "https://ens.aliyuncs.com/?Action=ListBuckets", headers: {} });
    expect([missing.status, missing.json().Code]).toEqual([400, "MissingParameter"]);
    expect(missing.json().Message).toContain('"Version"');
    const action = await send({ method: "GET", url: "https://ens.aliyuncs.com/?Action=DeleteBucket&Version=2017-11-10", headers: {} });
    expect([action.status, action.json().Code]).toEqual([404, "InvalidAction.NotFound"]);
    const version = await ensCall("Action=ListBuckets&Version=2020-01-01", "v1");
    expect([version.status, version.json().Code]).toEqual([400, "InvalidParameter.Version"]);
  });

  it("ACS3 requests carry Action/Version in x-acs-* headers and validate", async () => {
    const r = await ensCall("Format=JSON&PageSize=5", "v3");
    expect(r.status, r.text).toBe(200);
    expect(mock.requests[0]!.issues).toEqual([]);
  });

  it("every answer above validates against the spec", async () => {
    await ensCall("Action=ListBuckets&Version=2017-11-10&PageSize=101", "v1");
    await send({ method: "GET", url: "https://ens.aliyuncs.com/?Action=Nope&Version=2017-11-10", headers: {} });
    for (const call of mock.requests) expect(validateRecordedResponse(call).errors).toEqual([]);
  });
});

describe("other vendors", () => {
  it("OSS: a request without the acl sub-resource is InvalidArgument (XML)", async () => {
    const name = mock.state.buckets[0]!.name;
    const r = await send(await sign({ method: "GET", url: `https://${name}.oss-cn-hangzhou.aliyuncs.com/` }, (req) => signOssV4(req, { credentials: testCredentials["aliyun-oss"], region: "cn-hangzhou" })));
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toBe("application/xml");
    expect(r.text).toMatch(/<Code>InvalidArgument<\/Code>[\s\S]*<ArgumentName>acl<\/ArgumentName>/);
  });

  it("BOS: a request without ?acl is 400 InvalidArgument {code, message, requestId}", async () => {
    const name = mock.state.buckets[0]!.name;
    const r = await send(await sign({ method: "GET", url: `https://bj.bcebos.com/v1/${name}` }, (req) => signBceV1(req, { credentials: testCredentials["baidu-bos"] })));
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ code: "InvalidArgument", requestId: r.headers.get("x-bce-request-id") });
  });

  it("MPC: a malformed X-Sdk-Date is 400 {error_code, error_msg}", async () => {
    const url = `https://mpc.cn-north-4.myhuaweicloud.com/v1/${testAccount.mpcProjectId}/buckets`;
    const signed = await sign({ method: "GET", url }, (req) => signSdkHmacSha256(req, { credentials: testCredentials["huaweicloud-mpc"], projectId: testAccount.mpcProjectId }));
    signed.headers.set("x-sdk-date", "2024-01-01T00:00:00Z");
    const r = await send(signed);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ error_code: "APIGW.0201" });
    expect(typeof r.json().error_msg).toBe("string");
  });

  it("Hitachi: a missing id, a count over 1000 or a non-JSON body is 400 {code, message, details}", async () => {
    const base = "https://admin.region1.cluster1/mapi";
    const csrf = await fetch(`${base}/v1/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const xsrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)![1]!;
    const headers = { authorization: `Bearer ${testCredentials["hitachi-vsp-one-object"].token}`, "x-xsrf-token": xsrf, cookie, "content-type": "application/json" };
    for (const body of [JSON.stringify({ count: 10 }), JSON.stringify({ id: 0, count: 1001 }), JSON.stringify({ id: 0, count: 0 }), "{not json", JSON.stringify({ id: true })]) {
      const r = await send({ method: "POST", url: `${base}/v1/user/list_buckets`, headers, body });
      expect(r.status, body).toBe(400);
      expect(Object.keys(r.json()).sort()).toEqual(["code", "details", "message"]);
    }
    const unknownUser = await send({ method: "POST", url: `${base}/v1/user/list_buckets`, headers, body: JSON.stringify({ id: 99 }) });
    expect([unknownUser.status, unknownUser.json().message]).toEqual([404, "The user id could not be found."]);
    for (const call of mock.requests) expect(validateRecordedResponse(call).errors, call.body).toEqual([]);
  });
});

describe("Hitachi's request body is read as JSON whatever its Content-Type (the page's body media type is */*)", () => {
  it("the page's own curl example (-d, so application/x-www-form-urlencoded), fetch's default text/plain and no type at all are answered 200", async () => {
    const base = "https://admin.region1.cluster1/mapi";
    const csrf = await fetch(`${base}/v1/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const xsrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)![1]!;
    const auth = { authorization: `Bearer ${testCredentials["hitachi-vsp-one-object"].token}`, "x-xsrf-token": xsrf, cookie, accept: "application/json" };
    const body = JSON.stringify({ count: 3, id: 0 });
    for (const type of ["application/x-www-form-urlencoded", "text/plain;charset=UTF-8", "*/*", undefined]) {
      const r = await send({ method: "POST", url: `${base}/v1/user/list_buckets`, headers: { ...auth, ...(type ? { "content-type": type } : {}) }, body });
      expect(r.status, `${type}: ${r.text}`).toBe(200);
      expect(r.json().buckets).toHaveLength(3);
    }
    // Still JSON: a body that is not is 400 whatever its type.
    const r = await send({ method: "POST", url: `${base}/v1/user/list_buckets`, headers: { ...auth, "content-type": "text/plain" }, body: "id=0&count=3" });
    expect([r.status, r.json().details]).toEqual([400, "request body is not valid JSON"]);
  });
});

describe("validateSchema's messages", () => {
  it("a closed schema's error names the field it does not know (a renamed vendor field shows as itself)", async () => {
    const { validateSchema } = await import("../src/index.js");
    const schema = { type: "object", properties: { BucketName: { type: "string" } } };
    expect(validateSchema(schema, { Name: "test" }, "body", { closed: true })).toEqual(['body must NOT have unevaluated properties: "Name"']);
    expect(validateSchema({ enum: ["a", "b"] }, "c", "body")).toEqual(["body must be equal to one of the allowed values (a, b)"]);
  });
});
