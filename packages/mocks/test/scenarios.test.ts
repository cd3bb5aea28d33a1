// Every scenario kind, through the facade (bucketry) as a real caller would meet it.
import { createBucketClient, isBucketryError, type BucketryError } from "bucketry";
import { describe, expect, it } from "vitest";
import { errorCodes, scenario, testAccount, testCredentials } from "../src/index.js";
import { useMock } from "./helpers.js";

const mock = useMock({ buckets: 120 });
const noRetry = { retry: false as const };
const fastRetry = { retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 } };

const ens = (extra = {}) => createBucketClient({ provider: "aliyun-ens", credentials: testCredentials["aliyun-ens"], ...noRetry, ...extra });
const oss = (extra = {}) => createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: testCredentials["aliyun-oss"], ...noRetry, ...extra });
const bos = (extra = {}) => createBucketClient({ provider: "baidu-bos", credentials: testCredentials["baidu-bos"], ...noRetry, ...extra });
const mpc = (extra = {}) =>
  createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: testAccount.mpcProjectId, credentials: testCredentials["huaweicloud-mpc"], ...noRetry, ...extra });
const hitachi = (extra = {}) =>
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://admin.region1.cluster1/mapi", credentials: testCredentials["hitachi-vsp-one-object"], ...noRetry, ...extra });

async function failure(p: Promise<unknown>): Promise<BucketryError> {
  try {
    await p;
  } catch (err) {
    if (isBucketryError(err)) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}
const firstPage = (client: ReturnType<typeof ens>) => client.listBucketsPage({ pageSize: 10 });
const bucket = () => mock.state.buckets[0]!.name;

describe("scenario.error", () => {
  it("applies once by default, then the mock answers normally", async () => {
    mock.use(scenario.error("aliyun-oss", "AccessDenied"));
    const err = await failure(oss().getBucketAcl(bucket()));
    expect([err.kind, err.code, err.status]).toEqual(["AccessDenied", "AccessDenied", 403]);
    expect(err.requestId).toBe(mock.requests[0]!.response!.headers["x-oss-request-id"]);
    await expect(oss().getBucketAcl(bucket())).resolves.toMatchObject({ acl: mock.state.buckets[0]!.acl });
    expect(mock.requests.map((c) => c.scenarios)).toEqual([["error(AccessDenied) @ aliyun-oss"], []]);
  });

  it("{ times: 2 } fails twice, then a retrying client succeeds on the third attempt", async () => {
    mock.use(scenario.error("aliyun-ens", "Throttling.User", { times: 2 }));
    const retries: number[] = [];
    const page = await ens({ retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0, onRetry: (i: { attempt: number }) => retries.push(i.attempt) } }).listBucketsPage({ pageSize: 10 });
    expect(page.buckets).toHaveLength(10);
    expect(retries).toEqual([1, 2]);
  });

  it("{ always: true } keeps failing; reset() clears it", async () => {
    mock.use(scenario.error("baidu-bos", "NoSuchBucket", { always: true }));
    for (let i = 0; i < 3; i++) expect((await failure(bos().getBucketAcl(bucket()))).kind).toBe("NoSuchBucket");
    mock.reset();
    await expect(bos().getBucketAcl(bucket())).resolves.toBeDefined();
  });

  it("lists documented codes and rejects unknown ones", () => {
    expect(errorCodes("hitachi-vsp-one-object")).toEqual(["400", "401", "404", "405"]);
    // MPC's 400 has a schema but no example (and no code): it is listed by status.
    expect(errorCodes("huaweicloud-mpc")).toEqual(["400", "APIGW.0301", "APIGW.0303", "MPC.10208", "APIGW.0308"]);
    expect(() => scenario.error("aliyun-oss", "NoSuchKey")).toThrow(/documents no error "NoSuchKey"; documented: InvalidBucketName, InvalidArgument/);
  });

  it("targets one operation with { operation }", async () => {
    mock.use(scenario.status("hitachi-vsp-one-object", 503, { operation: "GetCsrfToken" }));
    const first = await fetch("https://admin.region1.cluster1/mapi/v1/csrf");
    expect(first.status).toBe(503);
    await first.text();
    expect((await fetch("https://admin.region1.cluster1/mapi/v1/csrf")).status).toBe(200);
    // The facade's Hitachi CSRF-failure path is exercised over real HTTP in server.test.ts.
  });
});

