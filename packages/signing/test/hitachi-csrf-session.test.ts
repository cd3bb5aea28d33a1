// The Hitachi session's CSRF half against a model of `GET {base}/v1/csrf` given as its `fetch` (Set-Cookie
// XSRF-TOKEN + vertx-web.session, as the HCP-CS 2.5.x "Requesting and submitting a CSRF token" page and
// Hitachi's Ansible collection describe): one handshake for concurrent callers, generation-checked
// invalidation, cookies a later response re-sets, browser fallbacks, and errors without cookie values.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { hitachiCsrfSession } from "../src/hitachi/csrf-session.js";
import { HitachiSessionError } from "../src/hitachi/session-error.js";

const url = "https://admin.region1.cluster1/mapi/v1/csrf";
const XSRF_PREFIX = "S3ntinel-XSRF-";
const SESSION_PREFIX = "S3ntinel-VERTX-";

/** The CSRF endpoint: a fresh XSRF-TOKEN and session per GET; `hold` keeps answers back until released. */
function csrfEndpoint(answer?: (n: number) => Response) {
  const requests: Request[] = [];
  let held: (() => void)[] | undefined;
  return {
    requests,
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const go of waiting) go();
    },
    fetch: async (request: Request): Promise<Response> => {
      requests.push(request);
      const n = requests.length;
      if (held) await new Promise<void>((go) => held!.push(go));
      if (answer) return answer(n);
      const headers = new Headers();
      headers.append("Set-Cookie", `XSRF-TOKEN=${XSRF_PREFIX}${n}; Path=/`);
      headers.append("Set-Cookie", `vertx-web.session=${SESSION_PREFIX}${n}; Path=/; HTTPOnly`);
      return new Response(null, { status: 200, headers });
    },
  };
}

