// End to end: createBucketClient against a real HTTP server on 127.0.0.1 for all five providers.
// The server answers with the vendors' API pages' examples (copied by hand from the pages) and records
// every request as it arrived on the wire; the tests check the normalized results, the request shapes
// and — recomputed here with node:crypto from the received bytes — that each signature covers exactly
// the request the server saw (host with port, path-style path, query as serialized by the transport).
import { createHash, createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient } from "../src/index.js";
import { serve, header, type Reply, type Seen } from "./support/test-server.js";
import { rejection } from "./reliability/helpers.js";
import { EXIT, exitCodeFor } from "../src/cli/exit.js";

// ---------------------------------------------------------------------------------------------------
// A recording HTTP server. Every test gets its own; a hard cap on requests makes a looping client fail
// (HTTP 418, which no provider retries) instead of hanging.




async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Independent signature checks over the received request (each vendor's algorithm as its docs and official
// SDKs define it; packages/signing/src cites them), so a transport that changes the request after signing fails.

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const hmacHex = (key: string | Buffer, s: string) => createHmac("sha256", key).update(s).digest("hex");
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function verifyAcs3(req: Seen, secret: string): void {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(header(req, "authorization"));
  expect(m, "ACS3 Authorization header").not.toBeNull();
  const [, , signedHeaders, signature] = m!;
  const names = signedHeaders!.split(";");
  expect(names).toEqual(expect.arrayContaining(["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"]));
  const canonicalHeaders = names.map((n) => `${n}:${header(req, n).trim()}\n`).join("");
  const query = [...req.query].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join("&");
  const canonical = [req.method, req.path, query, canonicalHeaders, signedHeaders, sha256(req.body)].join("\n");
  expect(hmacHex(secret, `ACS3-HMAC-SHA256\n${sha256(canonical)}`), "ACS3 signature over the received request").toBe(signature);
}

function verifyRpcV1(req: Seen, secret: string): void {
  const pairs = [...req.query].filter(([k]) => k !== "Signature");
  const canonical = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join("&");
  const stringToSign = `${req.method}&${rfc3986("/")}&${rfc3986(canonical)}`;
  const expected = createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
  expect(req.query.get("Signature"), "RPC v1 signature over the received query").toBe(expected);
}

function verifySdkHmac(req: Seen, secret: string): void {
  const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(header(req, "authorization"));
  expect(m, "SDK-HMAC-SHA256 Authorization header").not.toBeNull();
  const [, , signedHeaders, signature] = m!;
  const names = signedHeaders!.split(";");
  expect(names).toEqual(expect.arrayContaining(["host", "x-sdk-date"]));
  const canonicalHeaders = names.map((n) => `${n}:${header(req, n).trim()}\n`).join("");
  const uri = req.path.endsWith("/") ? req.path : `${req.path}/`; // signed with a trailing slash, sent without
  const query = [...req.query].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join("&");
  const canonical = [req.method, uri, query, canonicalHeaders, signedHeaders, sha256(req.body)].join("\n");
  const stringToSign = `SDK-HMAC-SHA256\n${header(req, "x-sdk-date")}\n${sha256(canonical)}`;
  expect(hmacHex(secret, stringToSign), "SDK-HMAC-SHA256 signature over the received request").toBe(signature);
}

function verifyBce(req: Seen, secret: string): void {
  const m = /^(bce-auth-v1\/[^/]+\/[^/]+\/\d+)\/([^/]*)\/([0-9a-f]{64})$/.exec(header(req, "authorization"));
  expect(m, "bce-auth-v1 Authorization header").not.toBeNull();
  const [, prefix, signedHeaders, signature] = m!;
  const names = signedHeaders!.split(";");
  expect(names).toEqual(expect.arrayContaining(["host", "x-bce-date"]));
  const canonicalHeaders = names
    .map((n) => `${rfc3986(n)}:${rfc3986(header(req, n).trim())}`)
    .sort()
    .join("\n");
  const query = [...req.query].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join("&");
  const uri = req.path.split("/").map(rfc3986).join("/");
  const canonical = [req.method, uri, query, canonicalHeaders].join("\n");
  expect(hmacHex(hmacHex(secret, prefix!), canonical), "bce-auth-v1 signature over the received request").toBe(signature);
}

function verifyOssV4(req: Seen, secret: string, region: string): void {
  const m = /^OSS4-HMAC-SHA256 Credential=[^/]+\/(\d{8})\/([^/]+)\/oss\/aliyun_v4_request(?:,AdditionalHeaders=([^,]*))?,Signature=([0-9a-f]{64})$/.exec(
    header(req, "authorization"),
  );
  expect(m, "OSS4-HMAC-SHA256 Authorization header").not.toBeNull();
  const [, day, scopeRegion, additional, signature] = m!;
  expect(scopeRegion).toBe(region);
  const extra = additional ? additional.split(";") : [];
  const names = Object.keys(req.headers)
    .filter((n) => n === "content-type" || n === "content-md5" || n.startsWith("x-oss-") || extra.includes(n))
    .sort();
  const canonicalHeaders = names.map((n) => `${n}:${header(req, n).trim()}\n`).join("");
  const query = [...req.query]
    .map(([k, v]) => (v === "" ? rfc3986(k) : `${rfc3986(k)}=${rfc3986(v)}`))
    .sort()
    .join("&");
  const canonical = [req.method, req.path, query, canonicalHeaders, extra.join(";"), "UNSIGNED-PAYLOAD"].join("\n");
  const stringToSign = `OSS4-HMAC-SHA256\n${header(req, "x-oss-date")}\n${day}/${region}/oss/aliyun_v4_request\n${sha256(canonical)}`;
  const hmac = (key: string | Buffer, s: string) => createHmac("sha256", key).update(s).digest();
  const key = hmac(hmac(hmac(hmac(`aliyun_v4${secret}`, day!), region), "oss"), "aliyun_v4_request");
  expect(hmacHex(key, stringToSign), "OSS V4 signature over the received request").toBe(signature);
}

function verifyOssV1(req: Seen, accessKeyId: string, secret: string, resource: string): void {
  const m = /^OSS ([^:]+):(.+)$/.exec(header(req, "authorization"));
  expect(m, "OSS V1 Authorization header").not.toBeNull();
  expect(m![1]).toBe(accessKeyId);
  const ossHeaders = Object.keys(req.headers)
    .filter((n) => n.startsWith("x-oss-"))
    .sort()
    .map((n) => `${n}:${header(req, n).trim()}\n`)
    .join("");
  const date = header(req, "date") || header(req, "x-oss-date");
  const stringToSign = `${req.method}\n${header(req, "content-md5")}\n${header(req, "content-type")}\n${date}\n${ossHeaders}${resource}`;
  expect(createHmac("sha1", secret).update(stringToSign).digest("base64"), "OSS V1 signature over the received request").toBe(m![2]);
}

// ---------------------------------------------------------------------------------------------------
// API-page examples, copied by hand.

const ENS_SEED = `{
  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
  "BucketInfos": [
    {
      "BucketAcl": "private",
      "BucketName": "test",
      "Comment": "numb",
      "CreateTime": "2022-10-12T05:45:00Z",
      "LogicalBucketType": "sink",
      "ModifyTime": "2022-10-12T06:45:00Z",
      "EnsRegionId": "cn-dalian-unicom"
    }
  ],
  "TotalCount": 1
}`;

const MPC_SEED = `{
  "buckets" : [ {
    "bucket" : "example-bucket",
    "creation_date" : 20221026152511,
    "is_authorized" : 1
  }, {
    "bucket" : "example-bucket",
    "creation_date" : 20221026104736,
    "is_authorized" : 0
  } ]
}`;
const MPC_SEED_403 = `{
  "error_code" : "MPC.10208",
  "error_msg" : "Failed to verify the tenant ID."
}`;

const BOS_SEED = `{
 "owner" : {
 "id" : "16df583fe6824d73a5f858f06de0af03"
 },
 "accessControlList" : [ {
 "grantee" : [ {
 "id" : "10eb6f5ff6ff4605bf044313e8f3ffa5"
 }, {
 "id" : "10eb6f5ff6ff4605bf044313e8f3ffa5"
 } ],
 "permission" : [ "FULL_CONTROL", "FULL_CONTROL" ]
 }, {
 "grantee" : [ {
 "id" : "10eb6f5ff6ff4605bf044313e8f3ffa5"
 }, {
 "id" : "10eb6f5ff6ff4605bf044313e8f3ffa5"
 } ],
 "permission" : [ "FULL_CONTROL", "FULL_CONTROL" ]
 } ]
}`;

const HITACHI_SEED = `{ "buckets": [ { "bucketId": 0, "bucketName": "example" } ], "pageToken": "example" }`;
const HITACHI_SEED_ERROR = `{ "code": "example", "message": "example", "details": "example" }`;

// The page prints the declaration as `<? xml version="1.0" ? >` (a typo: real OSS sends
// `<?xml ...?>`); everything else is the page's example.
const OSS_SEED = `<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy>
    <Owner>
        <ID>0022012****</ID>
        <DisplayName>user_example</DisplayName>
    </Owner>
    <AccessControlList>
        <Grant>public-read</Grant>
    </AccessControlList>
</AccessControlPolicy>`;
const OSS_REQUEST_ID = "534B371674E88A4D8906****";
const ossOk = (): Reply => ({ headers: { "Content-Type": "application/xml", "x-oss-request-id": OSS_REQUEST_ID }, body: OSS_SEED });
const ossError = (status: number, code: string, message: string, requestId: string, extra: Record<string, string> = {}): Reply => ({
  status,
  headers: { "Content-Type": "application/xml", "x-oss-request-id": requestId, ...extra },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>oss-example.oss-cn-hangzhou.aliyuncs.com</HostId><EC>0003-00000001</EC></Error>`,
});

const json = (body: string, status = 200, headers: Record<string, string | string[]> = {}): Reply => ({
  status,
  headers: { "Content-Type": "application/json;charset=utf-8", ...headers },
  body,
});

// ---------------------------------------------------------------------------------------------------

const AK = "LTAI5tE2eAccessKeyId";
const SK = "e2e-secret-Zq9x";
const STS = "e2e-sts-token-CAIS+/=";
const creds = { accessKeyId: AK, accessKeySecret: SK };
const stsCreds = { ...creds, securityToken: STS };
/** 2024-01-02T03:04:05Z: a fixed client clock makes every signed date checkable by hand. */
const T0 = Date.UTC(2024, 0, 2, 3, 4, 5);
const clock = () => T0;
const fast = { baseDelayMs: 1 };
const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

describe("aliyun-ens: POST {endpoint}/ (RPC ListBuckets)", () => {
  it("v3 (default): ACS3-signed POST to /, action in x-acs-action, paging in the query; normalizes the seed example", async () => {
    const server = await serve(() => json(ENS_SEED, 200, { "x-acs-request-id": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853" }));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, clock });

    const buckets = await collect(ens.listBuckets({ prefix: "te" }));

    expect(buckets).toEqual([
      {
        provider: "aliyun-ens",
        name: "test",
        createdAt: new Date(Date.UTC(2022, 9, 12, 5, 45, 0)),
        region: "cn-dalian-unicom",
        acl: "private",
        raw: {
          BucketAcl: "private",
          BucketName: "test",
          Comment: "numb",
          CreateTime: "2022-10-12T05:45:00Z",
          LogicalBucketType: "sink",
          ModifyTime: "2022-10-12T06:45:00Z",
          EnsRegionId: "cn-dalian-unicom",
        },
      },
    ]);
    expect(server.requests).toHaveLength(1); // TotalCount 1 reached on page 1
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.path).toBe("/");
    expect(Object.fromEntries(req!.query)).toEqual({ PageNumber: "1", PageSize: "100", Prefix: "te" });
    expect(header(req, "x-acs-action")).toBe("ListBuckets");
    expect(header(req, "x-acs-version")).toBe("2017-11-10");
    expect(header(req, "x-acs-date")).toBe("2024-01-02T03:04:05Z");
    expect(header(req, "x-acs-signature-nonce")).toMatch(/^\S{8,}$/);
    expect(header(req, "x-acs-content-sha256")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(header(req, "authorization")).toMatch(new RegExp(`^ACS3-HMAC-SHA256 Credential=${AK},SignedHeaders=`));
    expect(header(req, "x-acs-security-token")).toBe("");
    // ENS answers XML unless asked for JSON: the official runtime sends this on every request.
    expect(header(req, "accept")).toBe("application/json");
    verifyAcs3(req!, SK);
  });

  it('signatureVersion "v1": Action/Version/Timestamp/Signature travel in the query, no Authorization header', async () => {
    const server = await serve(() => json(ENS_SEED));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, clock, signatureVersion: "v1" });

    const page = await ens.listBucketsPage();

    expect(page.buckets.map((b) => b.name)).toEqual(["test"]);
    expect(page.nextCursor).toBeUndefined();
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.path).toBe("/");
    expect(req!.query.get("Action")).toBe("ListBuckets");
    expect(req!.query.get("Version")).toBe("2017-11-10");
    expect(req!.query.get("AccessKeyId")).toBe(AK);
    expect(req!.query.get("SignatureMethod")).toBe("HMAC-SHA1");
    expect(req!.query.get("SignatureVersion")).toBe("1.0");
    expect(req!.query.get("Timestamp")).toBe("2024-01-02T03:04:05Z");
    expect(req!.query.get("SignatureNonce")).toMatch(/^\S{8,}$/);
    expect(req!.query.get("PageNumber")).toBe("1");
    expect(req!.query.get("Format")).toBe("JSON");
    expect(header(req, "accept")).toBe("application/json");
    expect(req!.query.get("Signature")).toMatch(/^[A-Za-z0-9+/]{27}=$/); // base64 of a 20-byte HMAC-SHA1
    expect(req!.query.has("SecurityToken")).toBe(false);
    expect(header(req, "authorization")).toBe("");
    verifyRpcV1(req!, SK);
  });
});

describe("huaweicloud-mpc: GET {endpoint}/v1/{project_id}/buckets", () => {
  it("AK/SK: SDK-HMAC-SHA256 with X-Sdk-Date and X-Project-Id; creation_date numbers read as UTC", async () => {
    const server = await serve(() => json(MPC_SEED, 200, { "X-Request-Id": "mpc-req-1" }));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: creds, clock });

    const buckets = await collect(mpc.listBuckets());

    expect(buckets).toEqual([
      {
        provider: "huaweicloud-mpc",
        name: "example-bucket",
        createdAt: new Date(Date.UTC(2022, 9, 26, 15, 25, 11)),
        region: "cn-north-4",
        raw: { bucket: "example-bucket", creation_date: 20221026152511, is_authorized: 1 },
      },
      {
        provider: "huaweicloud-mpc",
        name: "example-bucket",
        createdAt: new Date(Date.UTC(2022, 9, 26, 10, 47, 36)),
        region: "cn-north-4",
        raw: { bucket: "example-bucket", creation_date: 20221026104736, is_authorized: 0 },
      },
    ]);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.method).toBe("GET");
    expect(req!.path).toBe(`/v1/${PROJECT}/buckets`);
    expect(req!.search).toBe("");
    expect(header(req, "x-sdk-date")).toBe("20240102T030405Z");
    expect(header(req, "x-project-id")).toBe(PROJECT);
    expect(header(req, "authorization")).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=\\S*x-project-id\\S*, Signature=`));
    expect(header(req, "x-auth-token")).toBe("");
    expect(header(req, "x-security-token")).toBe("");
    verifySdkHmac(req!, SK);
  });

  it("token credentials: X-Auth-Token only, nothing signed", async () => {
    const server = await serve(() => json(MPC_SEED));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: { token: "MIIZ-iam-token" } });

    const page = await mpc.listBucketsPage();

    expect(page.buckets).toHaveLength(2);
    expect(page.nextCursor).toBeUndefined();
    const [req] = server.requests;
    expect(req!.method).toBe("GET");
    expect(req!.path).toBe(`/v1/${PROJECT}/buckets`);
    expect(header(req, "x-auth-token")).toBe("MIIZ-iam-token");
    expect(header(req, "authorization")).toBe("");
    expect(header(req, "x-sdk-date")).toBe("");
  });

  it("an endpoint needs no region: AK/SK and token calls go out unchanged, the buckets carry no region", async () => {
    const server = await serve(() => json(MPC_SEED));
    const signed = createBucketClient({ provider: "huaweicloud-mpc", projectId: PROJECT, endpoint: server.url, credentials: creds, clock });
    const withToken = createBucketClient({ provider: "huaweicloud-mpc", projectId: PROJECT, endpoint: server.url, credentials: { token: "MIIZ-iam-token" } });

    const buckets = [...(await collect(signed.listBuckets())), ...(await collect(withToken.listBuckets()))];

    expect(buckets.map((b) => [b.name, "region" in b])).toEqual([
      ["example-bucket", false],
      ["example-bucket", false],
      ["example-bucket", false],
      ["example-bucket", false],
    ]);
    expect(server.requests.map((r) => r.path)).toEqual([`/v1/${PROJECT}/buckets`, `/v1/${PROJECT}/buckets`]);
    verifySdkHmac(server.requests[0]!, SK);
    expect(header(server.requests[1], "x-auth-token")).toBe("MIIZ-iam-token");
  });

  it("an endpoint without region or project id: the project id cannot be looked up by region, so the call says it is needed", async () => {
    const server = await serve(() => json(MPC_SEED));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", endpoint: server.url, credentials: creds });
    await expect(mpc.listBucketsPage()).rejects.toMatchObject({ kind: "Configuration", message: expect.stringMatching(/`projectId` is required when no region is given/) });
    expect(server.requests).toHaveLength(0);
    // Neither a region nor an endpoint: nothing to call.
    expect(() => createBucketClient({ provider: "huaweicloud-mpc", projectId: PROJECT, credentials: creds })).toThrow(/`region` is required/);
  });
});

