// The refreshing cache and the facade around it: cached until the margin before expiry, one refresh in flight
// for any number of concurrent calls, failures that keep still-valid credentials, the expired-token answer
// that refreshes once and retries once, and the load test (1 000 calls, 64 at a time, three expiries).
// Clocks are injected; nothing sleeps.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { fromCredentialsUri } from "../../src/credentials/alibaba/credentials-uri.js";
import { RefreshingCredentials, type RefreshOptions } from "../../src/credentials/refreshing-cache.js";
import { MAX_ANSWER_BYTES, parseExpiration } from "../../src/credentials/request.js";
import { sourceFailed, type CredentialProvider, type CredentialSourceError, type ResolvedCredentials } from "../../src/credentials/types.js";
import { BucketryError, createBucketClient } from "../../src/index.js";
import { REFUSED_URL, type Seen } from "../support/test-server.js";
import { fakeServer, json } from "./fakes.js";

const MIN = 60_000;

/** A source whose every resolve is counted and whose answers the test releases by hand. */
function manualSource(lifeMs: number, clock: () => number) {
  let calls = 0;
  const pending: ((fail?: boolean) => void)[] = [];
  const provider: CredentialProvider = {
    name: "manual",
    resolve: () =>
      new Promise<ResolvedCredentials>((resolve, reject) => {
        const n = ++calls;
        pending.push((fail) => (fail ? reject(sourceFailed("manual", "STS is down")) : resolve({ accessKeyId: `AK${n}`, accessKeySecret: `secret${n}`, securityToken: `token${n}`, expiration: clock() + lifeMs, source: "manual" })));
      }),
  };
  return { provider, calls: () => calls, release: (fail = false) => pending.shift()!(fail) };
}

/** A cache over a `manualSource` (credentials living `lifeMs`) that has served its first credentials, AK1. */
async function primedCache(clock: () => number, lifeMs = 60 * MIN, options: Omit<RefreshOptions, "clock"> = {}) {
  const src = manualSource(lifeMs, clock);
  const cache = new RefreshingCredentials(src.provider, { clock, ...options });
  const first = cache.get();
  src.release();
  await first;
  return { src, cache };
}

const PENDING = Symbol("pending");
/** What `p` settled to once every queued callback ran (a macrotask later), or PENDING: no clock involved. */
async function settledNow<T>(p: Promise<T>): Promise<T | typeof PENDING> {
  return Promise.race([p, new Promise<typeof PENDING>((resolve) => setImmediate(() => resolve(PENDING)))]);
}

