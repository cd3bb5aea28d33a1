// Requests signed by the vendors' official SDKs (not by bucketry) are accepted: the mock verifies what real
// clients send, not only what the facade sends.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { testAccount, testCredentials } from "../src/index.js";
import { send, useMock } from "./helpers.js";

const require = createRequire(import.meta.url);
// ali-oss 6.23: the V1 functions client.authorization() uses.
const signUtils = require("ali-oss/lib/common/signUtils.js") as {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: unknown }): string;
  authorization(accessKeyId: string, accessKeySecret: string, canonicalString: string, headerEncoding?: string): string;
};
// @alicloud/openapi-core 1.0.8: the ACS3 signer the ENS SDK runs on.
const OpenApiUtil = require("@alicloud/openapi-core/dist/utils.js").default as {
  getAuthorization(request: { method: string; pathname: string; query: Record<string, string>; headers: Record<string, string> }, algorithm: string, payloadHex: string, ak: string, sk: string): string;
};

const mock = useMock({ buckets: 50 });

// ali-oss 6.23 as a whole client: its `urllib` option gets the request ali-oss built and signed; this one sends it
// with fetch (answered by the mock through MSW) and hands the answer back in urllib's shape.
const OSS = require("ali-oss") as new (options: Record<string, unknown>) => { getBucketACL(name: string): Promise<{ acl: string; owner: { id: string } }> };
const fetchingUrllib = {
  async request(url: string, params: { method: string; headers: Record<string, string> }) {
    const response = await fetch(url, { method: params.method, headers: params.headers });
    const data = Buffer.from(await response.arrayBuffer());
    const headers = Object.fromEntries(response.headers);
    return { status: response.status, headers, data, res: { status: response.status, statusCode: response.status, headers } };
  },
};
const aliOss = (options: Record<string, unknown> = {}) =>
  new OSS({ region: "oss-cn-hangzhou", ...testCredentials["aliyun-oss"], secure: true, urllib: fetchingUrllib, ...options });

/** A bucket of the account beside the seeded ones (e.g. an older one, named before OSS's current rule). */
function addBucket(name: string): void {
  const like = mock.state.buckets[0]!;
  mock.state.put({ ...like, name, acl: "public-read" });
}

/** ENS ListBuckets as @alicloud/openapi-core signs it (ACS3-HMAC-SHA256: getAuthorization), with `extra` headers signed too. */
async function sendAcs3(query: Record<string, string>, extra: Record<string, string> = {}) {
  const { accessKeyId, accessKeySecret } = testCredentials["aliyun-ens"];
  const payload = createHash("sha256").update("").digest("hex");
  const headers: Record<string, string> = {
    host: "ens.aliyuncs.com",
    "x-acs-action": "ListBuckets",
    "x-acs-version": "2017-11-10",
    "x-acs-date": new Date().toISOString().slice(0, 19) + "Z",
    "x-acs-signature-nonce": createHash("md5").update(String(Math.random())).digest("hex"),
    "x-acs-content-sha256": payload,
    ...extra,
    accept: "application/json",
  };
  const authorization = OpenApiUtil.getAuthorization({ method: "POST", pathname: "/", query, headers }, "ACS3-HMAC-SHA256", payload, accessKeyId, accessKeySecret);
  const { host: _host, ...sent } = headers;
  return send({ method: "POST", url: `https://ens.aliyuncs.com/?${new URLSearchParams(query)}`, headers: { ...sent, authorization } });
}

