// Re-authentication as an attempt of the call's retry loop (Hitachi: a 401 means the bearer token or the CSRF
// session expired). The session drops the state the rejected request used and returns the 401; the loop makes
// one more attempt — once per call, counted in `attempts`, outside the retry policy and budget — under the
// call's signal, per-attempt timeout and deadline, like every other attempt.
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXIT, exitCodeFor } from "../../src/cli/exit.js";
import { RetryBudget, type RetryInfo } from "../../src/index.js";
import { clientFor, rejection, STUB_ENDPOINT, VALID_BODY, within, type Fetch } from "./helpers.js";

const endpoint = STUB_ENDPOINT["hitachi-vsp-one-object"];
const tokenUrl = "http://auth.stub/realms/vsp-object/protocol/openid-connect/token";
const ok = () => new Response(VALID_BODY["hitachi-vsp-one-object"].body, { status: 200, headers: { "content-type": "application/json" } });
const unauthorized = () => new Response(null, { status: 401 });
const busy = () => new Response(JSON.stringify({ code: "busy", message: "busy" }), { status: 503, headers: { "content-type": "application/json" } });

/**
 * A Hitachi server as a fetch: a password-grant token endpoint (token-1, token-2, …), GET /v1/csrf (xsrf-1,
 * xsrf-2, …) and list_buckets, whose answer `list` decides from what the request carries.
 */
function hitachiServer(list: (request: Request, sent: { token: string; xsrf: string; body: string }, index: number) => Response | Promise<Response>) {
  const seen = { tokens: 0, handshakes: 0, lists: [] as { token: string; xsrf: string; body: string }[] };
  const fetch: Fetch = async (request) => {
    if (request.url === tokenUrl) {
      seen.tokens++;
      return Response.json({ access_token: `token-${seen.tokens}`, expires_in: 300 });
    }
    if (request.url.endsWith("/v1/csrf")) {
      seen.handshakes++;
      return new Response(null, { headers: [["set-cookie", `XSRF-TOKEN=xsrf-${seen.handshakes}; Path=/`]] });
    }
    const sent = { token: request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "", xsrf: request.headers.get("x-xsrf-token") ?? "", body: await request.text() };
    seen.lists.push(sent);
    return list(request, sent, seen.lists.length - 1);
  };
  return { fetch, seen };
}

const password = { username: "admin", password: "pw-not-a-secret", tokenUrl };

/** Settles when `signal` aborts, rejecting with its reason (a request that is never answered). */
const untilAborted = (signal: AbortSignal, onAbort: () => void) =>
  new Promise<Response>((_, reject) => {
    const abort = () => {
      onAbort();
      reject(signal.reason);
    };
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
  });

