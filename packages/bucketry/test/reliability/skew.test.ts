// Clock skew: on the vendor's skew error the client learns the offset from the server's Date once, signs
// later requests with it and retries; requests already in flight that fail the same way recover too
// (aws-sdk-js-v3 #8005), against the mock server whose clock is an hour ahead.
import { scenario } from "@bucketry/mocks";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBucketClient, RetryBudget, type Provider } from "../../src/index.js";
import type { RetryInfo } from "../../src/retry.js";
import { rejection, STUB_ENDPOINT, stubFetch, clientFor, VALID_BODY } from "./helpers.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 40, seed: 5 });
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

const SKEWED: readonly [Provider, string][] = [
  ["aliyun-oss", "RequestTimeTooSkewed"],
  ["huaweicloud-mpc", "APIGW.0303"],
  ["baidu-bos", "RequestExpired"],
  ["aliyun-ens", "InvalidTimeStamp.Expired"],
];

function call(client: ReturnType<typeof createBucketClient>, provider: Provider): Promise<unknown> {
  const c = client as never as { listBucketsPage(o?: object): Promise<unknown>; getBucketAcl(b: string): Promise<unknown> };
  return provider === "aliyun-oss" || provider === "baidu-bos" ? c.getBucketAcl(server.mock.state.buckets[2]!.name) : c.listBucketsPage({});
}

describe.each(SKEWED)("%s: server clock one hour ahead (%s)", (provider, code) => {
  it.each([-3_600_000, 3_600_000])("offset %i: 10 concurrent calls all succeed; later calls are signed right the first time", async (offset) => {
    server.mock.use(scenario.clockSkew(provider, offset, { always: true }));
    const retries: RetryInfo[] = [];
    const client = createBucketClient({ ...server.clientOptions[provider], retry: { onRetry: (i: RetryInfo) => retries.push(i) } } as never);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => call(client, provider)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    // Each in-flight call failed at most once, with the vendor's skew error, and retried at once.
    expect(retries.length).toBeLessThanOrEqual(10);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    for (const r of retries) expect(r).toMatchObject({ attempt: 1, delayMs: 0, error: { kind: "ClockSkew", code } });

    const before = server.mock.requests.length;
    for (let i = 0; i < 5; i++) await call(client, provider);
    expect(server.mock.requests.length - before).toBe(5); // no more skew errors: the offset was learned
    expect(retries.length).toBeLessThanOrEqual(10);
  });
});

describe.each(SKEWED)("%s: the clock's correction is not paid from the retry budget", (provider) => {
  it("12 concurrent calls against a budget worth 2 retries all succeed: each retries once after the offset is learned", async () => {
    server.mock.use(scenario.clockSkew(provider, 3_600_000, { always: true }));
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const client = createBucketClient({ ...server.clientOptions[provider], retryBudget: budget } as never);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => call(client, provider)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill("fulfilled"));
    expect(budget.stats()).toMatchObject({ available: 10, granted: 0, denied: 0 });
  });
});

