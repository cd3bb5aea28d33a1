// Timeouts and cancellation: the per-attempt timeout, the total deadline, the caller's AbortSignal (in flight
// and during a backoff wait), and that nothing — timer, socket, listener — outlives a call: a child process
// running every kind of call against a mock server leaves nothing alive once the last one settles.
//
// Nothing here depends on how fast the machine is: where a test times a deadline or an attempt timeout, they
// run on a fake clock that moves only once the stub has seen the request; aborts fire on an event (the
// request arrived, the backoff began), never after a guessed delay; elsewhere a call's outcome (its kind,
// message, attempt count), not its duration, shows which limit ended it.
import { spawn } from "node:child_process";
import { getEventListeners } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Provider } from "../../src/index.js";
import type { RetryInfo } from "../../src/retry.js";
import { withNetworkGuard } from "../../../../test/support/guarded-child.js";
import { silentServer } from "../../../../test/support/silent-server.js";
import { callOnce, clientFor, hangingFetch, PROVIDERS, rawServer, rejection, STUB_ENDPOINT, stubFetch, VALID_BODY, within, type Raw } from "./helpers.js";

let raw: Raw | undefined;
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await raw?.close();
  raw = undefined;
  for (const s of servers.splice(0)) await s.close();
});

/** Only the timers the call's deadline, attempt timeout and backoff use; I/O and the event loop stay real. */
const fakeClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });

/** Whether `promise` has settled yet, without awaiting it. */
function track<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { promise, settled: () => settled };
}

/** A server that never answers the API call (Hitachi's CSRF GET is answered). */
const hang = () =>
  rawServer((req, res) => {
    if (req.url?.endsWith("/v1/csrf")) {
      res.writeHead(200, { "set-cookie": "XSRF-TOKEN=x; Path=/" });
      res.end();
    }
  });
const endpoint = (provider: Provider, url: string) => (provider === "hitachi-vsp-one-object" ? `${url}/mapi` : url);
/** Requests the hanging server sees up to the API call: Hitachi's CSRF GET comes first. */
const upToApiCall = (provider: Provider) => (provider === "hitachi-vsp-one-object" ? 2 : 1);

