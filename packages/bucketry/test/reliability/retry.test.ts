// Retries: which failures are retried for each vendor, backoff and Retry-After, fresh signatures on every
// attempt with the same body, the onRetry hook and attempt counts, and the client-wide retry budget.
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BucketryError, type Provider } from "../../src/index.js";
import { backoffDelay, DEFAULT_RETRY, resolveRetry, RetryBudget, type RetryInfo } from "../../src/retry.js";
import { REFUSED_URL } from "../support/test-server.js";
import { callOnce, clientFor, PROVIDERS, rawServer, rejection, STUB_ENDPOINT, stubFetch, unhandledRejectionsDuring, VALID_BODY, within, type Raw } from "./helpers.js";

const ok = (provider: Provider) => new Response(VALID_BODY[provider].body, { status: 200, headers: { "content-type": VALID_BODY[provider].type } });
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const xml = (status: number, body: string, headers: Record<string, string> = {}) => new Response(body, { status, headers: { "content-type": "application/xml", ...headers } });

/** A vendor-shaped error body for `provider`. */
function vendorError(provider: Provider, status: number, code: string, headers: Record<string, string> = {}): Response {
  switch (provider) {
    case "aliyun-ens":
      return json(status, { RequestId: "R", Code: code, Message: code }, headers);
    case "huaweicloud-mpc":
      return json(status, { error_code: code, error_msg: code, request_id: "R" }, headers);
    case "baidu-bos":
      return json(status, { code, message: code, requestId: "R" }, headers);
    case "aliyun-oss":
      return xml(status, `<?xml version="1.0"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>R</RequestId></Error>`, headers);
    default:
      return json(status, { code, message: code }, headers);
  }
}

const fast = { retry: { baseDelayMs: 0 } };

describe("policy", () => {
  it("defaults: 3 attempts, full jitter from 200 ms, capped at 20 s", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 20_000 });
    const top = () => 0.999999;
    expect(backoffDelay(1, DEFAULT_RETRY, top)).toBe(199);
    expect(backoffDelay(2, DEFAULT_RETRY, top)).toBe(399);
    expect(backoffDelay(3, DEFAULT_RETRY, top)).toBe(799);
    expect(backoffDelay(30, DEFAULT_RETRY, top)).toBe(19_999);
    expect(backoffDelay(5, DEFAULT_RETRY, () => 0)).toBe(0); // full jitter: anywhere from 0
    for (let i = 0; i < 200; i++) expect(backoffDelay(4, DEFAULT_RETRY)).toBeLessThan(1600);
  });

  it("after throttling: never ~0 ms — at least the plain ceiling, up to twice it, capped", () => {
    const bottom = () => 0;
    const top = () => 0.999999;
    expect([1, 2, 3].map((n) => backoffDelay(n, DEFAULT_RETRY, bottom, true))).toEqual([200, 400, 800]);
    expect([1, 2, 3].map((n) => backoffDelay(n, DEFAULT_RETRY, top, true))).toEqual([399, 799, 1599]);
    expect(backoffDelay(30, DEFAULT_RETRY, bottom, true)).toBe(10_000); // half the cap at least
    expect(backoffDelay(30, DEFAULT_RETRY, top, true)).toBe(19_999);
    expect(backoffDelay(3, { ...DEFAULT_RETRY, baseDelayMs: 0 }, top, true)).toBe(0); // baseDelayMs: 0 still means no wait
  });

  it("a Throttled answer without Retry-After waits the throttle floor; a 503 keeps full jitter; each retry costs the budget the same", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0); // the jitter's lowest draw
    try {
      for (const [status, code, floor] of [[429, "Throttling.User", 200], [503, "ServiceUnavailable", 0]] as const) {
        const controller = new AbortController();
        const retries: RetryInfo[] = [];
        const budget = new RetryBudget();
        // The wait is recorded, then the call is cancelled: nothing waits it out.
        const onRetry = (info: RetryInfo) => (retries.push(info), controller.abort());
        const fetch = stubFetch(() => vendorError("aliyun-ens", status, code));
        const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, retryBudget: budget, retry: { onRetry } });
        await rejection(callOnce(client, "aliyun-ens", { signal: controller.signal }));
        expect(retries.map((r) => [r.error.kind, r.delayMs])).toEqual([[status === 429 ? "Throttled" : "Unavailable", floor]]);
        expect(budget.available).toBe(500 - 5);
      }
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("retry: false is one attempt; a per-call policy merges over the client's", () => {
    expect(resolveRetry(false).maxAttempts).toBe(1);
    const client = resolveRetry({ maxAttempts: 5, baseDelayMs: 10 });
    expect(resolveRetry({ maxDelayMs: 99 }, client)).toEqual({ maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 99 });
    expect(resolveRetry(false, client).maxAttempts).toBe(1);
  });
});