describe("handshake", () => {
  it("GETs the CSRF URL without Authorization, with credentials: include, and keeps the token and every cookie", async () => {
    const server = csrfEndpoint();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    expect(csrf.ready).toBe(false);
    const state = await csrf.current();
    const sent = server.requests[0]!;
    expect([sent.method, sent.url, sent.credentials, sent.headers.get("authorization")]).toEqual(["GET", url, "include", null]);
    expect(state.xsrf).toBe(`${XSRF_PREFIX}1`);
    expect(state.jar.header()).toBe(`XSRF-TOKEN=${XSRF_PREFIX}1; vertx-web.session=${SESSION_PREFIX}1`);
    expect(csrf.ready).toBe(true);
    expect(csrf.current()).toBe(state); // cached: no second GET
    expect(server.requests).toHaveLength(1);
  });

  it("concurrent callers share one GET", async () => {
    const server = csrfEndpoint();
    server.hold();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    const all = Promise.all(Array.from({ length: 10 }, () => csrf.current()));
    server.release();
    expect(new Set(await all).size).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("a combined Set-Cookie header (a runtime without Headers.getSetCookie) is split", async () => {
    const combined = "XSRF-TOKEN=t1; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT, vertx-web.session=s1; HttpOnly";
    const csrf = hitachiCsrfSession({
      url,
      fetch: async () => {
        const headers = new Headers({ "Set-Cookie": combined });
        Object.defineProperty(headers, "getSetCookie", { value: undefined });
        return { ok: true, status: 200, headers, body: null } as unknown as Response;
      },
    });
    const state = await csrf.current();
    expect([state.xsrf, state.jar.header()]).toEqual(["t1", "XSRF-TOKEN=t1; vertx-web.session=s1"]);
  });

  it("browsers hide Set-Cookie: on a page of the MAPI's host (any port), the XSRF-TOKEN is read from document.cookie, rotations too", async () => {
    const g = globalThis as { document?: { cookie: string }; location?: unknown };
    g.document = { cookie: "theme=dark; XSRF-TOKEN=from%20jar" };
    // A browser keeps cookies per host: a page on another port of it sees the MAPI's.
    g.location = { hostname: "admin.region1.cluster1", origin: "https://admin.region1.cluster1:8443" };
    try {
      const csrf = hitachiCsrfSession({ url, fetch: async () => new Response(null, { status: 200 }) });
      const state = await csrf.current();
      expect(state.xsrf).toBe("from jar");
      expect(state.jar.header()).toBe(""); // nothing to send ourselves: the browser's jar carries the cookies
      // The MAPI rotates the token: the browser's jar takes it (the script sees no Set-Cookie); the header follows.
      g.document.cookie = "theme=dark; XSRF-TOKEN=rotated";
      csrf.absorb(new Response(null, { status: 200 }), state.generation);
      expect(state.xsrf).toBe("rotated");
    } finally {
      delete g.document;
      delete g.location;
    }
  });

  it("a page on another host: its own XSRF-TOKEN (Angular, Spring, Laravel) is never taken for the MAPI's", async () => {
    const g = globalThis as { document?: { cookie: string }; location?: unknown };
    g.document = { cookie: "XSRF-TOKEN=PAGE-ORIGIN-SECRET" };
    g.location = { hostname: "app.example.com", origin: "https://app.example.com" };
    try {
      const csrf = hitachiCsrfSession({ url, fetch: async () => new Response(null, { status: 200 }) });
      const err = await Promise.resolve(csrf.current()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HitachiSessionError);
      expect((err as Error).message).toMatch(/set no XSRF-TOKEN cookie; a page can read it only when the MAPI is on the page's host/);
      expect((err as Error).message).not.toContain("PAGE-ORIGIN-SECRET");
    } finally {
      delete g.document;
      delete g.location;
    }
  });

  it("a redirect is not followed: the handshake fails naming the origin it points to (never its path or query)", async () => {
    const endpoint = csrfEndpoint(() => new Response(null, { status: 307, headers: { location: "http://elsewhere.example:8443/csrf?ticket=S3cret" } }));
    const csrf = hitachiCsrfSession({ url, fetch: endpoint.fetch });
    const err = await Promise.resolve(csrf.current()).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/failed with HTTP 307; a redirect to http:\/\/elsewhere\.example:8443, not followed: use the URL it points to$/);
    expect(endpoint.requests[0]!.redirect).toBe("manual");
    // A relative Location (a transport's Response has no url) is read against the CSRF URL.
    const relative = csrfEndpoint(() => new Response(null, { status: 302, headers: { location: "/login?next=S3cret" } }));
    const again = await Promise.resolve(hitachiCsrfSession({ url, fetch: relative.fetch }).current()).catch((e: unknown) => e);
    expect((again as Error).message).toContain(`failed with HTTP 302; a redirect to ${new URL(url).origin}, not followed`);
    expect((again as Error).message).not.toContain("S3cret");
  });
});

describe("callers that give up (their AbortSignal aborts)", () => {
  it("one caller leaving does not abort the GET the others wait for", async () => {
    const server = csrfEndpoint();
    server.hold();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    const quitting = new AbortController();
    const quitter = csrf.current(quitting.signal);
    const stayer = csrf.current(new AbortController().signal);
    quitting.abort(new Error("caller 1 gave up"));
    await expect(quitter).rejects.toThrow("caller 1 gave up");
    expect(server.requests[0]!.signal.aborted).toBe(false);
    server.release();
    expect((await stayer).xsrf).toBe(`${XSRF_PREFIX}1`);
    expect(server.requests).toHaveLength(1);
  });

  it("a GET every caller gave up on is aborted and not handed to the next caller, whose GET succeeds", async () => {
    const server = csrfEndpoint();
    server.hold();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    const [a, b] = [new AbortController(), new AbortController()];
    const first = csrf.current(a.signal);
    const second = csrf.current(b.signal);
    a.abort();
    b.abort(new Error("attempt timed out"));
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    await expect(second).rejects.toThrow("attempt timed out");
    expect(server.requests[0]!.signal.aborted).toBe(true);
    expect(csrf.ready).toBe(false);
    const next = csrf.current();
    server.release(); // the abandoned GET's late answer is not the one kept
    expect((await next).xsrf).toBe(`${XSRF_PREFIX}2`);
    expect(csrf.current()).toMatchObject({ xsrf: `${XSRF_PREFIX}2` });
    expect(server.requests).toHaveLength(2);
  });

  it("a caller whose signal has already aborted sends no GET", async () => {
    const server = csrfEndpoint();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    await expect(csrf.current(AbortSignal.abort(new Error("too late")))).rejects.toThrow("too late");
    expect(server.requests).toHaveLength(0);
    expect((await csrf.current()).xsrf).toBe(`${XSRF_PREFIX}1`);
  });
});

describe("invalidate and absorb", () => {
  it("invalidate(generation) drops only that handshake: callers that used it cause one new GET", async () => {
    const server = csrfEndpoint();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    const first = await csrf.current();
    csrf.invalidate(first.generation);
    expect(csrf.ready).toBe(false);
    const second = await csrf.current();
    expect(second.xsrf).toBe(`${XSRF_PREFIX}2`);
    csrf.invalidate(first.generation); // a late 401 for a request made with the first handshake
    expect(csrf.current()).toBe(second);
    // A 401 while the new GET is under way does not start a third.
    csrf.invalidate(second.generation);
    server.hold();
    const third = csrf.current();
    csrf.invalidate(second.generation);
    const alsoThird = csrf.current();
    server.release();
    expect(await alsoThird).toBe(await third);
    expect(server.requests).toHaveLength(3);
    csrf.invalidate(); // without a generation: whatever is current
    await csrf.current();
    expect(server.requests).toHaveLength(4);
  });

  it("adopts cookies a MAPI response re-sets (rotated XSRF-TOKEN, deleted cookie), unless it answered an older handshake", async () => {
    const csrf = hitachiCsrfSession({ url, fetch: csrfEndpoint().fetch });
    const state = await csrf.current();
    const setting = (...lines: string[]) => {
      const headers = new Headers();
      for (const line of lines) headers.append("Set-Cookie", line);
      return new Response(null, { headers });
    };
    csrf.absorb(setting("XSRF-TOKEN=rotated; Path=/", "lb=node-2"), state.generation);
    expect(state.xsrf).toBe("rotated");
    expect(state.jar.header()).toBe(`XSRF-TOKEN=rotated; vertx-web.session=${SESSION_PREFIX}1; lb=node-2`);
    csrf.absorb(setting("lb=; Max-Age=0")); // no known generation: the current state
    expect(state.jar.header()).toBe(`XSRF-TOKEN=rotated; vertx-web.session=${SESSION_PREFIX}1`);
    csrf.absorb(setting("XSRF-TOKEN=older"), state.generation - 1);
    expect(state.xsrf).toBe("rotated");
  });

  it("a handshake cookie past its Max-Age (injected clock) takes the handshake with it: the next caller shakes hands anew", async () => {
    let now = 1_700_000_000_000;
    const server = csrfEndpoint((n) => {
      const headers = new Headers();
      headers.append("Set-Cookie", `XSRF-TOKEN=${XSRF_PREFIX}${n}; Path=/; Max-Age=1800`);
      headers.append("Set-Cookie", `vertx-web.session=${SESSION_PREFIX}${n}; Path=/; HTTPOnly`);
      return new Response(null, { headers });
    });
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch, clock: () => now });
    const first = await csrf.current();
    now += 1799_000;
    expect(csrf.current()).toBe(first);
    now += 1_000;
    const second = await csrf.current();
    expect(second.xsrf).toBe(`${XSRF_PREFIX}2`);
    expect(second.jar.header()).toBe(`XSRF-TOKEN=${XSRF_PREFIX}2; vertx-web.session=${SESSION_PREFIX}2`);
    expect(server.requests).toHaveLength(2);
  });

  it("a response that deletes the XSRF-TOKEN cookie drops the handshake: the next caller shakes hands anew", async () => {
    const server = csrfEndpoint();
    const csrf = hitachiCsrfSession({ url, fetch: server.fetch });
    const state = await csrf.current();
    const headers = new Headers();
    headers.append("Set-Cookie", "XSRF-TOKEN=; Max-Age=0; Path=/");
    csrf.absorb(new Response(null, { headers }), state.generation);
    expect(csrf.ready).toBe(false);
    const next = await csrf.current();
    expect(next.xsrf).toBe(`${XSRF_PREFIX}2`);
    expect(next.generation).not.toBe(state.generation);
    expect(server.requests).toHaveLength(2);
    // A Set-Cookie that leaves XSRF-TOKEN alone changes nothing of the kind.
    const other = new Headers({ "Set-Cookie": "lb=node-2" });
    csrf.absorb(new Response(null, { headers: other }), next.generation);
    expect(csrf.current()).toBe(next);
  });
});