describe("baidu-bos: GET {endpoint}/v1/{bucket}?acl (path-style with an endpoint)", () => {
  it("bce-auth-v1 signed; the seed's repeated grants collapse and match no canned ACL", async () => {
    const server = await serve(() => json(BOS_SEED, 200, { "x-bce-request-id": "bos-req-1" }));
    const bos = createBucketClient({ provider: "baidu-bos", endpoint: server.url, credentials: creds, clock });

    const acl = await bos.getBucketAcl("examplebucket");

    // Owner 16df… is not the grantee 10eb…, so the grants are not the "private" set (owner FULL_CONTROL alone).
    expect(acl).toEqual({
      provider: "baidu-bos",
      bucket: "examplebucket",
      owner: { id: "16df583fe6824d73a5f858f06de0af03" },
      grants: [{ grantee: { type: "user", id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }, permission: "FULL_CONTROL" }],
      raw: JSON.parse(BOS_SEED),
    });
    expect(acl.acl).toBeUndefined();
    const [req] = server.requests;
    expect(server.requests).toHaveLength(1);
    expect(req!.method).toBe("GET");
    expect(req!.path).toBe("/v1/examplebucket");
    expect([...req!.query]).toEqual([["acl", ""]]);
    expect(header(req, "x-bce-date")).toBe("2024-01-02T03:04:05Z");
    expect(header(req, "authorization")).toMatch(new RegExp(`^bce-auth-v1/${AK}/2024-01-02T03:04:05Z/\\d+/`));
    expect(header(req, "x-bce-security-token")).toBe("");
    verifyBce(req!, SK);
  });

  it("owner FULL_CONTROL plus everyone (*) READ is public-read", async () => {
    const body = JSON.stringify({
      owner: { id: "16df583fe6824d73a5f858f06de0af03" },
      accessControlList: [
        { grantee: [{ id: "16df583fe6824d73a5f858f06de0af03" }], permission: ["FULL_CONTROL"] },
        { grantee: [{ id: "*" }], permission: ["READ"] },
      ],
    });
    const server = await serve(() => json(body));
    const bos = createBucketClient({ provider: "baidu-bos", endpoint: server.url, credentials: creds });

    const acl = await bos.getBucketAcl("examplebucket");

    expect(acl.acl).toBe("public-read");
    expect(acl.grants).toEqual([
      { grantee: { type: "user", id: "16df583fe6824d73a5f858f06de0af03" }, permission: "FULL_CONTROL" },
      { grantee: { type: "everyone" }, permission: "READ" },
    ]);
  });
});