describe.each(PROVIDERS)("%s: what is retried", (provider) => {
  it.each([500, 502, 503, 504, 429])("HTTP %i, then success: 2 requests, the result", async (status) => {
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError(provider, status, "Whatever") : ok(provider)));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, ...fast });
    await expect(callOnce(client, provider)).resolves.toBeTruthy();
    expect(fetch.requests).toHaveLength(2);
  });

  // 501 Not Implemented, 505 HTTP Version Not Supported, 506 Variant Also Negotiates, 508 Loop Detected, 510 Not
  // Extended, 511 Network Authentication Required: a 5xx the server will give again, whatever its load.
  it.each([400, 403, 404, 409, 501, 505, 506, 508, 510, 511])("HTTP %i is not retried", async (status) => {
    const fetch = stubFetch(() => vendorError(provider, status, "Nope"));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, ...fast });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ status, retryable: false, attempts: 1 });
    expect(fetch.requests).toHaveLength(1);
  });

  it("always failing: maxAttempts requests, the attempt count on the error, onRetry before each retry", async () => {
    const seen: RetryInfo[] = [];
    const fetch = stubFetch(() => vendorError(provider, 503, "ServiceUnavailable"));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 1, maxAttempts: 4, onRetry: (i: RetryInfo) => seen.push(i) } });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ status: 503, retryable: true, attempts: 4 });
    expect(fetch.requests).toHaveLength(4);
    expect(seen.map((s) => s.attempt)).toEqual([1, 2, 3]);
    for (const s of seen) {
      expect(s.error).toBeInstanceOf(BucketryError);
      expect(s.delayMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("an onRetry hook that throws does not fail the call", async () => {
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError(provider, 503, "ServiceUnavailable") : ok(provider)));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 0, onRetry: () => { throw new Error("logger down"); } } });
    await expect(callOnce(client, provider)).resolves.toBeTruthy();
  });

  it("an async onRetry hook that rejects does not fail the call, nor leave an unhandled rejection", async () => {
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError(provider, 503, "ServiceUnavailable") : ok(provider)));
    const onRetry = async () => {
      throw new Error("metrics endpoint down");
    };
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 0, onRetry } });
    const unhandled = await unhandledRejectionsDuring(() => expect(callOnce(client, provider)).resolves.toBeTruthy());
    expect(unhandled).toEqual([]);
    expect(fetch.requests).toHaveLength(2);
  });

  it("per client and per call: the call's policy wins; retry: false is one request", async () => {
    const fetch = stubFetch(() => vendorError(provider, 500, "InternalError"));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { maxAttempts: 5, baseDelayMs: 0 } });
    await rejection(callOnce(client, provider));
    expect(fetch.requests).toHaveLength(5);
    await rejection(callOnce(client, provider, { retry: false }));
    expect(fetch.requests).toHaveLength(6);
    await rejection(callOnce(client, provider, { retry: { maxAttempts: 2 } }));
    expect(fetch.requests).toHaveLength(8);
    const none = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: false });
    expect(await rejection(callOnce(none, provider))).toMatchObject({ attempts: 1 });
    expect(fetch.requests).toHaveLength(9);
  });
});