describe("a 401 re-authenticates once, as one more attempt of the call", () => {
  it("new token and CSRF session, the same body, the result; onRetry sees it; the retry budget is not charged", async () => {
    const { fetch, seen } = hitachiServer((_, sent) => (sent.token === "token-1" ? unauthorized() : ok()));
    const retries: RetryInfo[] = [];
    const budget = new RetryBudget({ capacity: 10 });
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, credentials: password, retryBudget: budget, retry: { onRetry: (i: RetryInfo) => retries.push(i) } });
    await expect(client.listBucketsPage({ userId: 3 })).resolves.toMatchObject({ buckets: [{ name: "b1" }] });
    expect(seen.lists.map((l) => `${l.token} ${l.xsrf}`)).toEqual(["token-1 xsrf-1", "token-2 xsrf-2"]);
    expect(seen.lists[1]!.body).toBe(seen.lists[0]!.body);
    expect(JSON.parse(seen.lists[0]!.body)).toEqual({ id: 3, count: 1000 });
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 1, delayMs: 0, error: { kind: "InvalidCredentials", status: 401 } });
    expect(budget.stats()).toMatchObject({ available: 10, granted: 0, denied: 0 });
  });

  it("a second 401 is returned as InvalidCredentials with attempts 2 — once per call, whatever the retry policy", async () => {
    const { fetch, seen } = hitachiServer(() => unauthorized());
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, credentials: password, retry: { maxAttempts: 5, baseDelayMs: 0 } });
    const err = await rejection(client.listBucketsPage({ userId: 3 }));
    expect(err).toMatchObject({ kind: "InvalidCredentials", status: 401, retryable: false, attempts: 2 });
    expect([seen.lists.length, seen.tokens, seen.handshakes]).toEqual([2, 2, 2]);
    // The next call is a new call: it starts from a fresh session (the second 401 dropped that one too) and
    // re-authenticates once more (and only once).
    expect(await rejection(client.listBucketsPage({ userId: 3 }))).toMatchObject({ kind: "InvalidCredentials", attempts: 2 });
    expect([seen.lists.length, seen.tokens, seen.handshakes]).toEqual([4, 4, 4]);
  });

  it("retry: false still re-authenticates (it is not a retry of a failure)", async () => {
    const { fetch, seen } = hitachiServer((_, sent) => (sent.xsrf === "xsrf-1" ? unauthorized() : ok()));
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, retry: false });
    await expect(client.listBucketsPage({ userId: 3 })).resolves.toMatchObject({ buckets: [{ name: "b1" }] });
    expect(seen.lists).toHaveLength(2);
  });

  it("outside the retry policy: after re-authenticating, a 503 still gets the policy's retries", async () => {
    const answers = [unauthorized, busy, ok];
    const { fetch, seen } = hitachiServer((_, __, i) => answers[i]!());
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, retry: { maxAttempts: 2, baseDelayMs: 0 } });
    await expect(client.listBucketsPage({ userId: 3 })).resolves.toMatchObject({ buckets: [{ name: "b1" }] });
    expect(seen.lists).toHaveLength(3);

    const failing = hitachiServer((_, __, i) => (i === 0 ? unauthorized() : busy()));
    const again = clientFor("hitachi-vsp-one-object", endpoint, { fetch: failing.fetch, retry: { maxAttempts: 2, baseDelayMs: 0 } });
    expect(await rejection(again.listBucketsPage({ userId: 3 }))).toMatchObject({ kind: "Unavailable", status: 503, attempts: 3 });
  });

  it("a rejected password grant is not an expired session: no second grant (an account lockout is one failed login away)", async () => {
    let grants = 0;
    const fetch: Fetch = async (request) => {
      if (request.url === tokenUrl) {
        grants++;
        return Response.json({ error: "invalid_grant" }, { status: 401 });
      }
      if (request.url.endsWith("/v1/csrf")) return new Response(null, { headers: { "set-cookie": "XSRF-TOKEN=x; Path=/" } });
      return ok();
    };
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, credentials: password, retry: { maxAttempts: 5, baseDelayMs: 0 } });
    expect(await rejection(client.listBucketsPage({ userId: 3 }))).toMatchObject({ kind: "InvalidCredentials", status: 401, attempts: 1 });
    expect(grants).toBe(1);
  });
});

// A token URL that is no token endpoint answered 404, which the session reported as the MAPI's own NotFound (CLI exit
// 4, "not found"), under the middleware's name "hitachiSession:". It is the credentials' configuration that is wrong.
describe("a token URL that is no token endpoint", () => {
  it.each([404, 405])("HTTP %i: a credentials Configuration error naming where the URL is set, not retried (CLI exit 3)", async (status) => {
    let grants = 0;
    const fetch: Fetch = async (request) => {
      if (request.url === tokenUrl) {
        grants++;
        return new Response("<html>Not Found</html>", { status, headers: { "content-type": "text/html" } });
      }
      if (request.url.endsWith("/v1/csrf")) return new Response(null, { headers: { "set-cookie": "XSRF-TOKEN=x; Path=/" } });
      return ok();
    };
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, credentials: password, retry: { maxAttempts: 5, baseDelayMs: 0 } });
    const err = await rejection(client.listBucketsPage({ userId: 3 }));
    expect(err).toMatchObject({ kind: "Configuration", status, attempts: 1, retryable: false });
    expect(err.message).toBe(`hitachi-vsp-one-object: token request to ${tokenUrl} failed with HTTP ${status}: check the token URL (tokenUrl, or VSP_ONE_OBJECT_TOKEN_URL)`);
    expect(exitCodeFor(err)).toBe(EXIT.auth);
    expect(grants).toBe(1);
  });
});