describe("aliyun-oss: GET {endpoint}/{bucket}/?acl (path-style with an endpoint)", () => {
  const expectedAcl = {
    provider: "aliyun-oss",
    bucket: "oss-example",
    owner: { id: "0022012****", displayName: "user_example" },
    acl: "public-read",
    grants: [
      { grantee: { type: "user", id: "0022012****" }, permission: "FULL_CONTROL" },
      { grantee: { type: "everyone" }, permission: "READ" },
    ],
    raw: { Owner: { ID: "0022012****", DisplayName: "user_example" }, AccessControlList: { Grant: "public-read" } },
  };

  it("v4 (default): OSS4-HMAC-SHA256 with x-oss-date and UNSIGNED-PAYLOAD; the seed example normalized", async () => {
    const server = await serve(ossOk);
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, clock });

    const acl = await oss.getBucketAcl("oss-example");

    expect(acl).toEqual(expectedAcl);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.method).toBe("GET");
    expect(req!.path).toBe("/oss-example/");
    expect(req!.search).toBe("acl");
    expect(header(req, "x-oss-date")).toBe("20240102T030405Z");
    expect(header(req, "x-oss-content-sha256")).toBe("UNSIGNED-PAYLOAD");
    expect(header(req, "authorization")).toMatch(new RegExp(`^OSS4-HMAC-SHA256 Credential=${AK}/20240102/cn-hangzhou/oss/aliyun_v4_request,`));
    expect(header(req, "x-oss-security-token")).toBe("");
    verifyOssV4(req!, SK, "cn-hangzhou");
  });

  it('signatureVersion "v1": `OSS ak:signature` over /{bucket}/?acl', async () => {
    const server = await serve(ossOk);
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, clock, signatureVersion: "v1" });

    expect(await oss.getBucketAcl("oss-example")).toEqual(expectedAcl);
    const [req] = server.requests;
    expect(req!.path).toBe("/oss-example/");
    expect(req!.search).toBe("acl");
    expect(header(req, "x-oss-date") || header(req, "date")).toBe("Tue, 02 Jan 2024 03:04:05 GMT");
    expect(header(req, "authorization")).toMatch(new RegExp(`^OSS ${AK}:[A-Za-z0-9+/]{27}=$`));
    verifyOssV1(req!, AK, SK, "/oss-example/?acl");
  });
});