describe("vendor throttling and transient codes are retried", () => {
  const date = () => new Date(Date.now() + 3_600_000).toUTCString();
  const cases: [Provider, number, string, Record<string, string>?][] = [
    ["aliyun-ens", 400, "Throttling"],
    ["aliyun-ens", 400, "Throttling.User"],
    ["aliyun-ens", 429, "Throttling.Api"],
    ["aliyun-ens", 503, "ServiceUnavailable"],
    ["aliyun-ens", 400, "InvalidTimeStamp.Expired", { date: "" }],
    ["huaweicloud-mpc", 429, "APIGW.0308"],
    ["huaweicloud-mpc", 401, "APIGW.0303", { date: "" }],
    ["baidu-bos", 400, "RequestExpired", { date: "" }],
    ["baidu-bos", 500, "InternalError"],
    ["baidu-bos", 400, "Http400"],
    ["aliyun-oss", 403, "RequestTimeTooSkewed", { date: "" }],
    ["aliyun-oss", 503, "SlowDown"],
    ["aliyun-oss", 400, "BadRequest"],
  ];
  it.each(cases)("%s %i %s", async (provider, status, code, headers = {}) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, k === "date" ? date() : v]));
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError(provider, status, code, h) : ok(provider)));
    const kinds: string[] = [];
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 0, onRetry: (i: RetryInfo) => kinds.push(`${i.error.kind}:${i.error.code}`) } });
    await expect(callOnce(client, provider)).resolves.toBeTruthy();
    expect(fetch.requests).toHaveLength(2);
    expect(kinds).toHaveLength(1);
    expect(kinds[0]).toMatch(new RegExp(`^(Throttled|Unavailable|ServerError|ClockSkew):${code.replace(".", "\\.")}$`));
  });

  it("Hitachi 401: the session drops token and CSRF, one more attempt sends the call again (same body); a second 401 is final", async () => {
    let csrfCount = 0;
    const bodies: string[] = [];
    const xsrf: string[] = [];
    const answers = [401, 200];
    const fetch = async (request: Request) => {
      if (request.url.endsWith("/v1/csrf")) {
        csrfCount++;
        return new Response(null, { headers: { "set-cookie": `XSRF-TOKEN=x${csrfCount}; Path=/` } });
      }
      bodies.push(await request.text());
      xsrf.push(request.headers.get("x-xsrf-token") ?? "");
      const status = answers.shift() ?? 401;
      return status === 200 ? ok("hitachi-vsp-one-object") : new Response(null, { status });
    };
    const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], { fetch, ...fast });
    await expect(client.listBucketsPage({ userId: 3 })).resolves.toMatchObject({ buckets: [{ name: "b1" }] });
    expect(csrfCount).toBe(2);
    expect(xsrf).toEqual(["x1", "x2"]);
    expect(bodies[0]).toBe(JSON.stringify({ id: 3, count: 1000 }));
    expect(bodies[1]).toBe(bodies[0]); // the replay carries the body (ali-oss #604: never an empty re-send)

    const err = await rejection(client.listBucketsPage({ userId: 3 }));
    expect(err).toMatchObject({ kind: "InvalidCredentials", status: 401, retryable: false, attempts: 2 }); // the re-authentication is an attempt
    expect(bodies).toHaveLength(4); // the call and one more attempt: no loop
    expect(csrfCount).toBe(3);
  });
});

describe("Retry-After and x-acs-retry-after", () => {
  async function delayFor(provider: Provider, headers: Record<string, string>, retry: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<number> {
    const delays: number[] = [];
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError(provider, 429, "Throttling.User", headers) : ok(provider)));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 0, onRetry: (i: RetryInfo) => delays.push(i.delayMs), ...retry }, ...extra });
    await callOnce(client, provider);
    return delays[0]!;
  }

  it("seconds (decimals too)", async () => {
    expect(await delayFor("huaweicloud-mpc", { "retry-after": "0.05" })).toBe(50);
  });
  it("an HTTP date, counted from the client's clock", async () => {
    // A fixed clock on a whole second (an HTTP date has no milliseconds): the delay is exact, however long the call takes.
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    const clock = () => now;
    expect(await delayFor("baidu-bos", { "retry-after": new Date(now + 1_000).toUTCString() }, {}, { clock })).toBe(1_000);
    expect(await delayFor("baidu-bos", { "retry-after": new Date(now - 60_000).toUTCString() }, {}, { clock })).toBe(0);
  });
  it("x-acs-retry-after (ms), preferred over Retry-After", async () => {
    expect(await delayFor("aliyun-ens", { "x-acs-retry-after": "40", "retry-after": "9" })).toBe(40);
  });
  it("waited in full up to maxDelayMs", async () => {
    expect(await delayFor("aliyun-ens", { "retry-after": "0.025" }, { maxDelayMs: 25 })).toBe(25);
  });
  // A retry sent before the server's time is refused again: the wait is not cut to maxDelayMs, nor retried.
  it.each([
    ["aliyun-ens", { "retry-after": "3600" }, 3_600_000],
    ["aliyun-ens", { "x-acs-retry-after": "26" }, 26],
    ["huaweicloud-mpc", { "retry-after": "1" }, 1_000],
  ] as const)("%s: longer than maxDelayMs (%o): not retried, the error carries retryAfterMs and says why", async (provider, headers, wait) => {
    const fetch = stubFetch(() => vendorError(provider, 429, "Throttling.User", headers));
    const retries: RetryInfo[] = [];
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { maxDelayMs: 25, onRetry: (i: RetryInfo) => retries.push(i) } });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ kind: "Throttled", status: 429, retryable: true, retryAfterMs: wait, attempts: 1 });
    expect(err.message).toContain(`; not retried: a ${wait} ms wait the server asked for would pass maxDelayMs (25 ms)`);
    expect(retries).toEqual([]);
    expect(fetch.requests).toHaveLength(1);
  });
  it("garbage is ignored (backoff instead)", async () => {
    expect(await delayFor("aliyun-oss", { "retry-after": "soon" })).toBe(0);
  });
});