describe("deadlineMs: the whole call, retries and waits included", () => {
  it.each(PROVIDERS)("%s: a hanging call fails at the deadline, not after attempts × timeoutMs", async (provider) => {
    fakeClock();
    const fetch = hangingFetch();
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, timeoutMs: 10_000, deadlineMs: 150 });
    const call = track(callOnce(client, provider));
    await fetch.arrived(1);
    await vi.advanceTimersByTimeAsync(149);
    expect(call.settled(), "settled before the deadline").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.settled(), "settled at the deadline").toBe(true);
    const err = await rejection(call.promise);
    expect(err).toMatchObject({ kind: "Timeout", retryable: false, attempts: 1 });
    expect(err.message).toMatch(/deadline of 150 ms exceeded after 1 attempt\b/);
    expect(fetch.requests).toHaveLength(1);
  });

  it("attempt timeouts are retried until the deadline", async () => {
    fakeClock();
    const fetch = hangingFetch();
    // No backoff (baseDelayMs 0): attempt n runs from 60(n-1) to 60n ms, so 16 time out and the 1 000 ms
    // deadline ends the 17th, 40 ms in.
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, timeoutMs: 60, deadlineMs: 1_000, retry: { maxAttempts: 100, baseDelayMs: 0 } });
    const call = track(callOnce(client, "aliyun-ens"));
    for (let n = 1; n <= 17; n++) {
      expect(call.settled(), `settled after ${n - 1} attempts`).toBe(false);
      await fetch.arrived(n); // attempt n has sent its request; its 60 ms run from now
      await vi.advanceTimersByTimeAsync(n <= 16 ? 60 : 39);
    }
    expect(call.settled(), "settled before the deadline").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.settled(), "settled at the deadline").toBe(true);
    const err = await rejection(call.promise);
    expect(err).toMatchObject({ kind: "Timeout", attempts: 17 });
    expect(err.message).toMatch(/deadline of 1000 ms exceeded after 17 attempts/);
    // One request per attempt, none sent twice.
    expect(fetch.requests).toHaveLength(17);
  });

  it("a retry whose wait would end past the deadline is not attempted: the last error, at once", async () => {
    fakeClock(); // the clock never moves: a call that waited (for the Retry-After or the deadline) would not settle
    const fetch = stubFetch(() => new Response(JSON.stringify({ Code: "Throttling.User" }), { status: 429, headers: { "retry-after": "10", "content-type": "application/json" } }));
    const retries: RetryInfo[] = [];
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, deadlineMs: 2_000, retry: { onRetry: (info: RetryInfo) => retries.push(info) } });
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
    expect(err).toMatchObject({ kind: "Throttled", attempts: 1 });
    expect(err.message).toMatch(/not retried: a 10000 ms wait the server asked for would pass the call's deadline \(2000 ms left\)/);
    expect(retries).toEqual([]);
    expect(fetch.requests).toHaveLength(1);
  });

  it("a Retry-After longer than what the deadline leaves fails at once with the server's hint, even when maxDelayMs would cap the wait inside it", async () => {
    fakeClock(); // the clock never moves: a call that slept (the capped 20 s, or the deadline) would not settle
    const fetch = stubFetch(() => new Response(JSON.stringify({ error_code: "APIGW.0308", error_msg: "throttled" }), { status: 429, headers: { "retry-after": "30", "content-type": "application/json" } }));
    const retries: RetryInfo[] = [];
    // maxDelayMs (default 20 s) would retry 20 s in — 10 s before the server allows — inside the 25 s deadline.
    const client = clientFor("huaweicloud-mpc", STUB_ENDPOINT["huaweicloud-mpc"], { fetch, deadlineMs: 25_000, retry: { onRetry: (info: RetryInfo) => retries.push(info) } });
    const err = await within(rejection(callOnce(client, "huaweicloud-mpc")), 10_000);
    expect(err).toMatchObject({ kind: "Throttled", code: "APIGW.0308", status: 429, retryable: true, retryAfterMs: 30_000, attempts: 1 });
    expect(err.message).toMatch(/not retried: a 30000 ms wait the server asked for would pass the call's deadline \(25000 ms left\)/);
    expect(retries).toEqual([]);
    expect(fetch.requests).toHaveLength(1);
  });

  it("setting the wall clock forward during a call does not cut its retries short: the deadline is on a monotonic clock", async () => {
    fakeClock();
    const fetch = stubFetch((_, index) => {
      // The first attempt's answer comes as the wall clock jumps an hour ahead (an NTP step, a resumed laptop).
      if (index > 0) return new Response(VALID_BODY["aliyun-ens"].body, { status: 200, headers: { "content-type": VALID_BODY["aliyun-ens"].type } });
      vi.setSystemTime(Date.now() + 3_600_000);
      return new Response(JSON.stringify({ Code: "Throttling.User" }), { status: 429, headers: { "retry-after": "1", "content-type": "application/json" } });
    });
    let backoffBegan!: () => void;
    const backoff = new Promise<void>((resolve) => (backoffBegan = resolve));
    const retries: RetryInfo[] = [];
    const onRetry = (info: RetryInfo) => {
      retries.push(info);
      backoffBegan();
    };
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, deadlineMs: 10_000, retry: { onRetry } });
    const call = callOnce(client, "aliyun-ens");
    await within(Promise.race([backoff, call]), 10_000); // a wall-clock deadline fails the call here, with the 429
    await vi.advanceTimersByTimeAsync(1_000);
    await call;
    expect(retries).toMatchObject([{ attempt: 1, delayMs: 1_000, error: { kind: "Throttled" } }]);
    expect(fetch.requests).toHaveLength(2);
  });

  it("the per-call deadline overrides the client's; 0 turns it off", async () => {
    fakeClock();
    raw = await hang();
    const client = clientFor("baidu-bos", raw.url, { deadlineMs: 10_000, timeoutMs: 10_000 });
    const call = track(rejection(client.getBucketAcl("example-bucket", { deadlineMs: 80 })));
    await raw.arrived(1);
    await vi.advanceTimersByTimeAsync(79);
    expect(call.settled(), "settled before the call's deadline").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.settled(), "settled at the call's deadline").toBe(true);
    const err = await call.promise;
    expect(err).toMatchObject({ kind: "Timeout", attempts: 1 });
    expect(err.message).toMatch(/deadline of 80 ms exceeded/); // not the client's 10 000 ms deadline or timeout
    // The request reaches the server before the clock moves: its attempt timeout is "no response", never "not sent".
    const off = clientFor("baidu-bos", raw.url, { deadlineMs: 50, timeoutMs: 200, retry: false });
    const offCall = track(rejection(off.getBucketAcl("example-bucket", { deadlineMs: 0 })));
    await raw.arrived(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(offCall.settled(), "settled before the attempt timeout (the client's 50 ms deadline is off)").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const offErr = await within(offCall.promise, 10_000);
    expect(offErr.message).toMatch(/no response within 200 ms/); // the attempt timeout, not the deadline
  });
});