describe("official SDK signatures", () => {
  it("ali-oss V1 (OSS ak:signature over x-oss-date) on GetBucketAcl", async () => {
    const { accessKeyId, accessKeySecret } = testCredentials["aliyun-oss"];
    const bucket = mock.state.buckets[2]!;
    const headers = { "x-oss-date": new Date().toUTCString(), "content-type": "application/xml" };
    const canonical = signUtils.buildCanonicalString("GET", `/${bucket.name}/`, { headers, parameters: "acl" });
    const authorization = signUtils.authorization(accessKeyId, accessKeySecret, canonical, "utf-8");
    const r = await send({ method: "GET", url: `https://${bucket.name}.oss-cn-hangzhou.aliyuncs.com/?acl`, headers: { ...headers, authorization } });
    expect(r.status, r.text).toBe(200);
    expect(r.text).toContain(`<Grant>${bucket.acl}</Grant>`);
    expect(mock.requests[0]!.auth).toEqual({ scheme: "OSS", ok: true });
  });

  it("ali-oss getBucketACL (V1 and V4) on an existing bucket named with \"_\", which ali-oss accepts for every request but bucket creation", async () => {
    for (const name of ["legacy_bucket", "_lead", "trail_"]) {
      addBucket(name);
      try {
        for (const authorizationV4 of [false, true]) {
          const result = await aliOss({ authorizationV4 }).getBucketACL(name);
          expect(result.acl, `${name} V${authorizationV4 ? 4 : 1}`).toBe("public-read");
        }
      } finally {
        mock.state.remove(name);
      }
    }
    expect(mock.requests.map((c) => [new URL(c.url).hostname.split(".")[0], c.response?.status, c.auth?.ok])).toEqual(
      ["legacy_bucket", "_lead", "trail_"].flatMap((name) => [[name, 200, true], [name, 200, true]]),
    );
  });

  it("a name outside ali-oss's rule for existing buckets (leading or trailing \"-\", too short) is still 400 InvalidBucketName", async () => {
    const { accessKeyId, accessKeySecret } = testCredentials["aliyun-oss"];
    for (const name of ["-lead", "trail-", "a_"]) {
      const headers = { "x-oss-date": new Date().toUTCString(), "content-type": "application/xml" };
      const canonical = signUtils.buildCanonicalString("GET", `/${name}/`, { headers, parameters: "acl" });
      const authorization = signUtils.authorization(accessKeyId, accessKeySecret, canonical, "utf-8");
      const r = await send({ method: "GET", url: `https://${name}.oss-cn-hangzhou.aliyuncs.com/?acl`, headers: { ...headers, authorization } });
      expect([r.status, /<Code>(\w+)<\/Code>/.exec(r.text)?.[1]], name).toEqual([400, "InvalidBucketName"]);
    }
  });

  it("@alicloud/openapi-core ACS3-HMAC-SHA256 on ENS ListBuckets", async () => {
    const r = await sendAcs3({ PageNumber: "2", PageSize: "5", Prefix: "data" });
    expect(r.status, r.text).toBe(200);
    const expected = mock.state.withPrefix("data").slice(5, 10).map((b) => b.name);
    expect(r.json().BucketInfos.map((b: { BucketName: string }) => b.BucketName)).toEqual(expected);
    expect(mock.requests[0]!.issues).toEqual([]);
  });
});