describe("every attempt is signed afresh", () => {
  it.each(["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "aliyun-oss"] as const)("%s: new date (and nonce) on the retry", async (provider) => {
    let t = Date.UTC(2025, 0, 1);
    const clock = () => (t += 5_000);
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError(provider, 503, "ServiceUnavailable") : ok(provider)));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, clock, ...fast });
    await callOnce(client, provider);
    const [a, b] = fetch.requests;
    expect(a!.headers.get("authorization")).toBeTruthy();
    expect(b!.headers.get("authorization")).not.toBe(a!.headers.get("authorization"));
    const dateHeader = { "aliyun-ens": "x-acs-date", "huaweicloud-mpc": "x-sdk-date", "baidu-bos": "x-bce-date", "aliyun-oss": "x-oss-date" }[provider];
    expect(b!.headers.get(dateHeader)).not.toBe(a!.headers.get(dateHeader));
    if (provider === "aliyun-ens") expect(b!.headers.get("x-acs-signature-nonce")).not.toBe(a!.headers.get("x-acs-signature-nonce"));
  });

  it("ENS RPC v1: a new Timestamp and SignatureNonce in the query", async () => {
    const fetch = stubFetch((_, i) => (i === 0 ? vendorError("aliyun-ens", 503, "ServiceUnavailable") : ok("aliyun-ens")));
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, signatureVersion: "v1", ...fast });
    await callOnce(client, "aliyun-ens");
    const [a, b] = fetch.requests.map((r) => new URL(r.url).searchParams);
    expect(b!.get("SignatureNonce")).not.toBe(a!.get("SignatureNonce"));
    expect(b!.get("Signature")).not.toBe(a!.get("Signature"));
  });

  it("Hitachi: a 503 retried by the runtime re-sends the same non-empty body", async () => {
    const bodies: string[] = [];
    const fetch = stubFetch(async (request, i) => {
      bodies.push(await request.text());
      return i === 0 ? new Response("busy", { status: 503 }) : ok("hitachi-vsp-one-object");
    });
    const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], { fetch, ...fast });
    await client.listBucketsPage({ userId: "u-1", pageSize: 5, cursor: "tok" });
    expect(bodies).toEqual([JSON.stringify({ id: "u-1", count: 5, pageToken: "tok" }), JSON.stringify({ id: "u-1", count: 5, pageToken: "tok" })]);
  });
});