describe("RefreshingCredentials", () => {
  it("100 concurrent callers share one resolve; fresh credentials are served from the cache", async () => {
    let now = 0;
    const src = manualSource(60 * MIN, () => now);
    const cache = new RefreshingCredentials(src.provider, { clock: () => now });
    const waiting = Array.from({ length: 100 }, () => cache.get());
    expect(src.calls()).toBe(1);
    src.release();
    const got = await Promise.all(waiting);
    expect(new Set(got.map((c) => c.accessKeyId))).toEqual(new Set(["AK1"]));
    now = 44 * MIN; // 16 minutes left: still fresh (margin 15 minutes)
    expect((await cache.get()).accessKeyId).toBe("AK1");
    expect(src.calls()).toBe(1);
  });

  it("refreshes once the 15-minute margin is reached, in the background: calls get the current credentials at once, one refresh for all", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now);
    now = 45 * MIN;
    // The refresh is pending (the test has not answered it): no call waits for it.
    const during = await Promise.all(Array.from({ length: 50 }, () => settledNow(cache.get())));
    expect(new Set(during.map((c) => (c === PENDING ? c : c.accessKeyId)))).toEqual(new Set(["AK1"]));
    expect(src.calls()).toBe(2);
    src.release();
    await settledNow(Promise.resolve()); // the refresh's answer lands
    expect((await cache.get()).accessKeyId).toBe("AK2");
    expect(src.calls()).toBe(2);
  });

  it("once the credentials expire, calls wait — also for a background refresh already in flight", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now);
    now = 50 * MIN;
    expect((await settledNow(cache.get())) as ResolvedCredentials).toMatchObject({ accessKeyId: "AK1" });
    now = 60 * MIN; // expired while that refresh is still pending
    const waiting = [cache.get(), cache.get()];
    expect(await settledNow(waiting[0]!)).toBe(PENDING);
    expect(src.calls()).toBe(2); // they joined it
    src.release();
    expect((await Promise.all(waiting)).map((c) => c.accessKeyId)).toEqual(["AK2", "AK2"]);
    // Expired with no refresh in flight: the call starts one and waits for it.
    now = 120 * MIN;
    const late = cache.get();
    expect(await settledNow(late)).toBe(PENDING);
    expect(src.calls()).toBe(3);
    src.release();
    expect((await late).accessKeyId).toBe("AK3");
  });

  it("a background refresh that fails does not surface: the current credentials stay, and it is tried again after retryFailedRefreshMs", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now, 60 * MIN, { retryFailedRefreshMs: 2_000 });
    now = 50 * MIN;
    expect((await cache.get()).accessKeyId).toBe("AK1");
    src.release(true);
    await settledNow(Promise.resolve());
    now += 1_999;
    expect((await cache.get()).accessKeyId).toBe("AK1");
    expect(src.calls()).toBe(2); // not asked again within retryFailedRefreshMs
    now += 1;
    expect((await cache.get()).accessKeyId).toBe("AK1");
    expect(src.calls()).toBe(3); // asked again, in the background
    src.release();
    await settledNow(Promise.resolve());
    expect((await cache.get()).accessKeyId).toBe("AK3"); // the source's third answer
  });

  it("a background refresh that fails after the credentials expired leaves no unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let now = 0;
      const { src, cache } = await primedCache(() => now);
      now = 50 * MIN;
      expect((await cache.get()).accessKeyId).toBe("AK1"); // starts the background refresh; nobody waits for it
      now = 61 * MIN;
      src.release(true); // it fails with nothing left to fall back on: a rejection no call awaits
      await new Promise<void>((resolve) => setImmediate(resolve)); // Node reports unhandled rejections by now
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      await expect(cache.get()).rejects.toThrow("STS is down"); // the next call gets the error (backoff)
      expect(src.calls()).toBe(2);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("after invalidate, calls wait for the background refresh instead of getting the refused credentials", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now);
    now = 50 * MIN;
    const attemptStartedAt = now;
    expect((await cache.get()).accessKeyId).toBe("AK1"); // the background refresh is in flight
    expect(cache.invalidate(attemptStartedAt)).toBe(true); // the server refused AK1 as expired
    const retry = cache.get();
    expect(await settledNow(retry)).toBe(PENDING);
    expect(src.calls()).toBe(2); // the same refresh
    src.release();
    expect((await retry).accessKeyId).toBe("AK2");
  });

  it("short-lived credentials refresh at half their life, not on every call", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now, 10 * MIN);
    now = 4 * MIN;
    expect((await cache.get()).accessKeyId).toBe("AK1");
    expect(src.calls()).toBe(1);
    now = 5 * MIN;
    expect((await cache.get()).accessKeyId).toBe("AK1"); // still valid: served while it refreshes
    expect(src.calls()).toBe(2);
    src.release();
    await settledNow(Promise.resolve());
    expect((await cache.get()).accessKeyId).toBe("AK2");
  });

  it("a failed refresh keeps still-valid credentials and tries again after 10 s; expired ones fail", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now);
    now = 50 * MIN;
    const during = cache.get();
    src.release(true);
    expect((await during).accessKeyId).toBe("AK1");
    now += 5_000;
    expect((await cache.get()).accessKeyId).toBe("AK1");
    expect(src.calls()).toBe(2); // within 10 s of the failure: no new attempt
    now = 61 * MIN;
    const late = cache.get();
    src.release(true);
    await expect(late).rejects.toThrow("STS is down");
  });

  it("a source that fails with nothing to fall back on is not asked again for 1 s, then 2, 4 … up to 30 s; a success resets it", async () => {
    let now = 0;
    const src = manualSource(60 * MIN, () => now);
    const cache = new RefreshingCredentials(src.provider, { clock: () => now });
    const fail = async () => {
      const p = cache.get();
      src.release(true);
      return p.then(() => undefined, (e: unknown) => e);
    };
    const first = await fail();
    expect(first).toMatchObject({ message: expect.stringContaining("STS is down") });
    // Within the window: the same error at once, the source not asked (however many calls).
    for (const t of [0, 500, 999]) {
      now = t;
      const again = await Promise.all(Array.from({ length: 20 }, () => cache.get().then(() => undefined, (e: unknown) => e)));
      expect(again.every((e) => e === first)).toBe(true);
      expect(cache.backoffMs()).toBe(1_000 - t);
    }
    expect(src.calls()).toBe(1);
    const waits: number[] = [];
    for (let n = 0; n < 7; n++) {
      now += cache.backoffMs();
      expect(cache.backoffMs()).toBe(0);
      await fail();
      waits.push(cache.backoffMs());
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(src.calls()).toBe(8);
    now += 29_999;
    await expect(cache.get()).rejects.toThrow("STS is down");
    expect(src.calls()).toBe(8);
    now += 1;
    const ok = cache.get();
    src.release();
    expect((await ok).accessKeyId).toBe("AK9");
    expect(cache.backoffMs()).toBe(0);
    // A failure after a success starts again at 1 s (once the credentials have expired: nothing to fall back on).
    now += 60 * MIN;
    await fail();
    expect(cache.backoffMs()).toBe(1_000);
  });

  it("invalidate drops the very first credentials even when the refused attempt fetched them itself", async () => {
    let now = 0;
    const src = manualSource(60 * MIN, () => now);
    const cache = new RefreshingCredentials(src.provider, { clock: () => now });
    const attemptStartedAt = now; // the attempt begins, then fetches: the cache's first credentials
    now = 5;
    const first = cache.get();
    src.release();
    expect((await first).accessKeyId).toBe("AK1");
    now = 10;
    expect(cache.invalidate(attemptStartedAt)).toBe(true); // refused as expired: AK1 is what it used
    const second = cache.get();
    expect(src.calls()).toBe(2);
    src.release();
    expect((await second).accessKeyId).toBe("AK2");
    // A second report about that same attempt (AK2 was fetched after it began, and AK1 existed): AK2 stays.
    expect(cache.invalidate(attemptStartedAt)).toBe(true);
    expect((await cache.get()).accessKeyId).toBe("AK2");
    expect(src.calls()).toBe(2);
  });

  it("invalidate drops credentials fetched before the refused attempt, not ones fetched after it", async () => {
    let now = 0;
    const { src, cache } = await primedCache(() => now);
    now = 1_000;
    expect(cache.invalidate(500)).toBe(true); // AK1 was fetched at 0, before the attempt at 500
    const second = cache.get();
    src.release();
    await second;
    now = 2_000;
    expect(cache.invalidate(500)).toBe(true); // a late report about AK1: AK2 (fetched at 1 000) stays
    expect((await cache.get()).accessKeyId).toBe("AK2");
    expect(src.calls()).toBe(2);
  });
});