describe("hitachi-vsp-one-object: GET {endpoint}/v1/csrf, then POST {endpoint}/v1/user/list_buckets", () => {
  it("handshake, then Bearer + X-XSRF-TOKEN + Cookie; the seed example is one page continuing at its pageToken", async () => {
    const server = await serve((req) => {
      if (req.method === "GET" && req.path === "/mapi/v1/csrf") {
        return { headers: { "Set-Cookie": ["XSRF-TOKEN=xsrf-abc123; Path=/", "vertx-web.session=sess-456; Path=/; HttpOnly"] } };
      }
      return json(HITACHI_SEED);
    });
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "bearer-tok-1" } });

    const page = await hitachi.listBucketsPage({ userId: 0 });

    expect(page).toEqual({
      buckets: [{ provider: "hitachi-vsp-one-object", name: "example", id: "0", raw: { bucketId: 0, bucketName: "example" } }],
      nextCursor: "example",
    });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /mapi/v1/csrf", "POST /mapi/v1/user/list_buckets"]);
    const [csrf, list] = server.requests;
    expect(header(csrf, "authorization")).toBe(""); // the handshake carries no credentials
    expect(header(list, "authorization")).toBe("Bearer bearer-tok-1");
    expect(header(list, "x-xsrf-token")).toBe("xsrf-abc123");
    expect(header(list, "cookie")).toBe("XSRF-TOKEN=xsrf-abc123; vertx-web.session=sess-456");
    expect(header(list, "content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(list!.body)).toEqual({ id: 0, count: 1000 });
  });

  it("a 401 (session expired) is sent again once, as one more attempt, over the default transport: a new handshake, the same body", async () => {
    let handshakes = 0;
    const server = await serve((req) => {
      if (req.method === "GET" && req.path === "/mapi/v1/csrf") {
        handshakes++;
        return { headers: { "Set-Cookie": [`XSRF-TOKEN=xsrf-${handshakes}; Path=/`, `vertx-web.session=sess-${handshakes}; Path=/`] } };
      }
      return header(req, "x-xsrf-token") === "xsrf-1" ? { status: 401 } : json(HITACHI_SEED);
    });
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "bearer-tok-1" } });

    const page = await hitachi.listBucketsPage({ userId: 7, pageSize: 5, cursor: "after-this" });

    expect(page.buckets.map((b) => b.name)).toEqual(["example"]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${header(r, "x-xsrf-token")}`)).toEqual([
      "GET /mapi/v1/csrf ",
      "POST /mapi/v1/user/list_buckets xsrf-1",
      "GET /mapi/v1/csrf ",
      "POST /mapi/v1/user/list_buckets xsrf-2",
    ]);
    const [, first, , replay] = server.requests;
    expect(JSON.parse(first!.body)).toEqual({ id: 7, count: 5, pageToken: "after-this" });
    expect(replay!.body).toBe(first!.body);
    expect(header(replay, "cookie")).toBe("XSRF-TOKEN=xsrf-2; vertx-web.session=sess-2");
  });
});

describe("hitachi-vsp-one-object: the older management API (HCP for cloud scale 2.x, VSP One Object 3.0.x)", () => {
  const USER = "6c2ea2b3-7f0e-4b5e-9d7a-0c1b2a3d4e5f";
  /** A 2.5.x/3.0.x cluster as documented: `startingAfter` (a bucket name), a bare array of at most `count`, names in order. */
  function olderCluster(names: string[], options: { ignoreStartingAfter?: boolean } = {}) {
    return serve((req) => {
      if (req.method === "GET" && req.path === "/mapi/v1/csrf") return { headers: { "Set-Cookie": ["XSRF-TOKEN=x1; Path=/"] } };
      const body = JSON.parse(req.body) as { id: string; count?: number; startingAfter?: string; pageToken?: string };
      if (body.pageToken !== undefined) return { status: 400, body: "pageToken is not a parameter of this API" };
      const after = options.ignoreStartingAfter || body.startingAfter === undefined ? -1 : names.indexOf(body.startingAfter);
      const page = names.slice(after + 1, after + 1 + (body.count ?? 1000));
      return json(JSON.stringify(page.map((bucketName, i) => ({ bucketId: `00000000-0000-4000-8000-${String(after + 1 + i).padStart(12, "0")}`, bucketName }))));
    }, 20);
  }
  const names = (n: number) => Array.from({ length: n }, (_, i) => `bucket-${String(i).padStart(2, "0")}`);
  const bodies = (server: { requests: Seen[] }) => server.requests.filter((r) => r.method === "POST").map((r) => JSON.parse(r.body));

  it('"auto" (default): a bare array holding `count` buckets is continued with startingAfter until an answer holds fewer', async () => {
    const server = await olderCluster(names(7));
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" } });

    const listed = await collect(hitachi.listBuckets({ userId: USER, pageSize: 3 }));

    expect(listed.map((b) => b.name)).toEqual(names(7));
    expect(bodies(server)).toEqual([
      { id: USER, count: 3 },
      { id: USER, count: 3, startingAfter: "bucket-02" },
      { id: USER, count: 3, startingAfter: "bucket-05" },
    ]);
  });

  it("a listing that ends exactly on a full answer stops at the empty one; a prefix filters without cutting the paging short", async () => {
    const server = await olderCluster(names(6));
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" } });

    const listed = await collect(hitachi.listBuckets({ userId: USER, pageSize: 3, prefix: "bucket-04" }));

    expect(listed.map((b) => b.name)).toEqual(["bucket-04"]);
    expect(bodies(server).map((b) => b.startingAfter)).toEqual([undefined, "bucket-02", "bucket-05"]);
  });

  it("one page at a time: the cursor marks a startingAfter; with apiVersion 3.0 a bare bucket name is one too", async () => {
    const server = await olderCluster(names(5));
    const auto = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" } });
    const first = await auto.listBucketsPage({ userId: USER, pageSize: 2 });
    expect([first.buckets.map((b) => b.name), first.nextCursor]).toEqual([["bucket-00", "bucket-01"], "startingAfter:bucket-01"]);
    const second = await auto.listBucketsPage({ userId: USER, pageSize: 2, cursor: first.nextCursor! });
    expect(second.buckets.map((b) => b.name)).toEqual(["bucket-02", "bucket-03"]);

    const older = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" }, apiVersion: "3.0" });
    const fromName = await older.listBucketsPage({ userId: USER, pageSize: 2, cursor: "bucket-02" });
    expect([fromName.buckets.map((b) => b.name), fromName.nextCursor]).toEqual([["bucket-03", "bucket-04"], "startingAfter:bucket-04"]);
    expect(bodies(server).map((b) => b.startingAfter)).toEqual([undefined, "bucket-01", "bucket-02"]);
    expect(() => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" }, apiVersion: "2" as "3.0" })).toThrow(/apiVersion must be/);
  });

  it('apiVersion "3.3" against an older cluster: the page that needs a next one says the setting is wrong (its cursor went out as a pageToken)', async () => {
    const server = await olderCluster(names(5));
    const pinned = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" }, apiVersion: "3.3" });
    const err = await pinned.listBucketsPage({ userId: USER, pageSize: 2 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "Configuration", retryable: false });
    expect((err as Error).message).toBe('hitachi-vsp-one-object: apiVersion "3.3" contradicts the cluster, which answered in the older form (a bare array): use "auto" or "3.0"');
    expect(bodies(server)).toHaveLength(1);
    // An answer that needs no next page is read whatever the setting.
    expect((await pinned.listBucketsPage({ userId: USER, pageSize: 10 })).buckets).toHaveLength(5);
  });

  it('apiVersion "3.0" against a 3.3 cluster: a page with a pageToken says the setting is wrong (its token went out as startingAfter)', async () => {
    const seen: unknown[] = [];
    const server = await serve((req) => {
      if (req.method === "GET" && req.path === "/mapi/v1/csrf") return { headers: { "Set-Cookie": ["XSRF-TOKEN=x1; Path=/"] } };
      const body = JSON.parse(req.body) as { startingAfter?: string; pageToken?: string };
      seen.push(body);
      // A 3.3 cluster ignores startingAfter: every answer is the first page again.
      return json(JSON.stringify({ buckets: [{ bucketId: 1, bucketName: "bucket-00" }], pageToken: "tok-1" }));
    });
    const pinned = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" }, apiVersion: "3.0" });
    const err = await collect(pinned.listBuckets({ userId: 7, pageSize: 1 })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "Configuration", retryable: false });
    expect((err as Error).message).toBe('hitachi-vsp-one-object: apiVersion "3.0" contradicts the cluster, which answered in the 3.3 form (a pageToken): use "auto" or "3.3"');
    expect(seen).toHaveLength(1);
  });

  it("a cluster that ignores startingAfter is reported, not looped over", async () => {
    const server = await olderCluster(names(4), { ignoreStartingAfter: true });
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" }, retry: false });
    await expect(collect(hitachi.listBuckets({ userId: USER, pageSize: 2 }))).rejects.toMatchObject({ kind: "MalformedResponse" });
    expect(bodies(server)).toHaveLength(2);
  });
});

describe("STS security tokens reach the wire", () => {
  it("aliyun-ens v3: x-acs-security-token (signed) and x-acs-accesskey-id", async () => {
    const server = await serve(() => json(ENS_SEED));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: stsCreds });
    await ens.listBucketsPage();
    const [req] = server.requests;
    expect(header(req, "x-acs-security-token")).toBe(STS);
    expect(header(req, "x-acs-accesskey-id")).toBe(AK);
    expect(header(req, "authorization")).toMatch(/SignedHeaders=[^,]*x-acs-security-token/);
    verifyAcs3(req!, SK);
  });

  it("aliyun-ens v1: SecurityToken query parameter (signed)", async () => {
    const server = await serve(() => json(ENS_SEED));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: stsCreds, signatureVersion: "v1" });
    await ens.listBucketsPage();
    const [req] = server.requests;
    expect(req!.query.get("SecurityToken")).toBe(STS);
    verifyRpcV1(req!, SK);
  });

  it("huaweicloud-mpc: X-Security-Token (signed)", async () => {
    const server = await serve(() => json(MPC_SEED));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: stsCreds });
    await mpc.listBucketsPage();
    const [req] = server.requests;
    expect(header(req, "x-security-token")).toBe(STS);
    expect(header(req, "authorization")).toMatch(/SignedHeaders=[^,]*x-security-token/);
    verifySdkHmac(req!, SK);
  });

  it("baidu-bos: x-bce-security-token (signed)", async () => {
    const server = await serve(() => json(BOS_SEED));
    const bos = createBucketClient({ provider: "baidu-bos", endpoint: server.url, credentials: stsCreds });
    await bos.getBucketAcl("examplebucket");
    const [req] = server.requests;
    expect(header(req, "x-bce-security-token")).toBe(STS);
    expect(header(req, "authorization")).toMatch(/\/[^/]*x-bce-security-token[^/]*\/[0-9a-f]{64}$/);
    verifyBce(req!, SK);
  });

  it("aliyun-oss v4 and v1: x-oss-security-token (signed)", async () => {
    const server = await serve(ossOk);
    for (const signatureVersion of ["v4", "v1"] as const) {
      const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: stsCreds, signatureVersion });
      await oss.getBucketAcl("oss-example");
    }
    const [v4, v1] = server.requests;
    expect(header(v4, "x-oss-security-token")).toBe(STS);
    expect(header(v1, "x-oss-security-token")).toBe(STS);
    verifyOssV4(v4!, SK, "cn-hangzhou");
    verifyOssV1(v1!, AK, SK, "/oss-example/?acl");
  });
});

describe("vendor error bodies become BucketryErrors (kind, code, request id)", () => {
  it("aliyun-ens: JSON error, request id from x-acs-request-id", async () => {
    const server = await serve(() =>
      json(
        `{"RequestId":"0C1A2B3C-ENS","HostId":"ens.aliyuncs.com","Code":"NoSuchBucket","Message":"The specified bucket does not exist","Recommend":"https://next.api.aliyun.com/troubleshoot?q=NoSuchBucket"}`,
        404,
        { "x-acs-request-id": "0C1A2B3C-ENS" },
      ),
    );
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, retry: fast });
    const err = await rejection(ens.listBucketsPage());
    expect(err).toMatchObject({ provider: "aliyun-ens", kind: "NoSuchBucket", status: 404, code: "NoSuchBucket", requestId: "0C1A2B3C-ENS", retryable: false, attempts: 1 });
    expect(err.vendorMessage).toBe("The specified bucket does not exist");
    expect(server.requests).toHaveLength(1);
  });

  it("aliyun-ens: a throttled call is retried up to maxAttempts, then reported with its attempt count", async () => {
    const server = await serve(() => json(`{"RequestId":"T-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}`, 400));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, retry: { baseDelayMs: 1, maxAttempts: 3 } });
    const err = await rejection(ens.listBucketsPage());
    expect(err).toMatchObject({ kind: "Throttled", code: "Throttling.User", status: 400, requestId: "T-1", retryable: true, attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it("huaweicloud-mpc: the seed's 403 MPC.10208, request id from X-Request-Id", async () => {
    const server = await serve(() => json(MPC_SEED_403, 403, { "X-Request-Id": "b1c2d3-1700000000-host" }));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: creds });
    const err = await rejection(mpc.listBucketsPage());
    expect(err).toMatchObject({ kind: "AccessDenied", status: 403, code: "MPC.10208", vendorMessage: "Failed to verify the tenant ID.", requestId: "b1c2d3-1700000000-host" });
  });

  it("aliyun-oss: a bucket in another region (301 PermanentRedirect) is a Configuration error naming the endpoint, asked once", async () => {
    // OSS's answer for a bucket addressed on another region's endpoint (OSS error-response page: PermanentRedirect, 301).
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>PermanentRedirect</Code>
  <Message>The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.</Message>
  <RequestId>5C3D9175B6FC201293AD****</RequestId>
  <HostId>oss-example.oss-cn-hangzhou.aliyuncs.com</HostId>
  <Bucket>oss-example</Bucket>
  <Endpoint>oss-cn-shanghai.aliyuncs.com</Endpoint>
</Error>`;
    const server = await serve(() => ({ status: 301, headers: { "Content-Type": "application/xml", "x-oss-request-id": "5C3D9175B6FC201293AD****" }, body }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, clock });
    const err = await rejection(oss.getBucketAcl("oss-example"));
    expect(err).toMatchObject({ kind: "Configuration", status: 301, code: "PermanentRedirect", retryable: false, attempts: 1 });
    expect(err.message).toContain('use region: "cn-shanghai" (the bucket\'s region; its endpoint oss-cn-shanghai.aliyuncs.com)');
    expect(err.endpoint).toBe("oss-cn-shanghai.aliyuncs.com");
    expect(exitCodeFor(err)).toBe(EXIT.usage); // the CLI: a value the command line gave (--region, --endpoint) is wrong
    expect(server.requests).toHaveLength(1);
  });

  it("huaweicloud-mpc: API-gateway error with request_id only in the body", async () => {
    const server = await serve(() => json(`{"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","error_code":"APIGW.0301","request_id":"apig-9f8e"}`, 401));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: creds });
    const err = await rejection(mpc.listBucketsPage());
    expect(err).toMatchObject({ kind: "SignatureMismatch", status: 401, code: "APIGW.0301", requestId: "apig-9f8e", retryable: false });
    // What bucketry signed comes with it, as with every vendor's signature mismatch.
    expect(err.signature?.ours.canonicalRequest).toMatch(/^GET\n/);
    expect(server.requests).toHaveLength(1);
  });

  it("huaweicloud-mpc: an OBS XML error passed through", async () => {
    const server = await serve(() => ({
      status: 403,
      headers: { "Content-Type": "application/xml" },
      body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>AWS authentication requires a valid Date or x-amz-date header</Message><RequestId>0000018A1B2C3D4E</RequestId><HostId>obs-host</HostId></Error>`,
    }));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: creds });
    const err = await rejection(mpc.listBucketsPage());
    expect(err).toMatchObject({ kind: "AccessDenied", status: 403, code: "AccessDenied", requestId: "0000018A1B2C3D4E" });
  });

  it("baidu-bos: JSON error, request id from x-bce-request-id", async () => {
    const server = await serve(() =>
      json(`{"code":"NoSuchBucket","message":" The specified bucket does not exist.","requestId":"4db2b34d-654d-4d8a-b49b-3049ca786409"}`, 404, {
        "x-bce-request-id": "4db2b34d-654d-4d8a-b49b-3049ca786409",
      }),
    );
    const bos = createBucketClient({ provider: "baidu-bos", endpoint: server.url, credentials: creds });
    const err = await rejection(bos.getBucketAcl("examplebucket"));
    expect(err).toMatchObject({ provider: "baidu-bos", kind: "NoSuchBucket", status: 404, code: "NoSuchBucket", requestId: "4db2b34d-654d-4d8a-b49b-3049ca786409" });
  });

  it("hitachi-vsp-one-object: the seed's JSON error body (404) and a plain-text 400", async () => {
    let n = 0;
    const server = await serve((req) => {
      if (req.path === "/mapi/v1/csrf") return { headers: { "Set-Cookie": "XSRF-TOKEN=x1; Path=/" } };
      n++;
      return n === 1 ? json(HITACHI_SEED_ERROR, 404) : { status: 400, headers: { "Content-Type": "text/plain" }, body: "user id is not valid" };
    });
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" } });
    const notFound = await rejection(hitachi.listBucketsPage({ userId: 99 }));
    expect(notFound).toMatchObject({ kind: "NotFound", status: 404, code: "example", vendorMessage: "example" });
    const bad = await rejection(hitachi.listBucketsPage({ userId: 99 }));
    expect(bad).toMatchObject({ kind: "InvalidArgument", status: 400, vendorMessage: "user id is not valid" });
  });

  it("aliyun-oss: XML <Error> NoSuchBucket / AccessDenied, request id from x-oss-request-id", async () => {
    let n = 0;
    const server = await serve(() =>
      n++ === 0
        ? ossError(404, "NoSuchBucket", "The specified bucket does not exist.", "636B68BA80DA8539399F0001")
        : ossError(403, "AccessDenied", "You have no right to access this object.", "636B68BA80DA8539399F0002"),
    );
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds });
    expect(await rejection(oss.getBucketAcl("oss-example"))).toMatchObject({
      provider: "aliyun-oss",
      kind: "NoSuchBucket",
      status: 404,
      code: "NoSuchBucket",
      vendorMessage: "The specified bucket does not exist.",
      requestId: "636B68BA80DA8539399F0001",
    });
    expect(await rejection(oss.getBucketAcl("oss-example"))).toMatchObject({ kind: "AccessDenied", status: 403, code: "AccessDenied", requestId: "636B68BA80DA8539399F0002" });
  });

  it("a non-2xx body the vendor does not document (a proxy's HTML 502) still yields status and request id", async () => {
    const server = await serve(() => ({
      status: 502,
      headers: { "Content-Type": "text/html", "x-bce-request-id": "proxy-req-7" },
      body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
    }));
    const bos = createBucketClient({ provider: "baidu-bos", endpoint: server.url, credentials: creds, retry: false });
    const err = await rejection(bos.getBucketAcl("examplebucket"));
    expect(err).toMatchObject({ kind: "Unavailable", status: 502, requestId: "proxy-req-7", retryable: true, attempts: 1 });
  });

  it("aliyun-oss: a non-2xx response whose XML is broken still yields status and request id", async () => {
    const server = await serve(() => ({
      status: 403,
      headers: { "Content-Type": "application/xml", "x-oss-request-id": "BROKEN-XML-1" },
      body: "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Mess",
    }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, retry: false });
    const err = await rejection(oss.getBucketAcl("oss-example"));
    expect(err.status).toBe(403);
    expect(err.requestId).toBe("BROKEN-XML-1");
    expect(err.kind).toBe("AccessDenied");
  });
});