describe("a host name that does not resolve", () => {
  // As Node's fetch and the Node transport reject it: TypeError("fetch failed") over getaddrinfo's error (no DNS
  // query is made here: tests talk to loopback only).
  const notFound = (hostname: string) =>
    new TypeError("fetch failed", { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", errno: -3008, syscall: "getaddrinfo", hostname }) });

  it.each(PROVIDERS)("%s: the message names the host (a region or endpoint typo), and the error stays a retried Network one", async (provider) => {
    const host = new URL(STUB_ENDPOINT[provider]).hostname;
    let attempts = 0;
    const fetch = async (request: Request) => {
      if (request.method === "GET" && request.url.endsWith("/v1/csrf")) return new Response(null, { headers: { "set-cookie": "XSRF-TOKEN=x; Path=/" } });
      attempts++;
      throw notFound(new URL(request.url).hostname);
    };
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { maxAttempts: 2, baseDelayMs: 0 } });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ kind: "Network", retryable: true, attempts: 2 });
    expect(err.message).toMatch(new RegExp(`^${provider}: network error \\(ENOTFOUND\\): ([a-z0-9-]+\\.)?${host.replace(/\./g, "\\.")} does not resolve \\(a typo in the endpoint or region makes such a host; or DNS is unreachable here\\)$`));
    expect(attempts).toBe(2);
  });

  // EAI_AGAIN (DNS did not answer: no resolver reachable, or a timeout) named no host, so a region typo and a DNS
  // outage read alike ("network error (EAI_AGAIN)").
  it.each(PROVIDERS)("%s: a lookup DNS gave no answer to names the host too, and stays a retried Network error", async (provider) => {
    const host = new URL(STUB_ENDPOINT[provider]).hostname;
    const fetch = async (request: Request) => {
      if (request.method === "GET" && request.url.endsWith("/v1/csrf")) return new Response(null, { headers: { "set-cookie": "XSRF-TOKEN=x; Path=/" } });
      const hostname = new URL(request.url).hostname;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: "EAI_AGAIN", errno: -3001, syscall: "getaddrinfo", hostname }) });
    };
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { maxAttempts: 2, baseDelayMs: 0 } });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ kind: "Network", retryable: true, attempts: 2 });
    expect(err.message).toMatch(new RegExp(`^${provider}: network error \\(EAI_AGAIN\\): ([a-z0-9-]+\\.)?${host.replace(/\./g, "\\.")} could not be resolved now \\(no answer from DNS; it may pass\\)$`));
  });

  it("a host name that is not one (odd characters from a broken resolver answer) is not echoed", async () => {
    const fetch = async () => {
      throw notFound("evil\nhost <script>");
    };
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, retry: false });
    expect((await rejection(callOnce(client, "aliyun-ens"))).message).toBe("aliyun-ens: network error (ENOTFOUND)");
  });
});

/** An error's cause chain, name, code and message of each: what a failed assertion on a transport error shows. */
const causes = (err: unknown): string => {
  const chain: string[] = [];
  for (let e = err as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown } | undefined; e && chain.length < 5; e = e.cause as typeof e) chain.push(`${String(e.name)} ${String(e.code)}: ${String(e.message)}`);
  return chain.join(" <- ");
};