describe("AbortSignal", () => {
  it.each(PROVIDERS)("%s: abort in flight → Aborted, at once", async (provider) => {
    raw = await hang();
    // Nothing else can end the call: no answer comes, and the attempt timeout is far away.
    const client = clientFor(provider, endpoint(provider, raw.url), { timeoutMs: 60_000 });
    const controller = new AbortController();
    const call = callOnce(client, provider, { signal: controller.signal });
    await raw.arrived(upToApiCall(provider)); // the request is at the server, waiting for an answer
    controller.abort();
    const err = await within(rejection(call), 10_000);
    expect(err).toMatchObject({ kind: "Aborted", retryable: false, attempts: 1 });
  });

  it("abort during a backoff wait → Aborted, without waiting it out", async () => {
    const fetch = stubFetch(() => new Response("{}", { status: 503, headers: { "retry-after": "15" } }));
    const controller = new AbortController();
    const retries: RetryInfo[] = [];
    // onRetry runs just before the wait starts; the abort comes once the wait has begun.
    const onRetry = (info: RetryInfo) => {
      retries.push(info);
      queueMicrotask(() => controller.abort());
    };
    const client = clientFor("huaweicloud-mpc", STUB_ENDPOINT["huaweicloud-mpc"], { fetch, retry: { onRetry } });
    const err = await within(rejection(client.listBucketsPage({ signal: controller.signal })), 10_000);
    expect(retries.map((r) => r.delayMs)).toEqual([15_000]);
    expect(err).toMatchObject({ kind: "Aborted", attempts: 1 });
    expect(fetch.requests).toHaveLength(1);
  });

  it("during a backoff wait: the last attempt's error is the cause, in the message and by its fields; the reason by its name only", async () => {
    const fetch = stubFetch(() => new Response(JSON.stringify({ error_code: "MPC.0503", error_msg: "busy" }), { status: 503, headers: { "retry-after": "15", "x-request-id": "req-9" } }));
    const controller = new AbortController();
    const reason = new Error("user pressed cancel"); // the caller's text may hold anything: not repeated
    const onRetry = () => queueMicrotask(() => controller.abort(reason));
    const client = clientFor("huaweicloud-mpc", STUB_ENDPOINT["huaweicloud-mpc"], { fetch, retry: { onRetry } });
    const err = await within(rejection(client.listBucketsPage({ signal: controller.signal })), 10_000);
    expect(err).toMatchObject({ kind: "Aborted", retryable: false, attempts: 1, status: 503, code: "MPC.0503", requestId: "req-9" });
    expect(err.cause).toMatchObject({ kind: "Unavailable", status: 503, code: "MPC.0503", retryAfterMs: 15_000 });
    expect(err.message).toBe("huaweicloud-mpc: call aborted by the caller (Error) (last error: huaweicloud-mpc answered HTTP 503 (MPC.0503: busy) [request id req-9])");
  });

  it("in flight: a cancel and the caller's own timeout are told apart; the error met by the attempt before is kept", async () => {
    const fetch = hangingFetch();
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, timeoutMs: 60_000 });
    const timedOut = new AbortController();
    const timeout = new DOMException("signal timed out", "TimeoutError"); // what AbortSignal.timeout() aborts with
    const first = callOnce(client, "aliyun-oss", { signal: timedOut.signal });
    await fetch.arrived(1);
    timedOut.abort(timeout);
    const err = await within(rejection(first), 10_000);
    expect(err).toMatchObject({ kind: "Aborted", attempts: 1, message: "aliyun-oss: call aborted by the caller (TimeoutError)" });
    expect(err.cause).toBeUndefined(); // no attempt met an error of its own

    // Attempt 1 meets a 500; attempt 2 hangs until the caller cancels it.
    let n = 0;
    const arrived = hangingFetch();
    const flaky = async (request: Request) => (n++ === 0 ? new Response("<Error><Code>InternalError</Code></Error>", { status: 500 }) : arrived(request));
    const client2 = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch: flaky, timeoutMs: 60_000, retry: { baseDelayMs: 0 } });
    const cancel = new AbortController();
    const second = callOnce(client2, "aliyun-oss", { signal: cancel.signal });
    await arrived.arrived(1);
    cancel.abort();
    const err2 = await within(rejection(second), 10_000);
    expect(err2).toMatchObject({ kind: "Aborted", attempts: 2, status: 500, code: "InternalError" });
    expect(err2.message).toBe("aliyun-oss: call aborted by the caller (AbortError) (last error: aliyun-oss answered HTTP 500 (InternalError))");
    expect(err2.cause).toMatchObject({ kind: "ServerError", status: 500, attempts: 1 });
  });

  it("an already aborted signal: no request at all", async () => {
    const fetch = stubFetch(() => new Response(VALID_BODY["baidu-bos"].body));
    const client = clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch });
    const err = await rejection(client.getBucketAcl("example-bucket", { signal: AbortSignal.abort() }));
    expect(err.kind).toBe("Aborted");
    expect(fetch.requests).toHaveLength(0);
  });

  it("a signal shared by many calls keeps no listener once they settle (success, failure, retry)", async () => {
    const signal = new AbortController().signal;
    let n = 0;
    const fetch = stubFetch(() => (n++ % 3 === 0 ? new Response("{}", { status: 503 }) : new Response(VALID_BODY["baidu-bos"].body)));
    const client = clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retry: { baseDelayMs: 0 } });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      await Promise.allSettled(Array.from({ length: 50 }, () => client.getBucketAcl("example-bucket", { signal })));
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off("warning", onWarning);
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  });

  it("2,000 calls in flight on one signal hold one listener on it, all end Aborted when it aborts, and none is left", async () => {
    const controller = new AbortController();
    const fetch = hangingFetch();
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, timeoutMs: 0 });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const calls = Array.from({ length: 2_000 }, () => rejection(client.getBucketAcl("example-bucket", { signal: controller.signal })));
      await fetch.arrived(2_000);
      // One listener however many calls: Node warns past its cap (10, or the 1,500 undici sets) of a leak that is none.
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      const errors = await within(Promise.all(calls), 10_000);
      expect(new Set(errors.map((e) => e.kind))).toEqual(new Set(["Aborted"]));
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off("warning", onWarning);
    }
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  });
});