describe("2xx bodies that are not what the vendor documents: MalformedResponse with status and request id", () => {
  it("aliyun-ens: truncated JSON", async () => {
    const server = await serve(() => json(ENS_SEED.slice(0, 120), 200, { "x-acs-request-id": "TRUNC-1" }));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, retry: fast });
    const err = await rejection(ens.listBucketsPage());
    expect(err).toMatchObject({ provider: "aliyun-ens", kind: "MalformedResponse", status: 200, requestId: "TRUNC-1", retryable: false });
    expect(err.message).toContain("TRUNC-1");
    expect(server.requests).toHaveLength(1); // not retried
  });

  it("huaweicloud-mpc: an HTML page with status 200", async () => {
    const server = await serve(() => ({ headers: { "Content-Type": "text/html", "X-Request-Id": "HTML-1" }, body: "<!DOCTYPE html><html><body>Login</body></html>" }));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: server.url, credentials: creds });
    const err = await rejection(mpc.listBucketsPage());
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "HTML-1" });
  });

  it("hitachi-vsp-one-object: JSON of the wrong shape", async () => {
    const server = await serve((req) =>
      req.path === "/mapi/v1/csrf" ? { headers: { "Set-Cookie": "XSRF-TOKEN=x1; Path=/" } } : json(`{"buckets":{"bucketId":1}}`),
    );
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: { token: "t" } });
    const err = await rejection(hitachi.listBucketsPage({ userId: 1 }));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200 });
  });

  it("aliyun-oss: JSON where XML is expected", async () => {
    const server = await serve(() =>
      json(`{"Owner":{"ID":"0022012****"},"AccessControlList":{"Grant":"public-read"}}`, 200, { "x-oss-request-id": "JSON-1" }),
    );
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds });
    const err = await rejection(oss.getBucketAcl("oss-example"));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "JSON-1" });
  });

  it("aliyun-oss: an <Error> root with status 200", async () => {
    const server = await serve(() => ({ ...ossError(403, "AccessDenied", "denied", "ERR200-1"), status: 200 }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds });
    const err = await rejection(oss.getBucketAcl("oss-example"));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "ERR200-1" });
    expect(err.message).toContain("<Error>");
  });

  it("aliyun-oss: truncated XML with status 200", async () => {
    const server = await serve(() => ({ headers: { "Content-Type": "application/xml", "x-oss-request-id": "TRUNC-XML-1" }, body: OSS_SEED.slice(0, 150) }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds });
    const err = await rejection(oss.getBucketAcl("oss-example"));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "TRUNC-XML-1" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("retries", () => {
  it("a 503 then 200 succeeds with two requests, each freshly signed (new nonce, new signature)", async () => {
    const server = await serve((_req, i) => (i === 0 ? json(`{"RequestId":"U-1","Code":"ServiceUnavailable","Message":"busy"}`, 503) : json(ENS_SEED)));
    const retries: number[] = [];
    const ens = createBucketClient({
      provider: "aliyun-ens",
      endpoint: server.url,
      credentials: creds,
      retry: { baseDelayMs: 1, onRetry: (info) => retries.push(info.attempt) },
    });

    const buckets = await collect(ens.listBuckets());

    expect(buckets.map((b) => b.name)).toEqual(["test"]);
    expect(server.requests).toHaveLength(2);
    expect(retries).toEqual([1]);
    const [first, second] = server.requests;
    expect(header(second, "x-acs-signature-nonce")).not.toBe(header(first, "x-acs-signature-nonce"));
    expect(header(second, "authorization")).not.toBe(header(first, "authorization"));
    verifyAcs3(first!, SK);
    verifyAcs3(second!, SK);
  });

  it("huaweicloud-mpc: a retry is signed with the date of its own attempt", async () => {
    const server = await serve((_req, i) => (i === 0 ? json(`{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}`, 429) : json(MPC_SEED)));
    let t = T0;
    const mpc = createBucketClient({
      provider: "huaweicloud-mpc",
      region: "cn-north-4",
      projectId: PROJECT,
      endpoint: server.url,
      credentials: creds,
      retry: fast,
      clock: () => (t += 1000) - 1000, // T0, T0 + 1 s, …
    });

    await mpc.listBucketsPage();

    const [first, second] = server.requests.map((r) => header(r, "x-sdk-date"));
    expect(first).toBe("20240102T030405Z");
    expect(second! > first!).toBe(true); // the clock moved on between attempts, and the retry used it
    expect(second).toMatch(/^20240102T0304(0[6-9]|1\d)Z$/);
    verifySdkHmac(server.requests[0]!, SK);
    verifySdkHmac(server.requests[1]!, SK);
  });

  it("aliyun-oss: a 503 whose XML body is broken is still retried (status decides), then succeeds", async () => {
    const server = await serve((_req, i) =>
      i === 0 ? { status: 503, headers: { "Content-Type": "application/xml", "x-oss-request-id": "U-XML" }, body: "<Error><Code>Servi" } : ossOk(),
    );
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, retry: fast });
    expect((await oss.getBucketAcl("oss-example")).acl).toBe("public-read");
    expect(server.requests).toHaveLength(2);
  });

  it("`retry: false` makes exactly one request", async () => {
    const server = await serve(() => json(`{"RequestId":"U-2","Code":"ServiceUnavailable","Message":"busy"}`, 503, { "x-acs-request-id": "U-2" }));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, retry: false });
    const err = await rejection(ens.listBucketsPage());
    expect(err).toMatchObject({ kind: "Unavailable", status: 503, requestId: "U-2", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("per-call `retry: false` overrides the client's policy", async () => {
    const server = await serve(() => ossError(503, "ServiceUnavailable", "busy", "U-3"));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, retry: fast });
    const err = await rejection(oss.getBucketAcl("oss-example", { retry: false }));
    expect(err).toMatchObject({ kind: "Unavailable", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("aliyun-oss: 403 RequestTimeTooSkewed with the server's Date an hour ahead → re-signed an hour ahead, and the offset is kept", async () => {
    const server = await serve((_req, i) =>
      i === 0
        ? ossError(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", "SKEW-1", {
            Date: "Tue, 02 Jan 2024 04:04:05 GMT",
          })
        : ossOk(),
    );
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: server.url, credentials: creds, clock, retry: fast });

    const acl = await oss.getBucketAcl("oss-example");
    await oss.getBucketAcl("oss-example");

    expect(acl.acl).toBe("public-read");
    expect(server.requests.map((r) => header(r, "x-oss-date"))).toEqual(["20240102T030405Z", "20240102T040405Z", "20240102T040405Z"]);
    for (const req of server.requests) verifyOssV4(req, SK, "cn-hangzhou");
  });
});