describe("network errors and timeouts (real sockets)", () => {
  let raw: Raw | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await raw?.close();
    raw = undefined;
  });

  /** Hitachi's CSRF GET answered; every other request goes to `api`. */
  const serveProvider = (provider: Provider, api: (res: import("node:http").ServerResponse, i: number) => void) => {
    let i = 0;
    return rawServer((req, res) => {
      if (req.url?.endsWith("/v1/csrf")) {
        res.writeHead(200, { "set-cookie": "XSRF-TOKEN=x; Path=/" });
        res.end();
        return;
      }
      api(res, i++);
    });
  };

  it.each(PROVIDERS)("%s: connection reset, then success", async (provider) => {
    raw = await serveProvider(provider, (res, i) => {
      if (i === 0) return res.socket?.destroy();
      res.writeHead(200, { "content-type": VALID_BODY[provider].type });
      res.end(VALID_BODY[provider].body);
    });
    const kinds: string[] = [];
    const client = clientFor(provider, `${raw.url}${provider === "hitachi-vsp-one-object" ? "/mapi" : ""}`, { retry: { baseDelayMs: 0, onRetry: (r: RetryInfo) => kinds.push(r.error.kind) } });
    await expect(callOnce(client, provider)).resolves.toBeTruthy();
    expect(kinds).toEqual(["Network"]);
  });

  it.each(PROVIDERS)("%s: no answer within timeoutMs, then success", async (provider) => {
    // The attempt timeout runs on a fake clock that moves only once the first request is at the server: the
    // first attempt times out because the test says so, and the retry (answered at once) cannot time out,
    // however slow the machine. I/O stays real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    raw = await serveProvider(provider, (res, i) => {
      if (i === 0) return; // never answers
      res.writeHead(200, { "content-type": VALID_BODY[provider].type });
      res.end(VALID_BODY[provider].body);
    });
    const kinds: string[] = [];
    const client = clientFor(provider, `${raw.url}${provider === "hitachi-vsp-one-object" ? "/mapi" : ""}`, {
      timeoutMs: 300,
      retry: { baseDelayMs: 0, maxAttempts: 5, onRetry: (r: RetryInfo) => kinds.push(r.error.kind) },
    });
    const call = callOnce(client, provider);
    await raw.arrived(provider === "hitachi-vsp-one-object" ? 2 : 1); // the first API request (after Hitachi's CSRF GET)
    await vi.advanceTimersByTimeAsync(300);
    await expect(within(call, 10_000)).resolves.toBeTruthy();
    expect(kinds).toEqual(["Timeout"]);
  });

  it("an untrusted TLS certificate: Network, not retried (a retry meets the same certificate), with Node's code; on both transports", async () => {
    const tls = fileURLToPath(new URL("./fixtures/tls/", import.meta.url));
    // A self-signed certificate this process does not trust (NODE_EXTRA_CA_CERTS is read at startup only).
    const server = createHttpsServer({ key: readFileSync(`${tls}key.pem`), cert: readFileSync(`${tls}cert.pem`) }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const fetch of [undefined, globalThis.fetch]) {
        const err = await rejection(clientFor("baidu-bos", endpoint, { ...(fetch ? { fetch } : {}), retry: { baseDelayMs: 0, maxAttempts: 3 } }).getBucketAcl("example-bucket"));
        expect(err).toMatchObject({ kind: "Network", retryable: false, attempts: 1 });
        // Self-signed; on a machine whose clock is before the fixture's start date, not yet valid (checked first).
        expect(err.message).toMatch(/the server's TLS certificate was refused \((DEPTH_ZERO_SELF_SIGNED_CERT\): check the endpoint's host name|CERT_NOT_YET_VALID\): check its dates)/);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it.each([
    ["CERT_HAS_EXPIRED", "check its dates and this machine's clock"],
    ["CERT_NOT_YET_VALID", "check its dates and this machine's clock"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "check the endpoint's host name, or trust its certificate authority (NODE_EXTRA_CA_CERTS)"],
    ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "check the endpoint's host name, or trust its certificate authority (NODE_EXTRA_CA_CERTS)"],
  ])("a refused certificate as fetch reports it (%s on the cause): not retried, and what to check", async (code, check) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("certificate refused"), { code }) });
    };
    const err = await rejection(clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retry: { baseDelayMs: 0, maxAttempts: 3 } }).getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "Network", retryable: false, attempts: 1 });
    expect(err.message).toBe(`baidu-bos: the server's TLS certificate was refused (${code}): ${check}`);
    expect(calls).toBe(1);
  });

  it("a port fetch will not dial (the Fetch standard's bad ports; 9 here): Configuration, not retried, saying so", async () => {
    const err = await rejection(clientFor("baidu-bos", "http://127.0.0.1:9", { fetch: globalThis.fetch, retry: { baseDelayMs: 0, maxAttempts: 3 } }).getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "Configuration", retryable: false, attempts: 1 });
    expect(err.message).toBe("baidu-bos: fetch refuses the endpoint's port, one the Fetch standard blocks (bad port): use the service on another port, or a `fetch` option that dials it");
  });

  it("a port Deno's fetch will not dial, as Deno 2 throws it (no code; read from deno 2.9): the same Configuration error", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError("Fetch failed: Requests to port 6000 are blocked");
    };
    const err = await rejection(clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retry: { baseDelayMs: 0, maxAttempts: 3 } }).getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "Configuration", retryable: false, attempts: 1 });
    expect(err.message).toContain("one the Fetch standard blocks (bad port)");
    expect(calls).toBe(1);
  });

  it("connection refused: Network, retried, attempts on the error", async () => {
    const client = clientFor("baidu-bos", REFUSED_URL, { retry: { baseDelayMs: 0, maxAttempts: 2 } });
    const err = await rejection(client.getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "Network", retryable: true, attempts: 2 });
    expect(err.message, causes(err)).toMatch(/ECONNREFUSED/);
  });

  // What each platform's fetch throws for a connection that failed, as it throws it (no code on any of them).
  it.each([
    ["Chromium", new TypeError("Failed to fetch")],
    ["Safari", new TypeError("Load failed")],
    ["Firefox", new TypeError("NetworkError when attempting to fetch resource.")],
    ["workerd (a plain Error, not a TypeError)", new Error("Network connection lost.")],
    ["Deno (the connection lost while the body arrives)", new TypeError("error reading a body from connection")],
  ])("a failed connection as %s's fetch reports it: Network, retried", async (_platform, thrown) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw thrown;
    };
    const err = await rejection(clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retry: { baseDelayMs: 0, maxAttempts: 2 } }).getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "Network", retryable: true, attempts: 2 });
    expect(calls).toBe(2);
  });

  it("any other error a custom fetch throws is not taken for a network failure: Unknown, not retried", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new Error("Network connection lost in my proxy code"); // near workerd's message, not it
    };
    const err = await rejection(clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retry: { baseDelayMs: 0, maxAttempts: 2 } }).getBucketAcl("example-bucket"));
    expect(err).toMatchObject({ kind: "Unknown", retryable: false });
    expect(calls).toBe(1);
  });
});

