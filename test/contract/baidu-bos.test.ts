// BOS GetBucketAcl (path style) / GetBucketAclVirtualHosted: generated client + bce-auth-v1 and the facade.
import { createClient } from "@bucketry/baidu-bos";
import { errorCodes, scenario, testAccount, testCredentials } from "@bucketry/mocks";
import { createBucketClient, type ErrorKind } from "bucketry";
import { bceV1Signer } from "bucketry/signing";
import { describe, expect, it } from "vitest";
import { BASE, contractMock, failure } from "./harness.js";

const mock = contractMock("baidu-bos");
const credentials = testCredentials["baidu-bos"];
const facade = (extra: object = {}) => createBucketClient({ provider: "baidu-bos", credentials, retry: false, ...extra });

const KINDS: Record<string, ErrorKind> = {
  InvalidHTTPAuthHeader: "InvalidArgument",
  SignatureDoesNotMatch: "SignatureMismatch",
  RequestExpired: "ClockSkew",
  MalformedJSON: "InvalidArgument",
  AccessDenied: "AccessDenied",
  InvalidAccessKeyId: "InvalidCredentials",
  AccountOverdue: "AccessDenied",
  OptInRequired: "AccessDenied",
  NoSuchBucket: "NoSuchBucket",
  InvalidVersion: "NotFound",
  PreconditionFailed: "InvalidArgument",
  InternalError: "ServerError",
  InvalidURI: "InvalidArgument",
  RequestRateLimitExceeded: "Throttled",
  ServiceUnavailable: "Unavailable",
};

/** One seeded bucket per canned ACL. */
const samples = () => (["private", "public-read", "public-read-write"] as const).map((acl) => mock.state.buckets.find((b) => b.acl === acl)!);

describe("generated client (@bucketry/baidu-bos) signed by bucketry's middleware", () => {
  it("path style (GetBucketAcl) and virtual-hosted (GetBucketAclVirtualHosted)", async () => {
    for (const b of samples()) {
      const path = createClient({ region: "gz" });
      path.use(bceV1Signer({ credentials }));
      const viaPath = await path.GET("/v1/{bucketName}", { params: { path: { bucketName: b.name } } });
      const virtual = createClient({ region: "gz", bucket: b.name });
      virtual.use(bceV1Signer({ credentials }));
      const viaHost = await virtual.GET("/");
      for (const { data, response } of [viaPath, viaHost]) {
        expect(response.status).toBe(200);
        expect(data?.owner.id).toBe(testAccount.bosOwnerId);
        expect(data?.accessControlList.length).toBe(b.acl === "private" ? 1 : 2);
      }
    }
    expect(mock.requests.map((c) => c.operationId)).toEqual(Array(3).fill(["GetBucketAcl", "GetBucketAclVirtualHosted"]).flat());
  });
});

describe("facade", () => {
  it("reads ACLs (virtual-hosted, path style, custom endpoint) and NoSuchBucket for unknown buckets", async () => {
    for (const options of [{}, { addressing: "path" }, { endpoint: BASE("baidu-bos") }]) {
      for (const b of samples()) expect(await facade(options).getBucketAcl(b.name)).toMatchObject({ provider: "baidu-bos", bucket: b.name, acl: b.acl, owner: { id: testAccount.bosOwnerId } });
      const err = await failure(facade(options).getBucketAcl("no-such-bucket-here"));
      expect([err.kind, err.status, err.code]).toEqual(["NoSuchBucket", 404, "NoSuchBucket"]);
      expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("temporary credentials (a session token) sign and are accepted", async () => {
    const b = samples()[0]!;
    const client = facade({ credentials: { ...credentials, securityToken: "bce-session-contract-token" } });
    expect(await client.getBucketAcl(b.name)).toMatchObject({ bucket: b.name, acl: b.acl });
    expect(mock.requests.map((c) => [c.auth?.ok, c.headers["x-bce-security-token"] !== undefined])).toEqual([[true, true]]);
  });

  it.each(errorCodes("baidu-bos"))("documented error %s round-trips into its BucketryError kind", async (code) => {
    mock.use(scenario.error("baidu-bos", code, { always: true }));
    const err = await failure(facade().getBucketAcl(mock.state.buckets[0]!.name));
    const sent = mock.requests[0]!.response!;
    expect({ kind: err.kind, code: err.code, status: err.status, requestId: err.requestId }).toEqual({
      kind: KINDS[code],
      code,
      status: sent.status,
      requestId: sent.headers["x-bce-request-id"],
    });
    expect(JSON.parse(sent.body!).requestId).toBe(err.requestId);
  });
});
