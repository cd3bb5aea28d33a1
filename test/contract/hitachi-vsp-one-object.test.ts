// Hitachi ListUserBuckets (+ GetCsrfToken): generated client + hitachiSession middleware and the facade.
import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { errorCodes, scenario, testAccount, testCredentials } from "@bucketry/mocks";
import { createBucketClient, type ErrorKind } from "bucketry";
import { hitachiSession } from "bucketry/signing";
import { describe, expect, it } from "vitest";
import { BASE, BUCKETS, collect, contractMock, failure } from "./harness.js";

// The mock's clock: a test moves it past the XSRF token's lifetime (the mock's is 30 minutes) to expire a session.
let now = Date.UTC(2026, 0, 5, 9, 0, 0);
const XSRF_EXPIRED = 31 * 60_000;
const mock = contractMock("hitachi-vsp-one-object", { clock: () => now });
const credentials = testCredentials["hitachi-vsp-one-object"];
const SPEC_BASE = "https://admin.region1.cluster1/mapi";
const facade = (extra: object = {}) => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: SPEC_BASE, credentials, retry: false, ...extra });

const KINDS: Record<string, ErrorKind> = { "400": "InvalidArgument", "401": "InvalidCredentials", "404": "NotFound", "405": "InvalidArgument" };
const owned = (user: number) => mock.state.buckets.filter((b) => b.hitachiUserId === user).map((b) => b.name);

describe("generated client (@bucketry/hitachi-vsp-one-object) with bucketry's session middleware", () => {
  it("GET /v1/csrf then POST /v1/user/list_buckets, paged by pageToken", async () => {
    const raw = createClient({ baseUrl: SPEC_BASE });
    raw.use(hitachiSession({ baseUrl: SPEC_BASE, credentials }));
    const first = await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 25 } });
    expect(first.response.status).toBe(200);
    const page = first.data as { buckets: { bucketName: string }[]; pageToken?: string };
    expect(page.buckets.map((b) => b.bucketName)).toEqual(owned(1).slice(0, 25));
    const second = await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 25, pageToken: page.pageToken! } });
    expect((second.data as typeof page).buckets.map((b) => b.bucketName)).toEqual(owned(1).slice(25, 50));
    expect(mock.requests.map((c) => c.operationId)).toEqual(["GetCsrfToken", "ListUserBuckets", "ListUserBuckets"]);
  });

  it("an expired XSRF token: the middleware shakes hands again and re-sends the request once (default)", async () => {
    const raw = createClient({ baseUrl: SPEC_BASE });
    raw.use(hitachiSession({ baseUrl: SPEC_BASE, credentials }));
    await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 5 } });
    now += XSRF_EXPIRED;
    const { response, data } = await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 5 } });
    expect(response.status).toBe(200);
    expect((data as { buckets: { bucketName: string }[] }).buckets.map((b) => b.bucketName)).toEqual(owned(1).slice(0, 5));
    expect(mock.requests.map((c) => `${c.operationId} ${c.response?.status}`)).toEqual([
      "GetCsrfToken 200",
      "ListUserBuckets 200",
      "ListUserBuckets 401",
      "GetCsrfToken 200",
      "ListUserBuckets 200",
    ]);
  });

  it("replayUnauthorized: false returns the 401; the next call shakes hands again", async () => {
    const raw = createClient({ baseUrl: SPEC_BASE });
    raw.use(hitachiSession({ baseUrl: SPEC_BASE, credentials, replayUnauthorized: false }));
    await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 5 } });
    now += XSRF_EXPIRED;
    expect((await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 5 } })).response.status).toBe(401);
    expect((await raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 5 } })).response.status).toBe(200);
    expect(mock.requests.map((c) => c.operationId)).toEqual(["GetCsrfToken", "ListUserBuckets", "ListUserBuckets", "GetCsrfToken", "ListUserBuckets"]);
  });
});

describe("facade", () => {
  it(`iterates each user's buckets once each, in order, one request per page; the users together own all ${BUCKETS}`, async () => {
    const all: string[] = [];
    for (const user of testAccount.hitachiUserIds) {
      mock.reset();
      const names = await collect(facade().listBuckets({ userId: user }));
      expect(names).toEqual(owned(user));
      expect(mock.requests.filter((c) => c.operationId === "ListUserBuckets")).toHaveLength(Math.ceil(names.length / 1000));
      all.push(...names);
    }
    expect(all.sort()).toEqual(mock.state.buckets.map((b) => b.name));
  });

  it("prefix filtering (client-side) and a custom endpoint", async () => {
    expect(await collect(facade({ endpoint: BASE("hitachi-vsp-one-object") }).listBuckets({ userId: 0, prefix: "logs", pageSize: 500 }))).toEqual(owned(0).filter((n) => n.startsWith("logs")));
  });

  it("an expired XSRF token costs one more attempt of the call, not an error (retry: false too)", async () => {
    const client = facade();
    await client.listBucketsPage({ userId: 0, pageSize: 5 });
    now += XSRF_EXPIRED;
    const page = await client.listBucketsPage({ userId: 0, pageSize: 5 });
    expect(page.buckets.map((b) => b.name)).toEqual(owned(0).slice(0, 5));
    expect(mock.requests.map((c) => `${c.operationId} ${c.response?.status}`)).toEqual([
      "GetCsrfToken 200",
      "ListUserBuckets 200",
      "ListUserBuckets 401",
      "GetCsrfToken 200",
      "ListUserBuckets 200",
    ]);
  });

  it("an unknown user is NotFound (404)", async () => {
    const err = await failure(facade().listBucketsPage({ userId: 12345 }));
    expect([err.kind, err.status]).toEqual(["NotFound", 404]);
  });

  it.each(errorCodes("hitachi-vsp-one-object"))("documented status %s round-trips into its BucketryError kind", async (code) => {
    mock.use(scenario.error("hitachi-vsp-one-object", code, { always: true }));
    const err = await failure(facade().listBucketsPage({ userId: 0 }));
    expect([err.kind, err.status, err.requestId]).toEqual([KINDS[code], Number(code), undefined]);
  });
});