describe("retry budget (token bucket)", () => {
  it("costs 5 per retry, 10 after a timeout or network error; a success refunds its last retry's cost, or 1", () => {
    const b = new RetryBudget({ capacity: 30 });
    expect(b.acquire("Unavailable")).toBe(5);
    expect(b.acquire("Timeout")).toBe(10);
    expect(b.acquire("Network")).toBe(10);
    expect(b.available).toBe(5);
    expect(b.acquire("Network")).toBeUndefined(); // 10 > 5
    expect(b.acquire("Throttled")).toBe(5);
    expect(b.acquire("Throttled")).toBeUndefined();
    b.release(10);
    expect(b.available).toBe(10);
    b.release(undefined);
    expect(b.available).toBe(11);
    for (let i = 0; i < 100; i++) b.release(5);
    expect(b.available).toBe(30); // never above capacity
    expect(b.stats()).toEqual({ available: 30, capacity: 30, granted: 4, denied: 2 });
    expect(new RetryBudget().stats()).toMatchObject({ available: 500, capacity: 500 });
  });

  it("an outage: retries stop when the bucket is empty (capacity / cost extra requests at most)", async () => {
    const fetch = stubFetch(() => vendorError("aliyun-ens", 503, "ServiceUnavailable"));
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, retryBudget: { capacity: 50 }, ...fast });
    const errors: BucketryError[] = [];
    for (let i = 0; i < 40; i++) errors.push(await rejection(callOnce(client, "aliyun-ens")));
    expect(fetch.requests).toHaveLength(40 + 50 / 5);
    expect(errors.every((e) => e.kind === "Unavailable")).toBe(true);
    expect(errors.at(-1)!.attempts).toBe(1); // failed fast
  });

  it("without a budget (retryBudget: false) every call retries", async () => {
    const fetch = stubFetch(() => vendorError("aliyun-ens", 503, "ServiceUnavailable"));
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, retryBudget: false, ...fast });
    for (let i = 0; i < 40; i++) await rejection(callOnce(client, "aliyun-ens"));
    expect(fetch.requests).toHaveLength(120);
  });

  it("successes refill it; one budget can be shared by several clients", async () => {
    const budget = new RetryBudget({ capacity: 10 });
    let fail = true;
    const fetch = stubFetch(() => (fail ? vendorError("baidu-bos", 503, "ServiceUnavailable") : ok("baidu-bos")));
    const a = clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retryBudget: budget, ...fast });
    const b = clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch, retryBudget: budget, ...fast });
    await rejection(a.getBucketAcl("example-bucket")); // 2 retries: 10 tokens
    expect(budget.available).toBe(0);
    expect(await rejection(b.getBucketAcl("example-bucket"))).toMatchObject({ attempts: 1 }); // b shares the empty bucket
    fail = false;
    for (let i = 0; i < 5; i++) await b.getBucketAcl("example-bucket");
    expect(budget.available).toBe(5);
    // A retried success gives back its retry's 5.
    const once = stubFetch((_, i) => (i === 0 ? vendorError("baidu-bos", 503, "ServiceUnavailable") : ok("baidu-bos")));
    const c = clientFor("baidu-bos", STUB_ENDPOINT["baidu-bos"], { fetch: once, retryBudget: budget, ...fast });
    await c.getBucketAcl("example-bucket");
    expect(budget.available).toBe(5);
  });
});

