// ENS ListBuckets: generated client + signer middleware and the facade against the generated handlers.
import { createClient } from "@bucketry/aliyun-ens";
import { errorCodes, scenario, testCredentials } from "@bucketry/mocks";
import { createBucketClient, type ErrorKind } from "bucketry";
import { acs3Signer, acsRpcV1Signer } from "bucketry/signing";
import { describe, expect, it } from "vitest";
import { BASE, BUCKETS, collect, contractMock, failure } from "./harness.js";

const mock = contractMock("aliyun-ens");
const credentials = testCredentials["aliyun-ens"];
const facade = (extra: object = {}) => createBucketClient({ provider: "aliyun-ens", credentials, retry: false, ...extra });

const KINDS: Record<string, ErrorKind> = {
  MissingParameter: "InvalidArgument",
  NoPermission: "AccessDenied",
  "InvalidParameter.PageSize": "InvalidArgument",
  Throttling: "Throttled",
  AccessDenied: "AccessDenied",
  UserDisable: "AccessDenied",
  NoSuchBucket: "NoSuchBucket",
  "Throttling.User": "Throttled",
  "Throttling.Api": "Throttled",
  InternalError: "ServerError",
  ServiceUnavailable: "Unavailable",
  // POP gateway authentication codes (Alibaba Cloud common error codes).
  "InvalidAccessKeyId.Inactive": "InvalidCredentials",
  "InvalidAccessKeyId.NotFound": "InvalidCredentials",
  SignatureDoesNotMatch: "SignatureMismatch",
  IncompleteSignature: "SignatureMismatch",
  "InvalidTimeStamp.Expired": "ClockSkew",
  "InvalidTimeStamp.Format": "InvalidArgument",
  IllegalTimestamp: "InvalidArgument",
  SignatureNonceUsed: "InvalidArgument",
  "InvalidSecurityToken.Expired": "InvalidCredentials",
  "InvalidSecurityToken.Malformed": "InvalidCredentials",
  "InvalidSecurityToken.MismatchWithAccessKey": "InvalidCredentials",
  Forbidden: "AccessDenied",
  "Forbidden.RAM": "AccessDenied",
};

describe("generated client (@bucketry/aliyun-ens) signed by bucketry's middleware", () => {
  it.each([
    ["ACS3", acs3Signer],
    ["RPC v1", acsRpcV1Signer],
  ] as const)("%s: POST (ListBuckets) and GET (ListBucketsByGet)", async (_name, signer) => {
    const raw = createClient();
    raw.use(signer({ credentials }));
    const query = { PageNumber: "3", PageSize: "20", Prefix: "media" };
    const post = await raw.POST("/", { params: { query } });
    const get = await raw.GET("/", { params: { query } });
    const expected = mock.state.withPrefix("media");
    for (const { data, response } of [post, get]) {
      expect(response.status).toBe(200);
      expect(data?.TotalCount).toBe(expected.length);
      expect(data?.BucketInfos?.map((b) => b.BucketName)).toEqual(expected.slice(40, 60).map((b) => b.name));
      expect(data?.RequestId).toBe(response.headers.get("x-acs-request-id"));
    }
    expect(mock.requests.map((c) => c.operationId)).toEqual(["ListBuckets", "ListBucketsByGet"]);
  });
});

describe("facade", () => {
  it(`iterates all ${BUCKETS} buckets once each, in order, one request per page (ACS3 and RPC v1)`, async () => {
    const names = mock.state.buckets.map((b) => b.name);
    for (const signatureVersion of ["v3", "v1"] as const) {
      mock.reset();
      expect(await collect(facade({ signatureVersion }).listBuckets({ pageSize: 100 }))).toEqual(names);
      expect(mock.requests).toHaveLength(BUCKETS / 100);
      expect(mock.requests.map((c) => new URL(c.url).searchParams.get("PageNumber"))).toEqual(names.slice(0, 100).map((_, i) => String(i + 1)));
    }
  });

  it("filters by prefix server-side (Prefix), with as many requests as pages", async () => {
    for (const prefix of ["img", "data-0001", "zzz"]) {
      mock.reset();
      const expected = mock.state.buckets.filter((b) => b.name.startsWith(prefix)).map((b) => b.name);
      expect(await collect(facade().listBuckets({ prefix, pageSize: 100 }))).toEqual(expected);
      expect(mock.requests).toHaveLength(Math.max(1, Math.ceil(expected.length / 100)));
    }
  });

  it("works against a custom endpoint", async () => {
    const page = await facade({ endpoint: BASE("aliyun-ens") }).listBucketsPage({ pageSize: 7 });
    expect(page.buckets.map((b) => b.name)).toEqual(mock.state.buckets.slice(0, 7).map((b) => b.name));
    expect(page.buckets[0]).toMatchObject({ provider: "aliyun-ens", region: mock.state.buckets[0]!.ensRegionId, acl: mock.state.buckets[0]!.acl });
  });

  it("temporary credentials (a security token) sign and are accepted, with v3 and v1", async () => {
    for (const signatureVersion of ["v3", "v1"] as const) {
      const page = await facade({ signatureVersion, credentials: { ...credentials, securityToken: "STS.contract-token" } }).listBucketsPage({ pageSize: 10 });
      expect(page.buckets).toHaveLength(10);
    }
    // The token travels in a header with v3 and in the query with v1 (the log keeps its name, not its value).
    expect(mock.requests.map((c) => [c.auth?.scheme, c.auth?.ok, c.headers["x-acs-security-token"] !== undefined || new URL(c.url).searchParams.has("SecurityToken")])).toEqual([
      ["ACS3-HMAC-SHA256", true, true],
      ["RPC-HMAC-SHA1", true, true],
    ]);
  });

  it.each(errorCodes("aliyun-ens"))("documented error %s round-trips into its BucketryError kind", async (code) => {
    mock.use(scenario.error("aliyun-ens", code, { always: true }));
    const err = await failure(facade().listBucketsPage({ pageSize: 10 }));
    const sent = mock.requests[0]!.response!;
    expect({ kind: err.kind, code: err.code, status: err.status, requestId: err.requestId }).toEqual({
      kind: KINDS[code],
      code,
      status: mock.requests[0]!.response!.status,
      requestId: sent.headers["x-acs-request-id"],
    });
    expect(JSON.parse(sent.body!).RequestId).toBe(err.requestId);
  });
});
