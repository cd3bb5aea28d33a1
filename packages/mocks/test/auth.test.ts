// Auth verification: each vendor's signature re-computed with bucketry's signers; tampered requests, stale
// dates, unknown keys and replayed nonces get the vendor's own error.
import { signAcs3, signAcsRpcV1, signBceV1, signOssV1, signOssV4, signSdkHmacSha256 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { testAccount, testCredentials } from "../src/index.js";
import { MINUTE, send, sign, useMock } from "./helpers.js";

const mock = useMock({ baseUrls: { "aliyun-oss": "https://oss.private-cloud.test" } });
const bucket = () => mock.state.buckets[5]!.name;
const ens = testCredentials["aliyun-ens"];
const oss = testCredentials["aliyun-oss"];
const mpc = testCredentials["huaweicloud-mpc"];
const bos = testCredentials["baidu-bos"];

describe("aliyun-ens", () => {
  const draft = { method: "POST", url: "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON&PageSize=10&Prefix=img" };

  it("accepts ACS3 and RPC v1 (POST and GET)", async () => {
    for (const method of ["POST", "GET"]) {
      const v3 = await send(await sign({ ...draft, method }, (r) => signAcs3(r, { credentials: ens })));
      expect(v3.status, v3.text).toBe(200);
      expect(v3.json().RequestId).toBe(v3.headers.get("x-acs-request-id"));
      const v1 = await send(await sign({ ...draft, method }, (r) => signAcsRpcV1(r, { credentials: ens })));
      expect(v1.status, v1.text).toBe(200);
    }
    expect(mock.requests.map((c) => c.auth?.scheme)).toEqual(["ACS3-HMAC-SHA256", "RPC-HMAC-SHA1", "ACS3-HMAC-SHA256", "RPC-HMAC-SHA1"]);
  });

  it("refuses, by name, a request ENS would answer in XML (no Accept: application/json and no Format=JSON, or Format=XML)", async () => {
    const bare = draft.url.replace("&Format=JSON", "");
    const noAccept = await send(await sign({ ...draft, url: bare }, (r) => signAcs3(r, { credentials: ens })));
    expect(noAccept.status).toBe(406);
    expect(noAccept.headers.get("x-bucketry-mock-reason")).toBe("ENS answers XML here (no Accept: application/json and no Format=JSON)");
    const xml = await send(await sign({ ...draft, url: draft.url.replace("Format=JSON", "Format=XML"), headers: { accept: "application/json" } }, (r) => signAcsRpcV1(r, { credentials: ens })));
    expect([xml.status, xml.headers.get("x-bucketry-mock-reason")]).toEqual([406, "ENS answers XML here (Format=XML)"]);
    const accept = await send(await sign({ ...draft, url: bare, headers: { accept: "application/json" } }, (r) => signAcs3(r, { credentials: ens })));
    expect(accept.status, accept.text).toBe(200);
  });

  it("request ids are upper-case UUIDs, as ENS's", async () => {
    for (let i = 0; i < 16; i++) {
      const r = await send(await sign(draft, (req) => signAcs3(req, { credentials: ens })));
      expect(r.json().RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    }
  });

  it("rejects a tampered query (ACS3 and RPC v1) with SignatureDoesNotMatch", async () => {
    const v3 = await sign(draft, (r) => signAcs3(r, { credentials: ens }));
    v3.url.searchParams.set("Prefix", "logs");
    const r3 = await send(v3);
    expect([r3.status, r3.json().Code]).toEqual([400, "SignatureDoesNotMatch"]);
    const v1 = await sign(draft, (r) => signAcsRpcV1(r, { credentials: ens }));
    v1.url.searchParams.set("PageSize", "20");
    const r1 = await send(v1);
    expect([r1.status, r1.json().Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("rejects a wrong secret, an unknown key, a replayed nonce and a stale date", async () => {
    const wrong = await send(await sign(draft, (r) => signAcs3(r, { credentials: { ...ens, accessKeySecret: "nope" } })));
    expect(wrong.json().Code).toBe("SignatureDoesNotMatch");
    const unknown = await send(await sign(draft, (r) => signAcs3(r, { credentials: { accessKeyId: "LTAIunknown", accessKeySecret: "x" } })));
    expect([unknown.status, unknown.json().Code]).toEqual([404, "InvalidAccessKeyId.NotFound"]);
    const once = await sign(draft, (r) => signAcs3(r, { credentials: ens, nonce: () => "fixed-nonce-0001" }));
    expect((await send(once)).status).toBe(200);
    const replay = await send(once);
    expect([replay.status, replay.json().Code]).toEqual([400, "SignatureNonceUsed"]);
    const stale = await send(await sign(draft, (r) => signAcs3(r, { credentials: ens, clock: () => Date.now() - 20 * MINUTE })));
    expect([stale.status, stale.json().Code]).toEqual([400, "InvalidTimeStamp.Expired"]);
    const staleV1 = await send(await sign(draft, (r) => signAcsRpcV1(r, { credentials: ens, clock: () => Date.now() + 16 * MINUTE })));
    expect(staleV1.json().Code).toBe("InvalidTimeStamp.Expired");
    const unsigned = await send({ method: "POST", url: draft.url, headers: {} });
    expect([unsigned.status, unsigned.json().Code]).toEqual([400, "MissingParameter"]);
  });
});

describe("aliyun-oss", () => {
  const url = () => `https://${bucket()}.oss-cn-hangzhou.aliyuncs.com/?acl`;
  // OSS refuses path-style on its own domains; an OSS-compatible private deployment (a custom base) takes it.
  const pathUrl = () => `https://oss.private-cloud.test/${bucket()}/?acl`;

  it("accepts V4 and V1, virtual-hosted and path-style", async () => {
    for (const u of [url(), pathUrl()]) {
      const addressing = u === url() ? "virtual-hosted" : "path";
      const v4 = await send(await sign({ method: "GET", url: u }, (r) => signOssV4(r, { credentials: oss, region: "cn-hangzhou", addressing })));
      expect(v4.status, v4.text).toBe(200);
      expect(v4.headers.get("content-type")).toBe("application/xml");
      expect(v4.text).toContain(`<Grant>${mock.state.buckets[5]!.acl}</Grant>`);
      const v1 = await send(await sign({ method: "GET", url: u }, (r) => signOssV1(r, { credentials: oss, addressing })));
      expect(v1.status, v1.text).toBe(200);
      const v1Date = await send(await sign({ method: "GET", url: u }, (r) => signOssV1(r, { credentials: oss, addressing, dateHeader: "date" })));
      expect(v1Date.status, v1Date.text).toBe(200);
    }
  });

  it("refuses path-style on an aliyuncs.com host with 403 SecondLevelDomainForbidden, before the signature", async () => {
    for (const u of [`https://oss-cn-hangzhou.aliyuncs.com/${bucket()}/?acl`, `https://oss-cn-shanghai.aliyuncs.com/${bucket()}?acl`]) {
      const r = await send(await sign({ method: "GET", url: u }, (req) => signOssV4(req, { credentials: oss, region: "cn-hangzhou", addressing: "path" })));
      expect([r.status, r.text.includes("<Code>SecondLevelDomainForbidden</Code>")]).toEqual([403, true]);
    }
    const unsigned = await send({ method: "GET", url: `https://oss-cn-hangzhou.aliyuncs.com/${bucket()}/?acl`, headers: {} });
    expect(unsigned.text).toContain("<Code>SecondLevelDomainForbidden</Code>");
  });

  it("rejects a tampered request with 403 SignatureDoesNotMatch", async () => {
    const signed = await sign({ method: "GET", url: url() }, (r) => signOssV4(r, { credentials: oss, region: "cn-hangzhou" }));
    signed.headers.set("x-oss-date", signed.headers.get("x-oss-date")!.replace(/\d(Z)$/, (d) => (d === "0Z" ? "1Z" : "0Z")));
    const r = await send(signed);
    expect(r.status).toBe(403);
    expect(r.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(r.headers.get("x-oss-request-id")).toMatch(/^[0-9A-F]{24}$/);
    const v1 = await sign({ method: "GET", url: url() }, (r2) => signOssV1(r2, { credentials: oss }));
    v1.headers.set("content-type", "application/json");
    expect((await send(v1)).text).toContain("SignatureDoesNotMatch");
  });

  it("answers a stale date with RequestTimeTooSkewed and the server Date", async () => {
    const before = Date.now();
    const r = await send(await sign({ method: "GET", url: url() }, (r2) => signOssV4(r2, { credentials: oss, region: "cn-hangzhou", clock: () => before - 16 * MINUTE })));
    expect(r.status).toBe(403);
    expect(r.text).toContain("<Code>RequestTimeTooSkewed</Code>");
    expect(r.text).toContain("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");
    // The server's own clock, taken between `before` and now (an HTTP date drops the milliseconds).
    const serverDate = Date.parse(r.headers.get("date")!);
    expect(serverDate).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(serverDate).toBeLessThanOrEqual(Date.now());
  });

  it("V4: a scope region other than the endpoint's is 400 InvalidArgument (accelerate hosts take any region); a scope day other than x-oss-date's, too", async () => {
    const wrong = await send(await sign({ method: "GET", url: url() }, (r) => signOssV4(r, { credentials: oss, region: "cn-shanghai" })));
    expect([wrong.status, /<Code>(\w+)/.exec(wrong.text)?.[1], wrong.headers.get("x-bucketry-mock-reason")]).toEqual([400, "InvalidArgument", "credential scope region differs from the endpoint's"]);
    expect(wrong.text).toContain("Invalid signing region in Authorization header: cn-shanghai, expected cn-hangzhou.");
    const internal = await send(await sign({ method: "GET", url: url().replace("oss-cn-hangzhou", "oss-cn-hangzhou-internal") }, (r) => signOssV4(r, { credentials: oss, region: "cn-hangzhou" })));
    expect(internal.status, internal.text).toBe(200);
    const accelerated = await send(await sign({ method: "GET", url: url().replace("oss-cn-hangzhou", "oss-accelerate") }, (r) => signOssV4(r, { credentials: oss, region: "cn-shanghai" })));
    expect(accelerated.status, accelerated.text).toBe(200);
    const signed = await sign({ method: "GET", url: url() }, (r) => signOssV4(r, { credentials: oss, region: "cn-hangzhou" }));
    const day = signed.headers.get("x-oss-date")!.slice(0, 8);
    signed.headers.set("authorization", signed.headers.get("authorization")!.replace(`/${day}/`, "/20000101/"));
    const otherDay = await send(signed);
    expect([otherDay.status, otherDay.headers.get("x-bucketry-mock-reason")]).toEqual([400, "credential scope date differs from x-oss-date"]);
  });

  it("rejects unknown keys, anonymous requests and malformed Authorization", async () => {
    const unknown = await send(await sign({ method: "GET", url: url() }, (r) => signOssV4(r, { credentials: { accessKeyId: "LTAIx", accessKeySecret: "y" }, region: "cn-hangzhou" })));
    expect([unknown.status, /<Code>(\w+)/.exec(unknown.text)?.[1]]).toEqual([403, "InvalidAccessKeyId"]);
    const anonymous = await send({ method: "GET", url: url(), headers: {} });
    expect([anonymous.status, /<Code>(\w+)/.exec(anonymous.text)?.[1]]).toEqual([403, "AccessDenied"]);
    const malformed = await send({ method: "GET", url: url(), headers: { authorization: "OSS4-HMAC-SHA256 nonsense" } });
    expect([malformed.status, /<Code>(\w+)/.exec(malformed.text)?.[1]]).toEqual([400, "InvalidArgument"]);
  });
});

describe("huaweicloud-mpc", () => {
  const url = `https://mpc.cn-north-4.myhuaweicloud.com/v1/${testAccount.mpcProjectId}/buckets`;
  const signer = (clock?: () => number, credentials = mpc) => (r: Parameters<typeof signSdkHmacSha256>[0]) =>
    signSdkHmacSha256(r, { credentials, projectId: testAccount.mpcProjectId, ...(clock ? { clock } : {}) });

  it("accepts AK/SK and the IAM token", async () => {
    const aksk = await send(await sign({ method: "GET", url }, signer()));
    expect(aksk.status, aksk.text).toBe(200);
    expect(aksk.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    const token = await send({ method: "GET", url, headers: { "X-Auth-Token": testAccount.mpcToken } });
    expect(token.status).toBe(200);
    expect(token.json()).toEqual(aksk.json());
  });

  it("rejects tampering (APIGW.0301), a stale X-Sdk-Date (APIGW.0303), a bad token and a foreign project (MPC.10208)", async () => {
    const signed = await sign({ method: "GET", url }, signer());
    signed.url.pathname = signed.url.pathname.replace("buckets", "buckets/");
    const tampered = await send(signed);
    // The canonical URI always ends in "/", so a trailing slash alone is no tampering: the gateway accepts it.
    expect(tampered.status).toBe(200);
    const other = await sign({ method: "GET", url }, signer());
    other.url.search = "?limit=1";
    const r = await send(other);
    expect([r.status, r.json().error_code]).toEqual([401, "APIGW.0301"]);
    expect(r.json().request_id).toBe(r.headers.get("x-request-id"));
    const stale = await send(await sign({ method: "GET", url }, signer(() => Date.now() - 16 * MINUTE)));
    expect([stale.status, stale.json().error_code]).toEqual([401, "APIGW.0303"]);
    const badToken = await send({ method: "GET", url, headers: { "X-Auth-Token": "nope" } });
    expect([badToken.status, badToken.json().error_code]).toEqual([401, "APIGW.0301"]);
    const foreign = await send({ method: "GET", url: url.replace(testAccount.mpcProjectId, "ffffffffffffffffffffffffffffffff"), headers: { "X-Auth-Token": testAccount.mpcToken } });
    expect([foreign.status, foreign.json()]).toEqual([403, { error_code: "MPC.10208", error_msg: "Failed to verify the tenant ID." }]);
  });
});

describe("baidu-bos", () => {
  const virtual = () => `https://${bucket()}.bj.bcebos.com/?acl`;
  const path = () => `https://bj.bcebos.com/v1/${bucket()}?acl`;

  it("accepts bce-auth-v1 on virtual-hosted and path-style URLs", async () => {
    for (const u of [virtual(), path(), path().replace("?acl", "/?acl")]) {
      const r = await send(await sign({ method: "GET", url: u }, (req) => signBceV1(req, { credentials: bos })));
      expect(r.status, r.text).toBe(200);
      expect(r.json().owner.id).toBe(testAccount.bosOwnerId);
      expect(r.headers.get("x-bce-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("refuses a signature that leaves host out of its signed headers (the scheme signs at least host and x-bce-date)", async () => {
    const r = await send(await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: bos, headersToSign: ["x-bce-date"] })));
    expect([r.status, r.json().code]).toEqual([400, "InvalidHTTPAuthHeader"]);
    expect(r.headers.get("x-bucketry-mock-reason")).toBe("signedHeaders must include host");
  });

  it("rejects tampering, a wrong secret, an unknown key and an expired signature", async () => {
    const signed = await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: bos }));
    signed.url.hostname = signed.url.hostname.replace(bucket(), mock.state.buckets[6]!.name);
    const tampered = await send(signed);
    expect([tampered.status, tampered.json().code]).toEqual([400, "SignatureDoesNotMatch"]);
    const wrong = await send(await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: { ...bos, accessKeySecret: "x" } })));
    expect(wrong.json().code).toBe("SignatureDoesNotMatch");
    const unknown = await send(await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: { accessKeyId: "nobody", accessKeySecret: "x" } })));
    expect([unknown.status, unknown.json().code]).toEqual([403, "InvalidAccessKeyId"]);
    const expired = await send(await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: bos, expirationSeconds: 60, clock: () => Date.now() - 2 * MINUTE })));
    expect([expired.status, expired.json().code]).toEqual([400, "RequestExpired"]);
    // A timestamp ahead of the server: tolerated up to 30 minutes (far from either side of it here).
    const ahead = await send(await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: bos, clock: () => Date.now() + 20 * MINUTE })));
    expect(ahead.status, ahead.text).toBe(200);
    const farAhead = await send(await sign({ method: "GET", url: virtual() }, (req) => signBceV1(req, { credentials: bos, clock: () => Date.now() + 45 * MINUTE })));
    expect([farAhead.status, farAhead.json().code]).toEqual([400, "RequestExpired"]);
    const malformed = await send({ method: "GET", url: virtual(), headers: { authorization: "bce-auth-v1/only/three" } });
    expect([malformed.status, malformed.json().code]).toEqual([400, "InvalidHTTPAuthHeader"]);
  });
});