describe("the re-authentication attempt obeys the call's signal, timeout and deadline", () => {
  afterEach(() => vi.useRealTimers());
  // The deadline and the attempt timeout run on a fake clock that moves only once the re-authenticated request is
  // in flight: the first attempt, its 401 and the new handshake take no time on it, however slow the machine.
  const fakeClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });

  it("the caller's signal cancels it in flight: Aborted, attempts 2, the request's own signal aborted", async () => {
    const controller = new AbortController();
    let replayCancelled = false;
    const { fetch } = hitachiServer((request, _, i) => {
      if (i === 0) return unauthorized();
      controller.abort(); // the caller gives up while the re-authenticated request is in flight
      return untilAborted(request.signal, () => (replayCancelled = true));
    });
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, timeoutMs: 0 });
    const err = await rejection(client.listBucketsPage({ userId: 3, signal: controller.signal }));
    expect(err).toMatchObject({ kind: "Aborted", attempts: 2 });
    expect(replayCancelled).toBe(true);
  });

  /** A server whose first list answer is a 401 and whose second (the replay) never comes; `replayed` resolves once the replay is in flight. */
  function stallingReplay() {
    let replayCancelled = false;
    let arrived!: () => void;
    const replayed = new Promise<void>((resolve) => (arrived = resolve));
    const { fetch } = hitachiServer((request, _, i) => {
      if (i === 0) return unauthorized();
      arrived();
      return untilAborted(request.signal, () => (replayCancelled = true));
    });
    return { fetch, replayed, cancelled: () => replayCancelled };
  }

  it("the call's deadline cancels it in flight: Timeout, attempts 2", async () => {
    fakeClock();
    const server = stallingReplay();
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch: server.fetch, timeoutMs: 0, deadlineMs: 100 });
    const call = rejection(client.listBucketsPage({ userId: 3 }));
    await within(server.replayed, 10_000, "the replay");
    await vi.advanceTimersByTimeAsync(99);
    expect(server.cancelled(), "cancelled before the deadline").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await within(call, 10_000);
    expect(err).toMatchObject({ kind: "Timeout", retryable: false, attempts: 2 });
    expect(err.message).toMatch(/deadline of 100 ms exceeded after 2 attempts/);
    expect(server.cancelled()).toBe(true);
  });

  it("the per-attempt timeout bounds it like any attempt (and, with retry: false, ends the call)", async () => {
    fakeClock();
    const server = stallingReplay();
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch: server.fetch, timeoutMs: 50, retry: false });
    const call = rejection(client.listBucketsPage({ userId: 3 }));
    await within(server.replayed, 10_000, "the replay");
    await vi.advanceTimersByTimeAsync(49);
    expect(server.cancelled(), "cancelled before its timeout").toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await within(call, 10_000);
    expect(err).toMatchObject({ kind: "Timeout", attempts: 2 });
    expect(err.message).toMatch(/no response within 50 ms/);
    expect(server.cancelled()).toBe(true);
  });
});

describe("concurrent calls", () => {
  it("10 calls rejected together with the same token cause one token refresh and one new handshake", async () => {
    // The first 10 requests are answered only once all 10 have arrived: every one was sent with token-1.
    let waiting: (() => void)[] = [];
    const { fetch, seen } = hitachiServer(async (_, sent, i) => {
      if (i < 10) {
        await new Promise<void>((go) => {
          waiting.push(go);
          if (waiting.length === 10) for (const release of waiting.splice(0)) release();
        });
      }
      return sent.token === "token-1" ? unauthorized() : ok();
    });
    const client = clientFor("hitachi-vsp-one-object", endpoint, { fetch, credentials: password });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => client.listBucketsPage({ userId: i })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    expect(seen.tokens).toBe(2);
    expect(seen.handshakes).toBe(2);
    expect(seen.lists).toHaveLength(20);
    expect(new Set(seen.lists.slice(10).map((l) => `${l.token} ${l.xsrf}`))).toEqual(new Set(["token-2 xsrf-2"]));
    waiting = [];
  });
});