describe("nothing keeps the process alive after a call", () => {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const script = `${here}fixtures/exit-child.mjs`;
  const built = existsSync(fileURLToPath(new URL("../../dist/index.js", import.meta.url))) && existsSync(fileURLToPath(new URL("../../../mocks/dist/server.js", import.meta.url)));

  /** Runs the child against a fresh mock server; `leak` makes it leave a timer or a socket behind on purpose. */
  async function runChild(leak?: "timer" | "socket") {
    expect(built, "needs the built packages: run `npm run build` first").toBe(true);
    // The server runs here, in the parent: only the client's own handles can keep the child alive.
    const { startMockServer } = await import("@bucketry/mocks/server");
    const { scenario } = await import("@bucketry/mocks");
    const server = await startMockServer({ buckets: 50, seed: 3 });
    servers.push(server);
    server.mock.use(scenario.status("baidu-bos", 503, { always: true }));
    server.mock.use(scenario.reset("huaweicloud-mpc", { always: true }));
    // ENS never answers (until the test ends): its calls end by their timeout, deadline or abort whatever the
    // machine's pace, and the last of them is still in flight when the others have settled.
    const silent = await rawServer(() => undefined);
    servers.push(silent);
    const args = {
      ...server.clientOptions,
      "aliyun-ens": { ...server.clientOptions["aliyun-ens"], endpoint: silent.url },
      ossBucket: server.mock.state.buckets[0]!.name,
      bosBucket: server.mock.state.buckets[1]!.name,
      serverPort: server.port,
    };
    // Nothing of this process's environment but PATH and the temporary folder (no real credentials reach the
    // child), the metadata sources off, and the network guard loaded (a refusal is written to stderr, which must
    // stay empty).
    const env = withNetworkGuard({
      PATH: process.env.PATH,
      TMPDIR: process.env.TMPDIR,
      BUCKETRY_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      BUCKETRY_TEST_LEAK: leak ?? "",
    });
    const child = spawn(process.execPath, ["--expose-gc", script, JSON.stringify(args)], { stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    // A safety net only: a child something keeps alive is killed, and the signal fails the test.
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.on("exit", (code, signal) => {
        clearTimeout(kill);
        resolve({ code, signal });
      });
    });
    expect(err).toBe("");
    expect(exit, out).toEqual({ code: 0, signal: null });
    expect(out, "the child reports once every call settled").toMatch(/^SETTLED \{/);
    const report = JSON.parse(out.slice(out.indexOf("{"))) as Record<string, string>;
    const list = (s: string) => s.split(",").filter((r) => r !== "");
    // Only the stdout pipe may remain: no socket (TCPSocketWrap) or other handle, no timer (Timeout, Immediate).
    const left = { timersAtSettle: list(report.timersAtSettle!), afterClose: list(report.aliveAfterClose!).filter((r) => r !== "PipeWrap" && r !== "TTYWrap") };
    return { report, left };
  }

  it("completed, failed, timed-out, deadline-exceeded and aborted calls leave no timer, socket or handle: the child ends on its own", async () => {
    const { report, left } = await runChild();
    expect(report).toMatchObject({
      ok: "fulfilled",
      okBeforeDeadline: "fulfilled",
      failed: "BucketryError:Unavailable",
      timedOut: "BucketryError:Timeout",
      deadline: "BucketryError:Timeout",
      abortedInFlight: "BucketryError:Aborted",
      abortedInBackoff: "BucketryError:Aborted",
      reset: "BucketryError:Network",
      hitachi: "fulfilled",
      listing: "fulfilled",
      abortedLast: "BucketryError:Aborted",
    });
    expect(left, "left after the last call").toEqual({ timersAtSettle: [], afterClose: [] });
  });

  it("the check sees a timer or a socket left behind", async () => {
    expect((await runChild("timer")).left).toEqual({ timersAtSettle: ["Timeout"], afterClose: ["Timeout"] });
    expect((await runChild("socket")).left).toEqual({ timersAtSettle: [], afterClose: ["TCPSocketWrap"] });
  });
});

describe("Hitachi: a session handshake that never answers", () => {
  it("is aborted with the attempt that waited on it; the retry shakes hands anew and the call succeeds", async () => {
    fakeClock();
    let stalledClosed!: () => void;
    const stalled = new Promise<void>((resolve) => (stalledClosed = resolve));
    raw = await rawServer((req, res, index) => {
      if (req.url?.endsWith("/v1/csrf")) {
        if (index === 0) {
          res.on("close", () => stalledClosed()); // never answered: only its connection closing ends it
          return;
        }
        res.writeHead(200, { "set-cookie": `XSRF-TOKEN=x${index}; Path=/` });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": VALID_BODY["hitachi-vsp-one-object"].type });
      res.end(VALID_BODY["hitachi-vsp-one-object"].body);
    });
    const retries: RetryInfo[] = [];
    const client = clientFor("hitachi-vsp-one-object", `${raw.url}/mapi`, {
      timeoutMs: 100,
      deadlineMs: 0,
      retry: { maxAttempts: 2, baseDelayMs: 0, onRetry: (info: RetryInfo) => retries.push(info) },
    });
    const call = track(callOnce(client, "hitachi-vsp-one-object"));
    await raw.arrived(1); // the CSRF GET is at the server, which keeps it
    await vi.advanceTimersByTimeAsync(100); // attempt 1 times out waiting for it
    await within(stalled, 10_000, "the stalled CSRF request's connection closing");
    const page = (await within(call.promise, 10_000)) as { buckets: { name: string }[] };
    expect(page.buckets.map((b) => b.name)).toEqual(["b1"]);
    expect(retries.map((r) => r.error.kind)).toEqual(["Timeout"]);
    expect(raw.hits).toBe(3); // the stalled CSRF GET, a new one, the API call
  });
});

describe("an attempt timeout before the request went out says so", () => {
  // The Node transport tells when a request is written; a TLS handshake that never completes holds it unsent.
  it.skipIf(process.env.BUCKETRY_CRYPTO === "web").each(["aliyun-ens", "aliyun-oss"] as const)(
    "%s: a request still waiting for its connection (the TLS handshake never completes) → Timeout: the request was not sent",
    async (provider) => {
      const silent = await silentServer();
      servers.push(silent);
      fakeClock();
      const client = clientFor(provider, `https://127.0.0.1:${silent.port}`, { timeoutMs: 100, retry: false });
      const call = track(callOnce(client, provider));
      await silent.connected; // the transport has the request: it is connecting
      await vi.advanceTimersByTimeAsync(100);
      expect(call.settled()).toBe(true);
      const err = await rejection(call.promise);
      expect(err).toMatchObject({ kind: "Timeout", retryable: true, attempts: 1 });
      expect(err.message).toBe(`${provider}: the request was not sent within 100 ms (waiting for a free connection or connecting took that long)`);
    },
  );

  it.each(PROVIDERS)("%s: a credentials function that never answers → Timeout: the request was not sent", async (provider) => {
    fakeClock();
    let asked!: () => void;
    const credentialsAsked = new Promise<void>((resolve) => (asked = resolve));
    const fetch = stubFetch(() => new Response(VALID_BODY[provider].body, { headers: { "content-type": VALID_BODY[provider].type } }));
    const credentials = () => {
      asked();
      return new Promise<never>(() => undefined);
    };
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, timeoutMs: 100, retry: false, credentials });
    const call = track(callOnce(client, provider));
    await credentialsAsked;
    await vi.advanceTimersByTimeAsync(100);
    expect(call.settled()).toBe(true);
    const err = await rejection(call.promise);
    expect(err).toMatchObject({ kind: "Timeout", retryable: true, attempts: 1 });
    expect(err.message).toBe(`${provider}: the request was not sent within 100 ms (resolving credentials, a session handshake or signing took that long)`);
    expect(fetch.requests).toHaveLength(0);
  });
});
