// Every scenario kind of @bucketry/mocks, through the facade (bucketry) as a real caller would meet it. What
// the mock puts on the wire for each scenario is tested in packages/mocks/test/scenarios.test.ts.
import { createMock, createMockState, scenario, testAccount, testCredentials } from "@bucketry/mocks";
import { createBucketClient } from "bucketry";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { failure } from "./harness.js";

const mock = createMock({ state: createMockState({ buckets: 120, seed: 42 }) });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.reset());
afterAll(() => server.close());
const noRetry = { retry: false as const };
const fastRetry = { retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 } };

const ens = (extra = {}) => createBucketClient({ provider: "aliyun-ens", credentials: testCredentials["aliyun-ens"], ...noRetry, ...extra });
const oss = (extra = {}) => createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: testCredentials["aliyun-oss"], ...noRetry, ...extra });
const bos = (extra = {}) => createBucketClient({ provider: "baidu-bos", credentials: testCredentials["baidu-bos"], ...noRetry, ...extra });
const mpc = (extra = {}) =>
  createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: testAccount.mpcProjectId, credentials: testCredentials["huaweicloud-mpc"], ...noRetry, ...extra });
const hitachi = (extra = {}) =>
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://admin.region1.cluster1/mapi", credentials: testCredentials["hitachi-vsp-one-object"], ...noRetry, ...extra });

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
  afterEach(() => vi.useRealTimers());

  /** Resolves once the mock holds `n` calls, each delayed by the scenario (checked between turns of the event loop, not on a timer). */
  async function held(n: number): Promise<void> {
    while (!(mock.requests.length >= n && mock.requests.slice(0, n).every((c) => c.scenarios.length > 0))) await new Promise((r) => setImmediate(r));
  }

  it("delays the answer; a client timeout shorter than it fires", async () => {
    // The mock's delay and the client's attempt timeout run on one fake clock, moved only once the mock holds the
    // request: which comes first does not depend on how fast the machine is.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    mock.use(scenario.latency("baidu-bos", 150, { times: 2 }));
    const answered = bos().getBucketAcl(bucket());
    await held(1);
    await vi.advanceTimersByTimeAsync(150);
    await expect(answered).resolves.toBeDefined();
    const timedOut = failure(bos({ timeoutMs: 30 }).getBucketAcl(bucket()));
    await held(2);
    await vi.advanceTimersByTimeAsync(30);
    const err = await timedOut;
    expect(err.kind).toBe("Timeout");
    expect(err.message).toMatch(/no response within 30 ms/); // sent, and not answered while the mock held it
    expect(mock.requests.map((c) => c.scenarios)).toEqual([["latency(150ms) @ baidu-bos"], ["latency(150ms) @ baidu-bos"]]);
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