describe("hitachi-vsp-one-object", () => {
  const base = "https://admin.region1.cluster1/mapi";
  const token = testCredentials["hitachi-vsp-one-object"].token;

  async function csrf() {
    const r = await fetch(`${base}/v1/csrf`);
    expect(r.status).toBe(200);
    const cookies = r.headers.getSetCookie();
    expect(cookies.map((c) => c.split("=")[0])).toEqual(["XSRF-TOKEN", "vertx-web.session"]);
    const jar = Object.fromEntries(cookies.map((c) => c.split(";")[0]!.split("=") as [string, string]));
    return { xsrf: jar["XSRF-TOKEN"]!, cookie: cookies.map((c) => c.split(";")[0]).join("; ") };
  }
  const list = (headers: Record<string, string>, body = JSON.stringify({ id: 0, count: 5 }), method = "POST") =>
    send({ method, url: `${base}/v1/user/list_buckets`, headers: { "content-type": "application/json", ...headers }, ...(method === "GET" ? {} : { body }) });

  it("needs the bearer token and X-XSRF-TOKEN equal to the XSRF-TOKEN cookie from GET /v1/csrf", async () => {
    const { xsrf, cookie } = await csrf();
    const ok = await list({ authorization: `Bearer ${token}`, "x-xsrf-token": xsrf, cookie });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json().buckets).toHaveLength(5);
    for (const headers of [
      { "x-xsrf-token": xsrf, cookie },
      { authorization: "Bearer wrong", "x-xsrf-token": xsrf, cookie },
      { authorization: `Bearer ${token}`, cookie },
      { authorization: `Bearer ${token}`, "x-xsrf-token": "other", cookie },
      { authorization: `Bearer ${token}`, "x-xsrf-token": "forged", cookie: "XSRF-TOKEN=forged" },
    ]) {
      const r = await list(headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.text).toBe("");
    }
  });

  it("reads every header of a request whose Content-Type fetch fills in (a Blob body), not only that one", async () => {
    const { xsrf, cookie } = await csrf();
    const body = new Blob([JSON.stringify({ id: 0, count: 4 })], { type: "application/json" });
    const response = await fetch(`${base}/v1/user/list_buckets`, { method: "POST", headers: { authorization: `Bearer ${token}`, "x-xsrf-token": xsrf, cookie }, body });
    expect(response.status, response.headers.get("x-bucketry-mock-reason") ?? "").toBe(200);
    expect(((await response.json()) as { buckets: unknown[] }).buckets).toHaveLength(4);
    const call = mock.requests.at(-1)!;
    expect([call.headers["content-type"], call.headers.authorization, call.headers["x-xsrf-token"], call.auth?.ok]).toEqual(["application/json", "[redacted]", "[redacted]", true]);
  });

  it("answers 405 to a method other than POST", async () => {
    const r = await list({}, "", "GET");
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
  });
});