describe("errors", () => {
  async function failure(csrf: ReturnType<typeof hitachiCsrfSession>): Promise<HitachiSessionError> {
    const e = await Promise.resolve()
      .then(() => csrf.current())
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(HitachiSessionError);
    expect((e as HitachiSessionError).stage).toBe("csrf");
    return e as HitachiSessionError;
  }

  it("an error status is reported, and not cached: the next call tries again", async () => {
    let fail = true;
    const server = csrfEndpoint((n) => (fail ? new Response(null, { status: 503, headers: { "Retry-After": "5" } }) : new Response(null, { headers: { "Set-Cookie": `XSRF-TOKEN=${XSRF_PREFIX}${n}` } })));
    const csrf = hitachiCsrfSession({ url: `${url}?leak=${XSRF_PREFIX}`, fetch: server.fetch });
    const e = await failure(csrf);
    expect(e.message).toBe(`hitachiSession: CSRF request to ${url} failed with HTTP 503`);
    expect([e.status, e.endpoint, e.retryAfter]).toEqual([503, url, "5"]);
    fail = false;
    await expect(Promise.resolve(csrf.current())).resolves.toMatchObject({ xsrf: `${XSRF_PREFIX}2` });
  });

  it("a refused handshake keeps the MAPI's error body (JSON parsed, else text); an oversized one is not read whole", async () => {
    const mapiError = { code: "401", message: "Access was denied due to invalid credentials.", details: "" };
    const json = await failure(hitachiCsrfSession({ url, fetch: async () => Response.json(mapiError, { status: 401 }) }));
    expect([json.status, json.body]).toEqual([401, mapiError]);
    const text = await failure(hitachiCsrfSession({ url, fetch: async () => new Response("Forbidden", { status: 403 }) }));
    expect(text.body).toBe("Forbidden");
    const empty = await failure(hitachiCsrfSession({ url, fetch: async () => new Response(null, { status: 503 }) }));
    expect(empty.body).toBeUndefined();
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(4096).fill(0x41));
      },
    });
    const huge = await failure(hitachiCsrfSession({ url, fetch: async () => new Response(endless, { status: 500 }) }));
    expect(huge.body).toBeUndefined();
    expect(pulls).toBeLessThan(10);
  });

  it("a 404 asks whether the base URL is the MAPI base (the usual cause: /mapi left out)", async () => {
    const csrf = hitachiCsrfSession({ url: "https://admin.region1.cluster1/v1/csrf", fetch: async () => new Response(null, { status: 404 }) });
    const e = await failure(csrf);
    expect(e.message).toBe("hitachiSession: CSRF request to https://admin.region1.cluster1/v1/csrf failed with HTTP 404 (is the base URL the MAPI base, e.g. https://admin.region1.cluster1/mapi?)");
    expect(e.status).toBe(404);
  });

  it("a response without an XSRF-TOKEN cookie names the cookies it did set, not their values", async () => {
    const csrf = hitachiCsrfSession({ url, fetch: async () => new Response(null, { headers: { "Set-Cookie": `vertx-web.session=${SESSION_PREFIX}x; Path=/` } }) });
    const e = await failure(csrf);
    expect(e.message).toBe(`hitachiSession: CSRF response from ${url} (HTTP 200) set no XSRF-TOKEN cookie (cookies set: vertx-web.session)`);
    expect(inspect(e, { depth: 10 })).not.toContain(SESSION_PREFIX);
  });

  it("a network failure names the endpoint and the error code", async () => {
    const csrf = hitachiCsrfSession({
      url,
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
      },
    });
    expect((await failure(csrf)).message).toBe(`hitachiSession: CSRF request to ${url} failed: TypeError (ECONNREFUSED)`);
  });

  it("a network failure without a code keeps the platform's fixed message (workerd), and no other message", async () => {
    // workerd's fetch rejects a refused or reset connection with this plain Error.
    const lost = hitachiCsrfSession({ url, fetch: async () => Promise.reject(new Error("Network connection lost.")) });
    expect((await failure(lost)).message).toBe(`hitachiSession: CSRF request to ${url} failed: Error: Network connection lost.`);
    // Any other message may echo a URL with its query: it stays out of the message (the error keeps it as `cause`).
    const other = hitachiCsrfSession({ url, fetch: async () => Promise.reject(new TypeError(`bad request to ${url}?token=secret`)) });
    expect((await failure(other)).message).toBe(`hitachiSession: CSRF request to ${url} failed: TypeError`);
  });
});
