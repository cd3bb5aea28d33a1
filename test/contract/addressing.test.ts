// OSS and BOS `endpoint` as the vendors' SDKs treat it: a service endpoint. For OSS a hostname is addressed
// virtual-hosted ({bucket}.{host}), an IP address or localhost path-style; BOS follows bce-sdk-go (a BOS
// host virtual-hosted, any other host path-style); `addressing` forces one, `cname` makes the endpoint the
// bucket's own domain. The mock checks every signature against the URL it received.
import { createMock, createMockState, testAccount, testCredentials } from "@bucketry/mocks";
import { createBucketClient } from "bucketry";
import { describe, expect, it } from "vitest";
import { failure, serveContractMock } from "./harness.js";

const PRIVATE_OSS = "http://oss.private-cloud.test/aliyun-oss";
const PRIVATE_BOS = "http://bos.private-cloud.test";
const mock = serveContractMock(createMock({
  state: createMockState({ buckets: 50, seed: 7 }),
  baseUrls: {
    "aliyun-oss": [PRIVATE_OSS, "http://127.0.0.1:9000/aliyun-oss", "http://localhost:9000/aliyun-oss", "http://[::1]:9000/aliyun-oss", "https://static.example.com"],
    "baidu-bos": [PRIVATE_BOS, "http://10.0.0.8:8080", "https://files.example.com"],
  },
}));

const oss = (extra: object) => createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: testCredentials["aliyun-oss"], retry: false, ...extra });
const bos = (extra: object) => createBucketClient({ provider: "baidu-bos", credentials: testCredentials["baidu-bos"], retry: false, ...extra });
const sent = () => mock.requests.map((c) => `${c.method} ${c.url}`);

describe("OSS endpoint", () => {
  it("a hostname endpoint (internal, accelerate, dual-stack, private cloud) is addressed {bucket}.{host}, V4 and V1", async () => {
    const b = mock.state.buckets[3]!;
    const endpoints = ["https://oss-cn-hangzhou-internal.aliyuncs.com", "https://oss-accelerate.aliyuncs.com", "https://cn-hangzhou.oss.aliyuncs.com", PRIVATE_OSS];
    for (const signatureVersion of ["v4", "v1"]) {
      for (const endpoint of endpoints) expect(await oss({ endpoint, signatureVersion }).getBucketAcl(b.name)).toMatchObject({ bucket: b.name, acl: b.acl });
    }
    const urls = [
      `GET https://${b.name}.oss-cn-hangzhou-internal.aliyuncs.com/?acl`,
      `GET https://${b.name}.oss-accelerate.aliyuncs.com/?acl`,
      `GET https://${b.name}.cn-hangzhou.oss.aliyuncs.com/?acl`,
      `GET http://${b.name}.oss.private-cloud.test/aliyun-oss/?acl`,
    ];
    expect(sent()).toEqual([...urls, ...urls]);
    expect(mock.requests.map((c) => c.auth?.ok)).toEqual(Array(8).fill(true));
  });

  it("an IP-address or localhost endpoint is path-style (the mocks' endpoints keep working)", async () => {
    const b = mock.state.buckets[5]!;
    for (const endpoint of ["http://127.0.0.1:9000/aliyun-oss", "http://localhost:9000/aliyun-oss", "http://[::1]:9000/aliyun-oss"]) {
      expect(await oss({ endpoint }).getBucketAcl(b.name)).toMatchObject({ acl: b.acl });
    }
    expect(sent()).toEqual([
      `GET http://127.0.0.1:9000/aliyun-oss/${b.name}/?acl`,
      `GET http://localhost:9000/aliyun-oss/${b.name}/?acl`,
      `GET http://[::1]:9000/aliyun-oss/${b.name}/?acl`,
    ]);
  });

  it('addressing: "path" forces path-style; OSS refuses it on its own domains with 403 SecondLevelDomainForbidden', async () => {
    const b = mock.state.buckets[6]!;
    expect(await oss({ endpoint: PRIVATE_OSS, addressing: "path" }).getBucketAcl(b.name)).toMatchObject({ acl: b.acl });
    const refused = await failure(oss({ addressing: "path" }).getBucketAcl(b.name));
    expect([refused.status, refused.code]).toEqual([403, "SecondLevelDomainForbidden"]);
    expect(await oss({ endpoint: "http://127.0.0.1:9000/aliyun-oss", addressing: "path" }).getBucketAcl(b.name)).toMatchObject({ acl: b.acl });
    expect(sent()).toEqual([
      `GET ${PRIVATE_OSS}/${b.name}/?acl`,
      `GET https://oss-cn-hangzhou.aliyuncs.com/${b.name}/?acl`,
      `GET http://127.0.0.1:9000/aliyun-oss/${b.name}/?acl`,
    ]);
  });

  it("cname: GET /?acl on the bucket's own domain, signed for the bucket (V4 and V1)", async () => {
    // The mock serves the CNAME as the spec's example bucket (a domain is bound to one bucket).
    for (const signatureVersion of ["v4", "v1"]) {
      expect(await oss({ endpoint: "https://static.example.com", cname: true, signatureVersion }).getBucketAcl("examplebucket")).toMatchObject({ bucket: "examplebucket", acl: "public-read" });
    }
    expect(sent()).toEqual(["GET https://static.example.com/?acl", "GET https://static.example.com/?acl"]);
    expect(mock.requests.map((c) => [c.auth?.scheme, c.auth?.ok])).toEqual([
      ["OSS4-HMAC-SHA256", true],
      ["OSS", true],
    ]);
    // Signed for another bucket than the one the domain serves: the signature does not match.
    const other = await failure(oss({ endpoint: "https://static.example.com", cname: true }).getBucketAcl(mock.state.buckets[0]!.name));
    expect([other.status, other.code]).toEqual([403, "SignatureDoesNotMatch"]);
  });

  it("options that contradict each other are refused when the client is made", () => {
    expect(() => oss({ cname: true })).toThrow(/cname: true needs an endpoint/);
    expect(() => oss({ endpoint: PRIVATE_OSS, cname: true, addressing: "path" })).toThrow(/cannot be combined with addressing: "path"/);
    expect(() => oss({ addressing: "bucket" })).toThrow(/addressing must be "virtual-hosted" or "path"/);
  });
});