describe("Hitachi: a failed session handshake is classed as a MAPI answer would be", () => {
  const TOKEN_URL = "http://hitachi.stub/token";
  /** A Hitachi server as a fetch whose CSRF GET (or password grant) answers `failure` the first time, then works. */
  function failingOnce(stage: "csrf" | "token", failure: () => Response) {
    const seen = { csrf: 0, token: 0, lists: 0 };
    const fetch = async (request: Request): Promise<Response> => {
      if (request.url === TOKEN_URL) {
        if (seen.token++ === 0 && stage === "token") return failure();
        return Response.json({ access_token: `token-${seen.token}`, expires_in: 300 });
      }
      if (request.url.endsWith("/v1/csrf")) {
        if (seen.csrf++ === 0 && stage === "csrf") return failure();
        return new Response(null, { headers: { "set-cookie": `XSRF-TOKEN=x${seen.csrf}; Path=/` } });
      }
      seen.lists++;
      return ok("hitachi-vsp-one-object");
    };
    return { fetch, seen };
  }
  const password = { username: "admin", password: "pw", tokenUrl: TOKEN_URL };

  it.each([
    ["csrf", 404, "NotFound", false, {}],
    // A redirect is not followed: the endpoint (or token URL) is wrong, which only the options fix.
    ["csrf", 302, "Configuration", false, { location: "http://hitachi.stub/login" }],
    ["token", 307, "Configuration", false, { location: "http://hitachi.stub/elsewhere" }],
    ["csrf", 429, "Throttled", true, {}],
    ["csrf", 503, "Unavailable", true, {}],
    ["csrf", 500, "ServerError", true, {}],
    ["csrf", 501, "ServerError", false, {}],
    // A token URL that is no token endpoint: the credentials' configuration, not the MAPI's "not found".
    ["token", 404, "Configuration", false, {}],
    ["token", 401, "InvalidCredentials", false, {}],
    ["token", 429, "Throttled", true, {}],
  ] as const)("%s answering HTTP %s → %s (retryable: %s)", async (stage, status, kind, retryable, headers) => {
    const server = failingOnce(stage, () => new Response(null, { status, headers }));
    const retries: RetryInfo[] = [];
    const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], {
      fetch: server.fetch,
      credentials: password,
      retry: { baseDelayMs: 0, onRetry: (info: RetryInfo) => retries.push(info) },
    });
    const call = client.listBucketsPage({ userId: 1 });
    if (retryable) {
      await expect(call).resolves.toMatchObject({ buckets: [{ name: "b1" }] }); // the retry shakes hands anew
      expect(retries.map((r) => [r.error.kind, r.error.status, r.error.retryable])).toEqual([[kind, status, true]]);
    } else {
      expect(await rejection(call)).toMatchObject({ kind, status, retryable: false, attempts: 1 });
      expect(server.seen.lists).toBe(0);
    }
  });

  it("a 2xx CSRF answer without the XSRF-TOKEN cookie, or a grant without access_token, is MalformedResponse, not retried", async () => {
    for (const stage of ["csrf", "token"] as const) {
      const server = failingOnce(stage, () => (stage === "csrf" ? new Response(null, { status: 200 }) : Response.json({ token_type: "Bearer" })));
      const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], { fetch: server.fetch, credentials: password, ...fast });
      expect(await rejection(client.listBucketsPage({ userId: 1 }))).toMatchObject({ kind: "MalformedResponse", status: 200, retryable: false, attempts: 1 });
    }
  });

  it("a refused CSRF handshake carries the MAPI's code and message, as a refused call does", async () => {
    const server = failingOnce("csrf", () => Response.json({ code: "401", message: "Access was denied due to invalid credentials.", details: "" }, { status: 401 }));
    const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], { fetch: server.fetch, credentials: password, ...fast });
    const err = await rejection(client.listBucketsPage({ userId: 1 }));
    expect(err).toMatchObject({ kind: "InvalidCredentials", status: 401, code: "401", vendorMessage: "Access was denied due to invalid credentials.", attempts: 1 });
    expect(err.message).toMatch(/^hitachi-vsp-one-object: CSRF request to \S+ failed with HTTP 401 \(401: Access was denied due to invalid credentials\.\)$/);
  });

  it("the handshake's Retry-After sets the wait before the next attempt", async () => {
    for (const stage of ["csrf", "token"] as const) {
      const server = failingOnce(stage, () => new Response(null, { status: 429, headers: { "retry-after": "0.04" } }));
      const delays: number[] = [];
      const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], {
        fetch: server.fetch,
        credentials: password,
        retry: { baseDelayMs: 0, onRetry: (info: RetryInfo) => delays.push(info.delayMs) },
      });
      await expect(client.listBucketsPage({ userId: 1 })).resolves.toMatchObject({ buckets: [{ name: "b1" }] });
      expect(delays).toEqual([40]);
    }
  });
});