// Temporary credentials (Alibaba STS, Baidu STS, Huawei temporary AK/SK): the official SDKs add the security token
// to the request and sign it with the rest. The mock accepts any token whose request is signed as the SDK signs it.
describe("official SDKs with a security token (temporary credentials)", () => {
  const TOKEN = "CAIS.mock-sts-token/with+chars=0123456789";

  it("ali-oss with stsToken (x-oss-security-token), V1 and V4", async () => {
    const bucket = mock.state.buckets[4]!;
    for (const authorizationV4 of [false, true]) {
      const result = await aliOss({ authorizationV4, stsToken: TOKEN, refreshSTSToken: async () => ({ ...testCredentials["aliyun-oss"], stsToken: TOKEN }) }).getBucketACL(bucket.name);
      expect(result.acl).toBe(bucket.acl);
    }
    expect(mock.requests.map((c) => [c.headers["x-oss-security-token"], c.auth])).toEqual([
      ["[redacted]", { scheme: "OSS", ok: true }],
      ["[redacted]", { scheme: "OSS4-HMAC-SHA256", ok: true }],
    ]);
  });

  it("@alicloud/openapi-core ACS3 with x-acs-security-token and x-acs-accesskey-id (as the SDK sends STS credentials)", async () => {
    const r = await sendAcs3({ PageSize: "5" }, { "x-acs-accesskey-id": testCredentials["aliyun-ens"].accessKeyId, "x-acs-security-token": TOKEN });
    expect(r.status, r.text).toBe(200);
    expect(r.json().BucketInfos).toHaveLength(5);
    expect(mock.requests[0]!.auth).toEqual({ scheme: "ACS3-HMAC-SHA256", ok: true });
  });

  it("@alicloud/pop-core RPC (HMAC-SHA1) with securityToken (the SecurityToken query parameter)", async () => {
    const RPCClient = require("@alicloud/pop-core").RPCClient as new (config: Record<string, unknown>) => { request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<{ BucketInfos: unknown[] }> };
    const { accessKeyId, accessKeySecret } = testCredentials["aliyun-ens"];
    const client = new RPCClient({ endpoint: "https://ens.aliyuncs.com", apiVersion: "2017-11-10", accessKeyId, accessKeySecret, securityToken: TOKEN });
    const result = await client.request("ListBuckets", { PageSize: "3" });
    expect(result.BucketInfos).toHaveLength(3);
    expect(new URL(mock.requests[0]!.url).searchParams.get("SecurityToken")).toBe("[redacted]");
    expect(mock.requests[0]!.auth).toEqual({ scheme: "RPC-HMAC-SHA1", ok: true });
  });

  it("@alicloud/pop-core RPC with method POST: every parameter, Signature included, in a form body, read as the gateway reads the query", async () => {
    const RPCClient = require("@alicloud/pop-core").RPCClient as new (config: Record<string, unknown>) => { request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<{ BucketInfos: { BucketName: string }[] }> };
    const { accessKeyId, accessKeySecret } = testCredentials["aliyun-ens"];
    const client = new RPCClient({ endpoint: "https://ens.aliyuncs.com", apiVersion: "2017-11-10", accessKeyId, accessKeySecret });
    const result = await client.request("ListBuckets", { PageNumber: "2", PageSize: "3", Prefix: "data" }, { method: "POST" });
    expect(result.BucketInfos.map((b) => b.BucketName)).toEqual(mock.state.withPrefix("data").slice(3, 6).map((b) => b.name));
    expect(mock.requests[0]!.method).toBe("POST");
    expect(new URL(mock.requests[0]!.url).searchParams.has("Signature")).toBe(false); // it travelled in the body
    expect(mock.requests[0]!.auth).toEqual({ scheme: "RPC-HMAC-SHA1", ok: true });
    // The same form with another page size than it was signed for is refused as the gateway refuses it.
    const sent = mock.requests[0]!.body;
    expect(sent).toContain("PageSize=3");
    mock.reset();
    const tampered = await send({ method: "POST", url: "https://ens.aliyuncs.com/", headers: { "content-type": "application/x-www-form-urlencoded" }, body: sent.replace("PageSize=3", "PageSize=4") });
    expect(tampered.status).toBe(400);
    expect(tampered.json().Code).toBe("SignatureDoesNotMatch");
    expect(mock.requests[0]!.auth).toMatchObject({ scheme: "RPC-HMAC-SHA1", ok: false });
  });

  it("@baiducloud/sdk BosClient with sessionToken (x-bce-security-token)", async () => {
    const { BosClient } = require("@baiducloud/sdk") as { BosClient: new (config: Record<string, unknown>) => { getBucketAcl(bucket: string): Promise<{ body: { owner: { id: string } } }> } };
    const { accessKeyId: ak, accessKeySecret: sk } = testCredentials["baidu-bos"];
    const bucket = mock.state.buckets[6]!;
    const client = new BosClient({ endpoint: "https://bj.bcebos.com", credentials: { ak, sk }, sessionToken: TOKEN });
    const result = await client.getBucketAcl(bucket.name);
    expect(result.body.owner.id).toBe(testAccount.bosOwnerId);
    expect(mock.requests.map((c) => [c.headers["x-bce-security-token"], c.auth])).toEqual([["[redacted]", { scheme: "bce-auth-v1", ok: true }]]);
  });

  it("@baiducloud/sdk BosClient on its default plain-HTTP endpoint (http://bj.bcebos.com), which BOS serves too", async () => {
    const { BosClient } = require("@baiducloud/sdk") as { BosClient: new (config: Record<string, unknown>) => { getBucketAcl(bucket: string): Promise<{ body: { owner: { id: string } } }> } };
    const { accessKeyId: ak, accessKeySecret: sk } = testCredentials["baidu-bos"];
    const bucket = mock.state.buckets[7]!;
    const client = new BosClient({ endpoint: "http://bj.bcebos.com", credentials: { ak, sk } });
    const result = await client.getBucketAcl(bucket.name);
    expect(result.body.owner.id).toBe(testAccount.bosOwnerId);
    expect(mock.requests.map((c) => [new URL(c.url).protocol, c.auth])).toEqual([["http:", { scheme: "bce-auth-v1", ok: true }]]);
  });

  it("@huaweicloud/huaweicloud-sdk-core BasicCredentials with a securityToken (X-Security-Token)", async () => {
    const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js") as {
      BasicCredentials: new () => {
        withAk(ak: string): unknown;
        withSk(sk: string): unknown;
        withProjectId(id: string): unknown;
        withSecurityToken(token: string): unknown;
        processAuthRequest(client: unknown, request: Record<string, unknown>): Promise<{ endpoint: string; method: string; headers: Record<string, string> }>;
      };
    };
    const credentials = new BasicCredentials();
    credentials.withAk(testCredentials["huaweicloud-mpc"].accessKeyId);
    credentials.withSk(testCredentials["huaweicloud-mpc"].accessKeySecret);
    credentials.withProjectId(testAccount.mpcProjectId);
    credentials.withSecurityToken(TOKEN);
    const signed = await credentials.processAuthRequest(undefined, {
      endpoint: "https://mpc.cn-north-4.myhuaweicloud.com",
      url: "/v1/{project_id}/buckets",
      method: "GET",
      headers: { "Content-Type": "application/json" },
      queryParams: {},
      pathParams: {},
    });
    expect(signed.headers["X-Security-Token"]).toBe(TOKEN);
    const r = await send({ method: signed.method, url: signed.endpoint, headers: signed.headers });
    expect(r.status, r.text).toBe(200);
    expect(mock.requests[0]!.auth).toEqual({ scheme: "SDK-HMAC-SHA256", ok: true });
  });
});
