// OSS GetBucketAcl (XML): generated client + V4/V1 middleware and the facade against the generated handlers.
import { createClient } from "@bucketry/aliyun-oss";
import { errorCodes, scenario, testAccount, testCredentials } from "@bucketry/mocks";
import { createBucketClient, type ErrorKind } from "bucketry";
import { ossV1Signer, ossV4Signer } from "bucketry/signing";
import { describe, expect, it } from "vitest";
import { BASE, contractMock, failure } from "./harness.js";

const mock = contractMock("aliyun-oss");
const credentials = testCredentials["aliyun-oss"];
const facade = (extra: object = {}) => createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials, retry: false, ...extra });

const KINDS: Record<string, ErrorKind> = {
  InvalidBucketName: "InvalidArgument",
  InvalidArgument: "InvalidArgument",
  AccessDenied: "AccessDenied",
  SignatureDoesNotMatch: "SignatureMismatch",
  InvalidAccessKeyId: "InvalidCredentials",
  RequestTimeTooSkewed: "ClockSkew",
  NoSuchBucket: "NoSuchBucket",
  MissingArgument: "InvalidArgument",
  InvalidSecurityToken: "InvalidCredentials",
  SecurityTokenExpired: "InvalidCredentials",
  AccessKeyIdAndSecurityTokenNotMatch: "InvalidCredentials",
  SecondLevelDomainForbidden: "InvalidArgument",
  QpsLimitExceeded: "Throttled",
  InternalError: "ServerError",
  ServiceUnavailable: "Unavailable",
  SlowDown: "Throttled",
};

const samples = () => (["private", "public-read", "public-read-write"] as const).map((acl) => mock.state.buckets.find((b) => b.acl === acl)!);

describe("generated client (@bucketry/aliyun-oss) signed by bucketry's middleware", () => {
  it.each([
    ["V4", () => ossV4Signer({ credentials, region: "cn-shanghai" })],
    ["V1", () => ossV1Signer({ credentials })],
  ] as const)("%s: XML answers read into the spec's types", async (_name, signer) => {
    for (const b of samples()) {
      const raw = createClient({ region: "cn-shanghai", bucket: b.name });
      raw.use(signer());
      const { data, response } = await raw.GET("/");
      expect(response.status).toBe(200);
      expect(data).toEqual({ Owner: { ID: testAccount.ossOwnerId, DisplayName: testAccount.ossOwnerId }, AccessControlList: { Grant: b.acl } });
    }
  });
});

describe("facade", () => {
  it("reads ACLs with V4 and V1, on the regional host and a custom endpoint; NoSuchBucket otherwise", async () => {
    for (const options of [{}, { signatureVersion: "v1" }, { endpoint: BASE("aliyun-oss") }, { endpoint: BASE("aliyun-oss"), signatureVersion: "v1" }]) {
      for (const b of samples()) expect(await facade(options).getBucketAcl(b.name)).toMatchObject({ provider: "aliyun-oss", bucket: b.name, acl: b.acl, owner: { id: testAccount.ossOwnerId } });
      const err = await failure(facade(options).getBucketAcl("no-such-bucket-here"));
      expect([err.kind, err.status, err.code]).toEqual(["NoSuchBucket", 404, "NoSuchBucket"]);
      expect(err.requestId).toMatch(/^[0-9A-F]{24}$/);
    }
    expect(mock.requests.map((c) => c.auth?.scheme)).toEqual(["OSS4-HMAC-SHA256", "OSS", "OSS4-HMAC-SHA256", "OSS"].flatMap((s) => Array(4).fill(s)));
  });

  it("temporary credentials (a security token) sign and are accepted, with V4 and V1", async () => {
    const b = samples()[0]!;
    for (const signatureVersion of ["v4", "v1"] as const) {
      const client = facade({ signatureVersion, credentials: { ...credentials, securityToken: "STS.contract-token" } });
      expect(await client.getBucketAcl(b.name)).toMatchObject({ bucket: b.name, acl: b.acl });
    }
    expect(mock.requests.map((c) => [c.auth?.ok, c.headers["x-oss-security-token"] !== undefined])).toEqual([[true, true], [true, true]]);
  });

  it("the page's example bucket answers with the page's example", async () => {
    expect(await facade().getBucketAcl("examplebucket")).toMatchObject({ acl: "public-read", owner: { id: "0022012****", displayName: "user_example" } });
  });

  it.each(errorCodes("aliyun-oss"))("documented error %s round-trips into its BucketryError kind", async (code) => {
    mock.use(scenario.error("aliyun-oss", code, { always: true }));
    const err = await failure(facade().getBucketAcl(mock.state.buckets[0]!.name));
    const sent = mock.requests[0]!.response!;
    expect({ kind: err.kind, code: err.code, status: err.status, requestId: err.requestId }).toEqual({
      kind: KINDS[code],
      code,
      status: sent.status,
      requestId: sent.headers["x-oss-request-id"],
    });
    expect(sent.body).toContain(`<RequestId>${err.requestId}</RequestId>`);
  });
});