describe("BOS endpoint (as bce-sdk-go's setUriAndEndpoint decides)", () => {
  it("a region host is addressed {bucket}.{host}; a bucket's domain by the called bucket; any other host or an IP /v1/{bucket}", async () => {
    const b = mock.state.buckets[8]!;
    for (const endpoint of ["https://su.bcebos.com", `https://${b.name}.su.bcebos.com`, "https://other-bucket.su.bcebos.com", PRIVATE_BOS, "http://10.0.0.8:8080"]) {
      expect(await bos({ endpoint }).getBucketAcl(b.name)).toMatchObject({ bucket: b.name, owner: { id: testAccount.bosOwnerId } });
    }
    expect(await bos({ endpoint: PRIVATE_BOS, addressing: "virtual-hosted" }).getBucketAcl(b.name)).toMatchObject({ bucket: b.name });
    expect(sent()).toEqual([
      `GET https://${b.name}.su.bcebos.com/?acl`,
      `GET https://${b.name}.su.bcebos.com/?acl`,
      `GET https://${b.name}.su.bcebos.com/?acl`,
      `GET ${PRIVATE_BOS}/v1/${b.name}?acl`,
      `GET http://10.0.0.8:8080/v1/${b.name}?acl`,
      `GET http://${b.name}.bos.private-cloud.test/?acl`,
    ]);
    expect(mock.requests.map((c) => c.auth?.ok)).toEqual([true, true, true, true, true, true]);
  });

  it("addressing: path keeps the API page's form on any endpoint; cname: GET /?acl on the bucket's domain", async () => {
    const b = mock.state.buckets[9]!;
    expect(await bos({ endpoint: PRIVATE_BOS, addressing: "path" }).getBucketAcl(b.name)).toMatchObject({ bucket: b.name });
    expect(await bos({ endpoint: "https://files.example.com", cname: true }).getBucketAcl("example-bucket")).toMatchObject({ bucket: "example-bucket" });
    expect(sent()).toEqual([`GET ${PRIVATE_BOS}/v1/${b.name}?acl`, "GET https://files.example.com/?acl"]);
    expect(() => bos({ cname: true })).toThrow(/cname: true needs an endpoint/);
  });
});
