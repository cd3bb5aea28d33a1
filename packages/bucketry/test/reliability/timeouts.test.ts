// Timeouts and cancellation: the per-attempt timeout, the total deadline, the caller's AbortSignal (in flight
// and during a backoff wait), and that nothing — timer, socket, listener — outlives a call: a child process
// running every kind of call against a mock server exits on its own right after the last one settles.
import { spawn } from "node:child_process";
import { getEventListeners } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/index.js";
import { callOnce, clientFor, PROVIDERS, rawServer, rejection, STUB_ENDPOINT, stubFetch, VALID_BODY, type Raw } from "./helpers.js";

let raw: Raw | undefined;
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await raw?.close();
  raw = undefined;
  for (const s of servers.splice(0)) await s.close();
});

/** A server that never answers the API call (Hitachi's CSRF GET is answered). */
const hang = () =>
  rawServer((req, res) => {
    if (req.url?.endsWith("/v1/csrf")) {
      res.writeHead(200, { "set-cookie": "XSRF-TOKEN=x; Path=/" });
      res.end();
    }
  });
const endpoint = (provider: Provider, url: string) => (provider === "hitachi-vsp-one-object" ? `${url}/mapi` : url);

describe("deadlineMs: the whole call, retries and waits included", () => {
  it.each(PROVIDERS)("%s: a hanging server fails at the deadline, not after attempts × timeoutMs", async (provider) => {
    raw = await hang();
    const client = clientFor(provider, endpoint(provider, raw.url), { timeoutMs: 10_000, deadlineMs: 150 });
    const started = Date.now();
    const err = await rejection(callOnce(client, provider));
    const took = Date.now() - started;
    expect(err).toMatchObject({ kind: "Timeout", retryable: false, attempts: 1 });
    expect(err.message).toMatch(/deadline of 150 ms exceeded/);
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(2_000);
  });

  it("attempt timeouts are retried until the deadline", async () => {
    raw = await hang();
    // 60 ms attempts inside an 800 ms deadline: room for 3+ attempts even when a loaded CI machine stalls.
    const client = clientFor("aliyun-ens", raw.url, { timeoutMs: 60, deadlineMs: 800, retry: { maxAttempts: 100, baseDelayMs: 1 } });
    const err = await rejection(callOnce(client, "aliyun-ens"));
    expect(err.kind).toBe("Timeout");
    expect(err.attempts).toBeGreaterThanOrEqual(3);
    // Every attempt sent one request and none was sent twice; the deadline may abort the last attempt before
    // its request reaches the server, so the server can have seen one fewer.
    expect(raw.hits).toBeLessThanOrEqual(err.attempts);
    expect(raw.hits).toBeGreaterThanOrEqual(err.attempts - 1);
  });

  it("a retry whose wait would end past the deadline is not attempted: the last error, at once", async () => {
    const fetch = stubFetch(() => new Response(JSON.stringify({ Code: "Throttling.User" }), { status: 429, headers: { "retry-after": "10", "content-type": "application/json" } }));
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, deadlineMs: 2_000 });
    const started = Date.now();
    const err = await rejection(callOnce(client, "aliyun-ens"));
    expect(Date.now() - started).toBeLessThan(500);
    expect(err).toMatchObject({ kind: "Throttled", attempts: 1 });
    expect(fetch.requests).toHaveLength(1);
  });

  it("the per-call deadline overrides the client's; 0 turns it off", async () => {
    raw = await hang();
    const client = clientFor("baidu-bos", raw.url, { deadlineMs: 10_000, timeoutMs: 10_000 });
    const started = Date.now();
    await rejection(client.getBucketAcl("example-bucket", { deadlineMs: 80 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    const off = clientFor("baidu-bos", raw.url, { deadlineMs: 50, timeoutMs: 200, retry: false });
    const err = await rejection(off.getBucketAcl("example-bucket", { deadlineMs: 0 }));
    expect(err.message).toMatch(/no response within 200 ms/); // the attempt timeout, not the deadline
  });
});

describe("AbortSignal", () => {
  it.each(PROVIDERS)("%s: abort in flight → Aborted, promptly", async (provider) => {
    raw = await hang();
    const client = clientFor(provider, endpoint(provider, raw.url), { timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const err = await rejection(callOnce(client, provider, { signal: controller.signal }));
    expect(err).toMatchObject({ kind: "Aborted", retryable: false, attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("abort during a backoff wait → Aborted, without waiting it out", async () => {
    const fetch = stubFetch(() => new Response("{}", { status: 503, headers: { "retry-after": "15" } }));
    const client = clientFor("huaweicloud-mpc", STUB_ENDPOINT["huaweicloud-mpc"], { fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const err = await rejection(client.listBucketsPage({ signal: controller.signal }));
    expect(err).toMatchObject({ kind: "Aborted", attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fetch.requests).toHaveLength(1);
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
    // 50 calls in flight on one signal: no "possible EventTarget memory leak" warning. Checked on the Node pass:
    // the cap is raised by the Node transport module; the portable one (the web pass) has nothing to raise it with.
    if (process.env.BUCKETRY_CRYPTO !== "web") expect(warnings).not.toContain("MaxListenersExceededWarning");
  });
});

describe("nothing keeps the process alive after a call", () => {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const script = `${here}fixtures/exit-child.mjs`;
  const built = existsSync(fileURLToPath(new URL("../../dist/index.js", import.meta.url))) && existsSync(fileURLToPath(new URL("../../../mocks/dist/server.js", import.meta.url)));

  it("completed, failed, timed-out, deadline-exceeded and aborted calls: the child exits within 1 s of the last", async () => {
    expect(built, "needs the built packages: run `npm run build` first").toBe(true);
    // The server runs here, in the parent: only the client's own handles can keep the child alive.
    const { startMockServer } = await import("@bucketry/mocks/server");
    const { scenario } = await import("@bucketry/mocks");
    const server = await startMockServer({ buckets: 50, seed: 3 });
    servers.push(server);
    server.mock.use(scenario.status("baidu-bos", 503, { always: true }));
    server.mock.use(scenario.latency("aliyun-ens", 5_000, { always: true }));
    server.mock.use(scenario.reset("huaweicloud-mpc", { always: true }));
    const args = {
      ...server.clientOptions,
      ossBucket: server.mock.state.buckets[0]!.name,
      bosBucket: server.mock.state.buckets[1]!.name,
    };
    const child = spawn(process.execPath, ["--expose-gc", script, JSON.stringify(args)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let settledAt = 0;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (!settledAt && out.includes("SETTLED")) settledAt = Date.now();
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.on("exit", (c) => {
        clearTimeout(kill);
        resolve(c);
      });
    });
    const exitedAt = Date.now();
    expect(err).toBe("");
    expect(code, out).toBe(0);
    expect(settledAt, out).toBeGreaterThan(0);
    const report = JSON.parse(out.slice(out.indexOf("{"))) as Record<string, string>;
    expect(report).toMatchObject({
      ok: "fulfilled",
      failed: "BucketryError:Unavailable",
      timedOut: "BucketryError:Timeout",
      deadline: "BucketryError:Timeout",
      abortedInFlight: "BucketryError:Aborted",
      abortedInBackoff: "BucketryError:Aborted",
      reset: "BucketryError:Network",
      hitachi: "fulfilled",
      listing: "fulfilled",
    });
    // Only the stdout pipe may remain: no socket (TCPSocketWrap), timer (Timeout) or other handle.
    expect(report.resources!.split(",").filter((r) => r && r !== "PipeWrap" && r !== "TTYWrap"), "handles left after the last call").toEqual([]);
    expect(exitedAt - settledAt, out).toBeLessThan(1_000);
  });
});