describe("when correcting cannot help", () => {
  const skewBody = (date?: string) =>
    new Response(`<?xml version="1.0"?><Error><Code>RequestTimeTooSkewed</Code><Message>skewed</Message><RequestId>R</RequestId></Error>`, {
      status: 403,
      headers: { "content-type": "application/xml", ...(date ? { date } : {}) },
    });

  it("a server that answers every request with a skew error: only a retry with a clock corrected since is free; the rest are paid from the budget", async () => {
    // A fixed client clock on a whole second: every call reads the same offset from the same Date. On the wall
    // clock, a call made 2 s or more after the first (a loaded machine) would read a new offset, and be free.
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const serverTime = new Date(now + 3_600_000).toUTCString();
    const fetch = stubFetch(() => skewBody(serverTime));
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, clock: () => now, retry: { baseDelayMs: 0 }, retryBudget: budget });
    for (let i = 0; i < 5; i++) await rejection(client.getBucketAcl("example-bucket"));
    // Call 1: its retry is signed with the offset it learned (free). Calls 2 and 3 learn nothing new: their retries
    // take the budget's 10 tokens. Calls 4 and 5 are refused a retry.
    expect(fetch.requests).toHaveLength(8);
    expect(budget.stats()).toMatchObject({ granted: 2, denied: 2 });
  });

  it("no Date header: the skew error is returned, not retried blindly", async () => {
    const fetch = stubFetch(() => skewBody());
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, retry: { baseDelayMs: 0 } });
    const err = await rejection(client.getBucketAcl("example-bucket"));
    // Not retryable: the same request would fail the same way, whoever retries it; the message says what to change.
    expect(err).toMatchObject({ kind: "ClockSkew", attempts: 1, retryable: false });
    expect(err.message).toContain("clock skew, and no Date header to correct from: sync this machine's clock (NTP) or pass `clock`");
    expect(fetch.requests).toHaveLength(1);
  });

  it("skewed again after correcting: one correction per call, then the error", async () => {
    let shift = 0;
    const fetch = stubFetch(() => skewBody(new Date(Date.now() + (shift += 3_600_000)).toUTCString()));
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, retry: { baseDelayMs: 0, maxAttempts: 5 } });
    const err = await rejection(client.getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "ClockSkew", attempts: 2, retryable: false });
    expect(err.message).toContain("clock skew, still, after correcting from the server's Date");
    expect(fetch.requests).toHaveLength(2);
  });

  it("no retry left (retry: false): the call fails, and the offset it learned signs the next call right", async () => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const dates: string[] = [];
    const fetch = stubFetch((request, i) => {
      dates.push(request.headers.get("x-oss-date")!);
      return i === 0 ? skewBody(new Date(now + 7_200_000).toUTCString()) : new Response(VALID_BODY["aliyun-oss"].body, { headers: { "content-type": "application/xml" } });
    });
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, clock: () => now, retry: false });
    // Retryable: the clock is corrected, so the same call again succeeds.
    expect(await rejection(client.getBucketAcl("example-bucket"))).toMatchObject({ kind: "ClockSkew", attempts: 1, retryable: true });
    await client.getBucketAcl("example-bucket");
    expect(dates).toEqual(["20250601T120000Z", "20250601T140000Z"]);
  });

  it.each([
    ["the last date JavaScript represents", "Sat, 13 Sep 275760 00:00:00 GMT"],
    ["a day before it", "Fri, 12 Sep 275760 00:00:00 GMT"],
    ["the Unix epoch", "Thu, 01 Jan 1970 00:00:00 GMT"],
    ["the year 2200", "Wed, 01 Jan 2200 00:00:00 GMT"],
  ])("a Date no server keeps (%s) teaches nothing: the error is returned, and later calls are signed with the local clock", async (_, date) => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const dates: string[] = [];
    const fetch = stubFetch((request, i) => {
      dates.push(request.headers.get("x-oss-date")!);
      return i === 0 ? skewBody(date) : new Response(VALID_BODY["aliyun-oss"].body, { headers: { "content-type": "application/xml" } });
    });
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, clock: () => now, retry: { baseDelayMs: 0 } });
    expect(await rejection(client.getBucketAcl("example-bucket"))).toMatchObject({ kind: "ClockSkew", attempts: 1 });
    await expect(client.getBucketAcl("example-bucket")).resolves.toMatchObject({ acl: "public-read" });
    expect(dates).toEqual(["20250601T120000Z", "20250601T120000Z"]);
  });

  it("the first plausible year is taught: a server in 2000 is believed (a client clock far off is what skew recovery is for)", async () => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const dates: string[] = [];
    const fetch = stubFetch((request, i) => {
      dates.push(request.headers.get("x-oss-date")!);
      return i === 0 ? skewBody("Sat, 01 Jan 2000 00:00:00 GMT") : new Response(VALID_BODY["aliyun-oss"].body, { headers: { "content-type": "application/xml" } });
    });
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, clock: () => now, retry: { baseDelayMs: 0 } });
    await client.getBucketAcl("example-bucket");
    expect(dates).toEqual(["20250601T120000Z", "20000101T000000Z"]);
  });

  it("the learned offset signs the retry: x-oss-date moves by the server's offset", async () => {
    // A fixed client clock on a whole second (the Date header has no milliseconds): the move is exact.
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const dates: string[] = [];
    const fetch = stubFetch((request, i) => {
      dates.push(request.headers.get("x-oss-date")!);
      return i === 0 ? skewBody(new Date(now + 7_200_000).toUTCString()) : new Response(VALID_BODY["aliyun-oss"].body, { headers: { "content-type": "application/xml" } });
    });
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, clock: () => now });
    await client.getBucketAcl("example-bucket");
    const parse = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(9, 11), +d.slice(11, 13), +d.slice(13, 15));
    expect(parse(dates[0]!)).toBe(now);
    expect(parse(dates[1]!)).toBe(now + 7_200_000);
  });
});