describe("parseExpiration", () => {
  it("reads a timestamp without a zone as UTC (what the vendors send), whatever this machine's zone is", () => {
    const saved = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(new Date(2031, 0, 1).getTimezoneOffset()).toBe(480); // the zone change took effect
      expect(parseExpiration("2031-01-01T00:00:00")).toBe(Date.UTC(2031, 0, 1));
      expect(parseExpiration("2031-01-01T00:00:00.5")).toBe(Date.UTC(2031, 0, 1, 0, 0, 0, 500));
      expect(parseExpiration("2031-01-01T08:00:00+08:00")).toBe(Date.UTC(2031, 0, 1));
      expect(parseExpiration("tomorrow")).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Through the facade: an ECS-style source (credentials URI on loopback) feeding ENS calls to a fake ENS.

const ENS_PAGE = json({ RequestId: "R", BucketInfos: [{ BucketName: "b1" }], TotalCount: 1 });

async function credentialsServer(clock: () => number, lifeMs: number) {
  let issued = 0;
  const server = await fakeServer(() => {
    issued++;
    return json({ Code: "Success", AccessKeyId: `STS.gen${issued}`, AccessKeySecret: `secret-gen${issued}`, SecurityToken: `token-gen${issued}`, Expiration: new Date(clock() + lifeMs).toISOString().replace(/\.\d{3}Z$/, "Z") });
  }, 100);
  return { server, issued: () => issued };
}

const chainEnv = (uri: string) => ({ HOME: "/nonexistent-home", BUCKETRY_METADATA_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_URI: uri });

async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const ids = ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"].map((k) => [k, process.env[k]] as const);
  for (const [k] of ids) delete process.env[k];
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of [...Object.entries(saved), ...ids]) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("facade with a refreshing chain", () => {
  it("an InvalidSecurityToken.Expired answer refreshes the credentials once and retries the call once", async () => {
    let now = Date.UTC(2031, 0, 1);
    const creds = await credentialsServer(() => now, 60 * MIN);
    const seen: string[] = [];
    const ens = await fakeServer((req: Seen) => {
      const token = String(req.headers["x-acs-security-token"]);
      seen.push(token);
      if (token === "token-gen1") return json({ Code: "InvalidSecurityToken.Expired", Message: "Specified SecurityToken is expired.", RequestId: "R-exp" }, 400);
      return ENS_PAGE;
    });
    await withEnv(chainEnv(`${creds.server.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false });
      const page = await client.listBucketsPage();
      expect(page.buckets.map((b) => b.name)).toEqual(["b1"]);
    });
    expect(seen).toEqual(["token-gen1", "token-gen2"]);
    expect(creds.issued()).toBe(2);
  });

  it("a second expired answer in the same call is the caller's error (one refresh, one retry)", async () => {
    let now = Date.UTC(2031, 0, 1);
    const creds = await credentialsServer(() => now, 60 * MIN);
    const ens = await fakeServer(() => json({ Code: "InvalidSecurityToken.Expired", Message: "expired", RequestId: "R-exp" }, 400));
    await withEnv(chainEnv(`${creds.server.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: { baseDelayMs: 1 } });
      const err = await client.listBucketsPage().then(() => undefined, (e: BucketryError) => e);
      expect(err?.kind).toBe("InvalidCredentials");
      expect(err?.code).toBe("InvalidSecurityToken.Expired");
      for (const secret of ["secret-gen1", "secret-gen2", "token-gen1", "token-gen2"]) expect(JSON.stringify(err) + err!.message).not.toContain(secret);
    });
    expect(ens.requests).toHaveLength(2);
    expect(creds.issued()).toBe(2);
  });

  it("a source that refuses is InvalidCredentials naming the source, without a secret", async () => {
    const down = await fakeServer(() => ({ status: 403, body: "AccessKeySecret=leaked-from-body" }));
    await withEnv(chainEnv(`${down.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "http://127.0.0.1:9", retry: false });
      const err = await client.getBucketAcl("examplebucket").then(() => undefined, (e: BucketryError) => e);
      expect(err).toMatchObject({ kind: "InvalidCredentials", retryable: false });
      expect(err?.message).toContain("credentials-uri: answered HTTP 403");
      expect(err?.message).not.toContain("leaked-from-body");
    });
  });

  it("a source that fails in a way that may pass (5xx, 429, no connection) is retryable, and the retry gets credentials", async () => {
    let now = Date.UTC(2031, 0, 1);
    let answers = 0;
    const flaky = await fakeServer(() => {
      answers++;
      if (answers === 1) return { status: 503, body: "AccessKeySecret=leaked-from-body" };
      return json({ Code: "Success", AccessKeyId: "STS.ok", AccessKeySecret: "secret-ok", SecurityToken: "token-ok", Expiration: new Date(now + 60 * MIN).toISOString() });
    });
    const ens = await fakeServer(() => ENS_PAGE);
    await withEnv(chainEnv(`${flaky.url}/creds`), async () => {
      const failed = await createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false })
        .listBucketsPage()
        .then(() => undefined, (e: BucketryError) => e);
      expect(failed).toMatchObject({ kind: "Unavailable", retryable: true });
      expect(failed?.message).toContain("credentials-uri: answered HTTP 503");
      answers = 0;
      const kinds: string[] = [];
      // The failed source is asked again 1 s later (the error's retryAfterMs): the clock is moved by it, and the
      // backoff's (fake) timer fired, no sleep. The wait is not cut short: a retry before it meets the cached failure.
      const onRetry = (i: { error: BucketryError }) => {
        kinds.push(i.error.kind);
        expect(i.error.retryAfterMs).toBe(1_000);
        now += i.error.retryAfterMs!;
        queueMicrotask(() => vi.advanceTimersByTime(1_000)); // once the backoff's timer is set
      };
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: { onRetry } });
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      try {
        expect((await client.listBucketsPage()).buckets.map((b) => b.name)).toEqual(["b1"]);
      } finally {
        vi.useRealTimers();
      }
      expect(kinds).toEqual(["Unavailable"]);
      expect(answers).toBe(2);
    });
    // Connection refused, a network error.
    await withEnv(chainEnv(`${REFUSED_URL}/creds`), async () => {
      const err = await createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false })
        .listBucketsPage()
        .then(() => undefined, (e: BucketryError) => e);
      expect(err).toMatchObject({ kind: "Network", retryable: true });
    });
    expect(ens.requests).toHaveLength(1);
  });

  it("a source cut off mid-body (a reset connection, a stalled body) failed in a way that may pass: retryable Network/Timeout, not InvalidCredentials", async () => {
    // Headers and half a JSON body, then the connection is reset — or nothing more is sent.
    const cut = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
      res.write('{"Code":"Success","AccessKeyId":"STS.cut","AccessKeySecret":"');
      if (req.url === "/reset") setImmediate(() => res.socket?.resetAndDestroy());
    });
    await new Promise<void>((ready) => cut.listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(cut.address() as AddressInfo).port}`;
    try {
      const reset = await fromCredentialsUri({ uri: `${base}/reset` }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
      expect(reset).toMatchObject({ configured: true, transient: "Network", message: `GET ${base}/reset: the connection broke while the response body was read` });
      // The stalled body never arrives: the outcome does not depend on how long the deadline is.
      const stalled = await fromCredentialsUri({ uri: `${base}/stall`, stsTimeoutMs: 200 }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
      expect(stalled).toMatchObject({ configured: true, transient: "Timeout", message: `GET ${base}/stall: the response body did not arrive within 200 ms` });
      // Through the facade: the kind of a failure that may pass, retryable.
      await withEnv(chainEnv(`${base}/reset`), async () => {
        const err = await createBucketClient({ provider: "aliyun-ens", endpoint: "http://127.0.0.1:9", retry: false })
          .listBucketsPage()
          .then(() => undefined, (e: BucketryError) => e);
        expect(err).toMatchObject({ kind: "Network", retryable: true });
      });
    } finally {
      cut.closeAllConnections();
      await new Promise((closed) => cut.close(closed));
    }
  });

  it("an answer that never ends is read up to MAX_ANSWER_BYTES, then the connection is closed: a non-retryable error saying so", async () => {
    // Streams 16 KiB chunks for as long as the connection is open; `closed` settles when the client closed it.
    let closed!: Promise<void>;
    const endless = createServer((req, res) => {
      closed = new Promise((resolve) => res.on("close", () => resolve()));
      res.writeHead(req.url === "/error" ? 503 : 200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, " ");
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on("drain", pump);
      res.write("{");
      pump();
    });
    await new Promise<void>((ready) => endless.listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(endless.address() as AddressInfo).port}`;
    try {
      expect(MAX_ANSWER_BYTES).toBe(65_536);
      const err = await fromCredentialsUri({ uri: `${base}/creds` }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
      expect(err).toMatchObject({ configured: true, transient: undefined, message: `GET ${base}/creds: the answer is larger than 65536 bytes, which no credentials answer is: is this the right URL?` });
      await closed; // reading stopped: the connection was closed, not drained
      // An error status is still reported as it is, with its kind: the large body is only not read.
      const unavailable = await fromCredentialsUri({ uri: `${base}/error` }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
      expect(unavailable).toMatchObject({ configured: true, transient: "Unavailable", message: "answered HTTP 503" });
      await closed;
      // Through the facade: InvalidCredentials, not retried.
      await withEnv(chainEnv(`${base}/creds`), async () => {
        const failed = await createBucketClient({ provider: "aliyun-ens", endpoint: "http://127.0.0.1:9", retry: { baseDelayMs: 1 } })
          .listBucketsPage()
          .then(() => undefined, (e: BucketryError) => e);
        expect(failed).toMatchObject({ kind: "InvalidCredentials", retryable: false, attempts: 1 });
        expect(failed?.message).toContain(`credentials-uri: GET ${base}/creds: the answer is larger than 65536 bytes`);
      });
      await closed;
    } finally {
      endless.closeAllConnections();
      await new Promise((done) => endless.close(done));
    }
  });

  it("a credentials URI that fails is asked once per backoff window, not once per call; its error says when it is asked again", async () => {
    let now = Date.UTC(2031, 0, 1);
    let answers = 0;
    const down = await fakeServer(() => {
      answers++;
      return { status: 503, body: "down" };
    });
    const ens = await fakeServer(() => ENS_PAGE);
    await withEnv(chainEnv(`${down.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false });
      const call = () => client.listBucketsPage().then(() => undefined, (e: BucketryError) => e);
      const first = await call();
      expect(first).toMatchObject({ kind: "Unavailable", retryable: true, retryAfterMs: 1_000 });
      const burst = await Promise.all(Array.from({ length: 50 }, call));
      for (const err of burst) expect(err).toMatchObject({ kind: "Unavailable", retryable: true, message: first!.message, retryAfterMs: 1_000 });
      expect(answers).toBe(1);
      now += 1_000;
      expect(await call()).toMatchObject({ kind: "Unavailable", retryAfterMs: 2_000 });
      expect(answers).toBe(2);
    });
    expect(ens.requests).toHaveLength(0);
  });

  it("a call aborted while the credential refresh is in flight ends at once; the refresh is shared, so it runs on and the next call uses its result", async () => {
    // Decided on purpose: the refresh is not cancelled with the call that started it. Other calls (and this call's
    // retry after a per-attempt timeout) wait for the same refresh, and a source slower than the timeout would
    // otherwise be started again by each attempt and never finish. It is bounded by the source's own timeouts.
    const held: ((body: string) => void)[] = [];
    let received!: () => void;
    const arrived = new Promise<void>((r) => (received = r));
    const uri = createServer((_req, res) => {
      held.push((body) => res.writeHead(200, { "content-type": "application/json" }).end(body));
      received();
    });
    await new Promise<void>((ready) => uri.listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(uri.address() as AddressInfo).port}`;
    const ens = await fakeServer(() => ENS_PAGE);
    try {
      await withEnv(chainEnv(`${base}/creds`), async () => {
        const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, retry: false });
        const controller = new AbortController();
        const first = client.listBucketsPage({ signal: controller.signal }).then(() => undefined, (e: BucketryError) => e);
        await arrived;
        controller.abort();
        expect(await first).toMatchObject({ kind: "Aborted" });
        expect(ens.requests).toHaveLength(0);
        // The abandoned refresh completes; the next call is signed with its result, the source is not asked again.
        held.shift()!(JSON.stringify({ Code: "Success", AccessKeyId: "STS.held", AccessKeySecret: "held-secret", SecurityToken: "held-token", Expiration: "2099-01-01T00:00:00Z" }));
        expect((await client.listBucketsPage()).buckets.map((b) => b.name)).toEqual(["b1"]);
        expect(held).toHaveLength(0);
        expect(ens.requests[0]?.headers["x-acs-security-token"]).toBe("held-token");
      });
    } finally {
      uri.closeAllConnections();
      await new Promise((closed) => uri.close(closed));
    }
  });

  it("credentials the source gives already expired are refused, not signed with", async () => {
    const now = Date.UTC(2031, 0, 1);
    const stale = await fakeServer(() => json({ Code: "Success", AccessKeyId: "STS.old", AccessKeySecret: "secret-old", SecurityToken: "token-old", Expiration: "2001-01-01T00:00:00Z" }));
    const ens = await fakeServer(() => ENS_PAGE);
    await withEnv(chainEnv(`${stale.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false });
      const err = await client.listBucketsPage().then(() => undefined, (e: BucketryError) => e);
      expect(err).toMatchObject({ kind: "InvalidCredentials", retryable: false });
      expect(err?.message).toContain("gave credentials that expired at 2001-01-01T00:00:00.000Z (is this machine's clock right?)");
      for (const secret of ["secret-old", "token-old"]) expect(JSON.stringify(err) + err!.message).not.toContain(secret);
    });
    expect(ens.requests).toHaveLength(0);
  });

  it("a source value with a trailing newline is the source's error, saying to trim it (and never quoting it)", async () => {
    const bad = await fakeServer(() => json({ Code: "Success", AccessKeyId: "STS.x", AccessKeySecret: "secret-nl\n", SecurityToken: "token-x", Expiration: "2031-01-01T01:00:00Z" }));
    const ens = await fakeServer(() => ENS_PAGE);
    await withEnv(chainEnv(`${bad.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => Date.UTC(2031, 0, 1), retry: false });
      const err = await client.listBucketsPage().then(() => undefined, (e: BucketryError) => e);
      expect(err).toMatchObject({ kind: "InvalidCredentials" });
      expect(err?.message).toContain("credentials-uri: its accessKeySecret has leading or trailing whitespace (a newline from a file?): trim it");
      expect(err?.message).not.toContain("secret-nl");
    });
    expect(ens.requests).toHaveLength(0);
  });

  it("a source value no HTTP header can carry is the source's error, not cached: asked for again once its backoff passed", async () => {
    let issued = 0;
    const bad = await fakeServer(() => {
      issued++;
      return json({ Code: "Success", AccessKeyId: "STS.x", AccessKeySecret: "secret with space", SecurityToken: "token-x", Expiration: "2031-01-01T01:00:00Z" });
    });
    const ens = await fakeServer(() => ENS_PAGE);
    let now = Date.UTC(2031, 0, 1);
    await withEnv(chainEnv(`${bad.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false });
      for (let call = 0; call < 2; call++, now += 1_000) {
        const err = await client.listBucketsPage().then(() => undefined, (e: BucketryError) => e);
        expect(err).toMatchObject({ kind: "InvalidCredentials" });
        expect(err?.message).toContain("credentials-uri: its accessKeySecret contains a character that cannot be sent in an HTTP header");
        expect(err?.message).not.toContain("secret with space");
      }
    });
    expect(issued).toBe(2);
    expect(ens.requests).toHaveLength(0);
  });

  it("temporary credentials without a readable Expiration are dropped when refused as expired, not kept for good", async () => {
    let issued = 0;
    const noExpiry = await fakeServer(() => {
      issued++;
      return json({ Code: "Success", AccessKeyId: `STS.gen${issued}`, AccessKeySecret: `secret-gen${issued}`, SecurityToken: `token-gen${issued}`, Expiration: "tomorrow" });
    });
    const ens = await fakeServer((req: Seen) =>
      req.headers["x-acs-security-token"] === "token-gen1" ? json({ Code: "InvalidSecurityToken.Expired", Message: "expired", RequestId: "R" }, 400) : ENS_PAGE,
    );
    const now = Date.UTC(2031, 0, 1);
    await withEnv(chainEnv(`${noExpiry.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false });
      expect((await client.listBucketsPage()).buckets.map((b) => b.name)).toEqual(["b1"]);
    });
    expect(ens.requests.map((r) => r.headers["x-acs-security-token"])).toEqual(["token-gen1", "token-gen2"]);
    expect(issued).toBe(2);
  });

  it("load: 1 000 calls at 64 concurrency across three credential expiries → one refresh per expiry, no failure", async () => {
    const LIFE = 60 * MIN;
    let now = Date.UTC(2031, 0, 1);
    const creds = await credentialsServer(() => now, LIFE);
    const ens = await fakeServer((req: Seen) => {
      // A token that has expired by the (injected) clock is refused as the vendor would.
      const gen = Number(/token-gen(\d+)/.exec(String(req.headers["x-acs-security-token"]))?.[1]);
      if (!(gen >= 1)) return { status: 400, body: "no token" };
      return ENS_PAGE;
    }, 2_000);
    const errors: string[] = [];
    await withEnv(chainEnv(`${creds.server.url}/creds`), async () => {
      const client = createBucketClient({ provider: "aliyun-ens", endpoint: ens.url, clock: () => now, retry: false });
      let started = 0;
      const worker = async () => {
        while (started < 1_000) {
          const n = started++;
          // Three expiries: at calls 250, 500 and 750 the clock jumps past the credentials' refresh point.
          if (n === 250 || n === 500 || n === 750) now += LIFE;
          try {
            await client.listBucketsPage();
          } catch (err) {
            errors.push(err instanceof Error ? err.message : String(err));
          }
        }
      };
      await Promise.all(Array.from({ length: 64 }, worker));
    });
    expect(errors).toEqual([]);
    expect(ens.requests).toHaveLength(1_000);
    expect(creds.issued()).toBe(4); // the first resolve + one refresh per expiry
    const tokens = new Set(ens.requests.map((r) => r.headers["x-acs-security-token"]));
    expect(tokens).toEqual(new Set(["token-gen1", "token-gen2", "token-gen3", "token-gen4"]));
  });
});