describe("scenario.throttle", () => {
  it("ENS: 429 Throttling.User with x-acs-retry-after (ms)", async () => {
    mock.use(scenario.throttle("aliyun-ens", { retryAfterMs: 1500 }));
    const err = await failure(firstPage(ens()));
    expect([err.kind, err.code, err.status, err.retryAfterMs]).toEqual(["Throttled", "Throttling.User", 429, 1500]);
  });

  it("MPC 429 APIGW.0308, BOS 429, OSS 503 SlowDown and Hitachi 429 carry Retry-After (s)", async () => {
    mock.use(scenario.throttle("*", { retryAfterMs: 2000 }));
    const mpcErr = await failure(mpc().listBucketsPage({}));
    expect([mpcErr.kind, mpcErr.code, mpcErr.retryAfterMs]).toEqual(["Throttled", "APIGW.0308", 2000]);
    mock.use(scenario.throttle("*", { retryAfterMs: 2000, times: 3 }));
    expect((await failure(bos().getBucketAcl(bucket()))).retryAfterMs).toBe(2000);
    const ossErr = await failure(oss().getBucketAcl(bucket()));
    expect([ossErr.status, ossErr.code, ossErr.retryAfterMs]).toEqual([503, "SlowDown", 2000]);
    const hitErr = await failure(hitachi().listBucketsPage({ userId: 0 }));
    expect([hitErr.kind, hitErr.status]).toEqual(["Throttled", 429]);
  });
});

describe("scenario.status", () => {
  it.each([
    [500, "ServerError"],
    [502, "Unavailable"],
    [503, "Unavailable"],
  ] as const)("%i → %s on every provider", async (status, kind) => {
    mock.use(scenario.status("*", status, { times: 5 }));
    const errors = [
      await failure(firstPage(ens())),
      await failure(mpc().listBucketsPage({})),
      await failure(bos().getBucketAcl(bucket())),
      await failure(hitachi().listBucketsPage({ userId: 0 })),
      await failure(oss().getBucketAcl(bucket())),
    ];
    expect(errors.map((e) => [e.status, e.kind])).toEqual(errors.map(() => [status, kind]));
    if (status === 502) expect(mock.requests.every((c) => c.operationId === "GetCsrfToken" || c.response!.headers["content-type"] === "text/html")).toBe(true);
  });
});

describe("scenario.clockSkew", () => {
  it.each(["aliyun-oss", "aliyun-ens", "huaweicloud-mpc", "baidu-bos"] as const)("%s: skew error, the client learns the offset from Date and the retry succeeds", async (provider) => {
    mock.use(scenario.clockSkew(provider, 3_600_000, { always: true }));
    const call =
      provider === "aliyun-oss" ? oss(fastRetry).getBucketAcl(bucket())
      : provider === "baidu-bos" ? bos(fastRetry).getBucketAcl(bucket())
      : provider === "aliyun-ens" ? firstPage(ens(fastRetry))
      : mpc(fastRetry).listBucketsPage({});
    await expect(call).resolves.toBeDefined();
    const [first, second] = mock.requests;
    expect(first!.response!.status).toBeGreaterThanOrEqual(400);
    expect(second!.response!.status).toBe(200);
    expect(Date.parse(first!.response!.headers.date!) - Date.now()).toBeGreaterThan(3_500_000);
  });

  it("without retries the skew error surfaces as ClockSkew", async () => {
    mock.use(scenario.clockSkew("aliyun-oss", -3_600_000));
    const err = await failure(oss().getBucketAcl(bucket()));
    expect([err.kind, err.code]).toEqual(["ClockSkew", "RequestTimeTooSkewed"]);
    expect(() => scenario.clockSkew("hitachi-vsp-one-object")).toThrow(/Hitachi/);
  });
});

describe("scenario.latency", () => {
  it("delays the answer; a client timeout shorter than it fires", async () => {
    mock.use(scenario.latency("baidu-bos", 150, { times: 2 }));
    const start = performance.now();
    await bos().getBucketAcl(bucket());
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    const err = await failure(bos({ timeoutMs: 30 }).getBucketAcl(bucket()));
    expect(err.kind).toBe("Timeout");
  });
});

describe("scenario.body", () => {
  it.each(["truncated", "malformed", "invalid", "empty", "wrong-content-type"] as const)("%s → MalformedResponse (JSON and XML vendors)", async (fault) => {
    mock.use(scenario.body("*", fault, { times: 4 }));
    expect((await failure(firstPage(ens()))).kind).toBe("MalformedResponse");
    expect((await failure(oss().getBucketAcl(bucket()))).kind).toBe("MalformedResponse");
    expect((await failure(bos().getBucketAcl(bucket()))).kind).toBe("MalformedResponse");
    expect((await failure(mpc().listBucketsPage({}))).kind).toBe("MalformedResponse");
  });
});

describe("scenario.reset", () => {
  it("resets the connection: Network error; a retrying client recovers", async () => {
    mock.use(scenario.reset("aliyun-ens"));
    expect((await failure(firstPage(ens()))).kind).toBe("Network");
    expect(mock.requests[0]!.reset).toBe(true);
    mock.use(scenario.reset("aliyun-ens"));
    await expect(firstPage(ens(fastRetry))).resolves.toBeDefined();
  });
});
