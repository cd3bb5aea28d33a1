// MPC ListAllBuckets: generated client + AK/SK or token middleware and the facade against the generated handlers.
import { createClient } from "@bucketry/huaweicloud-mpc";
import { errorCodes, scenario, testAccount, testCredentials } from "@bucketry/mocks";
import { createBucketClient, type ErrorKind } from "bucketry";
import { huaweiTokenAuth, sdkHmacSha256Signer } from "bucketry/signing";
import { describe, expect, it } from "vitest";
import { BASE, collect, contractMock, failure } from "./harness.js";

const mock = contractMock("huaweicloud-mpc");
const credentials = testCredentials["huaweicloud-mpc"];
const projectId = testAccount.mpcProjectId;
const facade = (extra: object = {}) => createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId, credentials, retry: false, ...extra });

const KINDS: Record<string, ErrorKind> = {
  "400": "InvalidArgument",
  // The spec's example message is "verify aksk signature fail": a signature that does not verify.
  "APIGW.0301": "SignatureMismatch",
  "APIGW.0303": "ClockSkew",
  "MPC.10208": "AccessDenied",
  "APIGW.0308": "Throttled",
  "APIGW.0302": "AccessDenied",
  "APIGW.0304": "AccessDenied",
  "APIGW.0305": "InvalidCredentials",
  "APIGW.0306": "AccessDenied",
  "APIGW.0307": "InvalidCredentials",
};

const inRegion = (region: string) => mock.state.buckets.filter((b) => b.mpcRegion === region).map((b) => b.name);

describe("generated client (@bucketry/huaweicloud-mpc) signed by bucketry's middleware", () => {
  it.each(["cn-north-4", "cn-east-3", "ap-southeast-3"])("AK/SK (SDK-HMAC-SHA256) and X-Auth-Token list %s's buckets", async (region) => {
    for (const auth of [sdkHmacSha256Signer({ credentials, projectId }), huaweiTokenAuth({ token: testAccount.mpcToken })]) {
      const raw = createClient({ region });
      raw.use(auth);
      const { data, response } = await raw.GET("/v1/{project_id}/buckets", { params: { path: { project_id: projectId } } });
      expect(response.status).toBe(200);
      expect(data?.buckets.map((b) => b.bucket)).toEqual(inRegion(region));
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

describe("facade", () => {
  it("returns the region's buckets in one request (AK/SK and token), prefix filtered client-side", async () => {
    expect(await collect(facade().listBuckets())).toEqual(inRegion("cn-north-4"));
    expect(await collect(facade({ credentials: { token: testAccount.mpcToken } }).listBuckets({ prefix: "video" }))).toEqual(inRegion("cn-north-4").filter((n) => n.startsWith("video")));
    expect(mock.requests).toHaveLength(2);
    const first = (await facade({ region: "cn-south-1" }).listBucketsPage({})).buckets[0]!;
    const seeded = mock.state.find(first.name)!;
    expect(first).toMatchObject({ provider: "huaweicloud-mpc", region: "cn-south-1", createdAt: new Date(Math.floor(seeded.createdAt.getTime() / 1000) * 1000) });
  });

  it("temporary AK/SK (a security token) sign and are accepted", async () => {
    const client = facade({ credentials: { ...credentials, securityToken: "huawei-contract-token" } });
    expect(await collect(client.listBuckets())).toEqual(inRegion("cn-north-4"));
    expect(mock.requests.map((c) => [c.auth?.ok, c.headers["x-security-token"] !== undefined])).toEqual([[true, true]]);
  });

  it("works against a custom endpoint (the project's region)", async () => {
    expect(await collect(facade({ endpoint: BASE("huaweicloud-mpc") }).listBuckets())).toEqual(inRegion(testAccount.mpcRegion));
  });

  it.each(errorCodes("huaweicloud-mpc"))("documented error %s round-trips into its BucketryError kind", async (code) => {
    mock.use(scenario.error("huaweicloud-mpc", code, { always: true }));
    const err = await failure(facade().listBucketsPage({}));
    const sent = mock.requests[0]!.response!;
    expect({ kind: err.kind, code: err.code, status: err.status, requestId: err.requestId }).toEqual({
      kind: KINDS[code],
      code: code === "400" ? "APIGW.0201" : code,
      status: sent.status,
      requestId: sent.headers["x-request-id"],
    });
  });
});
