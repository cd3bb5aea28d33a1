// Hitachi VSP One Object MAPI session middleware (`@bucketry/signing/hitachi-session`: the token provider,
// the CSRF session and the cookie jar wired into openapi-fetch) against an MSW model of the server: the token
// endpoint (Keycloak password grant), GET /v1/csrf (Set-Cookie XSRF-TOKEN + vertx-web.session) and
// POST /v1/user/list_buckets, which answers 401 unless Authorization, X-XSRF-TOKEN and both cookies are current.
// There is no Hitachi SDK to compare with; the wire format follows specs/hitachi-vsp-one-object.yaml and
// Hitachi's Ansible collection (gateway_oo.py). Each part's own behaviour is tested in hitachi-*.test.ts.
import { inspect } from "node:util";
import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  HitachiSessionError,
  hitachiSession,
  readSetCookies,
  splitCombinedSetCookie,
  type HitachiSessionOptions,
} from "../src/hitachi-session.js";

const base = "https://admin.region1.cluster1/mapi";
const tokenUrl = "https://admin.gms.cluster1/ui/auth/realms/vsp-object/protocol/openid-connect/token";
const seedExample = { buckets: [{ bucketId: 0, bucketName: "example" }], pageToken: "example" };

// Sentinels: none of these may ever show up in an error message, toJSON or util.inspect output.
const PASSWORD = "S3ntinel-PASSWORD+/=&?";
const CLIENT_SECRET = "S3ntinel-CLIENT-SECRET";
const TOKEN_PREFIX = "S3ntinel-TOKEN-";
const XSRF_PREFIX = "S3ntinel-XSRF-";
const SESSION_PREFIX = "S3ntinel-VERTX-";

/** Mutable model of the server. */
const srv = {
  tokenCount: 0,
  csrfCount: 0,
  listCount: 0,
  expiresIn: 300 as number | undefined,
  validTokens: new Set<string>(),
  validXsrf: new Set<string>(),
  validSessions: new Set<string>(),
  tokenForms: [] as { contentType: string | null; body: string }[],
  csrfHeaders: [] as Headers[],
  listRequests: [] as { headers: Headers; body: unknown }[],
  /** Extra Set-Cookie lines for the next list_buckets response. */
  listSetCookie: [] as string[],
  /** Delay (ms) before token/csrf answer, to make concurrency observable. */
  delay: 0,
  /** When set, list_buckets answers are held until this many requests have arrived (then all are answered). */
  barrier: 0,
};
let held: (() => void)[] = [];

function resetServer(): void {
  srv.tokenCount = 0;
  srv.csrfCount = 0;
  srv.listCount = 0;
  srv.expiresIn = 300;
  srv.validTokens.clear();
  srv.validXsrf.clear();
  srv.validSessions.clear();
  srv.tokenForms.length = 0;
  srv.csrfHeaders.length = 0;
  srv.listRequests.length = 0;
  srv.listSetCookie = [];
  srv.delay = 0;
  srv.barrier = 0;
  held = [];
  wire.length = 0;
}

/** The server forgets every token and CSRF session (token expiry / XSRF lifetime over). */
function expireEverything(): void {
  srv.validTokens.clear();
  srv.validXsrf.clear();
  srv.validSessions.clear();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** First occurrence wins: MSW's own cookie-jar emulation appends stored cookies after the ones the client sent. */
function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq).trim();
    if (eq > 0 && !out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * Requests exactly as the client put them on the wire. Handlers can't be used for header assertions:
 * MSW emulates a browser cookie jar (it stores Set-Cookie from mocked responses and appends those cookies,
 * attributes included, to the Cookie header of later intercepted requests).
 */
const wire: { url: string; method: string; headers: Headers }[] = [];
const recordingFetch = (request: Request): Promise<Response> => {
  wire.push({ url: request.url, method: request.method, headers: new Headers(request.headers) });
  return globalThis.fetch(request);
};
const sentToList = () => wire.filter((r) => r.url === `${base}/v1/user/list_buckets`);

const server = setupServer(
  http.post(tokenUrl, async ({ request }) => {
    srv.tokenCount++;
    const body = await request.text();
    srv.tokenForms.push({ contentType: request.headers.get("content-type"), body });
    if (srv.delay) await sleep(srv.delay);
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "password" || form.get("password") !== PASSWORD) {
      return HttpResponse.json({ error: "invalid_grant", error_description: `Invalid user credentials ${form.get("password")}` }, { status: 401 });
    }
    const token = `${TOKEN_PREFIX}${srv.tokenCount}`;
    srv.validTokens.add(token);
    return HttpResponse.json({ access_token: token, token_type: "Bearer", expires_in: srv.expiresIn, refresh_token: "r" });
  }),
  http.get(`${base}/v1/csrf`, async ({ request }) => {
    srv.csrfCount++;
    srv.csrfHeaders.push(request.headers);
    if (srv.delay) await sleep(srv.delay);
    const xsrf = `${XSRF_PREFIX}${srv.csrfCount}`;
    const session = `${SESSION_PREFIX}${srv.csrfCount}`;
    srv.validXsrf.add(xsrf);
    srv.validSessions.add(session);
    const headers = new Headers();
    headers.append("Set-Cookie", `XSRF-TOKEN=${xsrf}; Path=/`);
    headers.append("Set-Cookie", `vertx-web.session=${session}; Path=/; HTTPOnly`);
    return new HttpResponse(null, { status: 200, headers });
  }),
  http.post(`${base}/v1/user/list_buckets`, async ({ request }) => {
    srv.listCount++;
    if (srv.barrier > 0) {
      // Every request of a concurrent batch is in before any is answered: all were sent with the same state.
      await new Promise<void>((go) => {
        held.push(go);
        if (held.length === srv.barrier) {
          srv.barrier = 0;
          for (const release of held.splice(0)) release();
        }
      });
    }
    const body: unknown = await request.json().catch(() => undefined);
    srv.listRequests.push({ headers: request.headers, body });
    const auth = request.headers.get("authorization") ?? "";
    const xsrf = request.headers.get("x-xsrf-token") ?? "";
    const cookies = parseCookieHeader(request.headers.get("cookie"));
    const ok =
      auth.startsWith("Bearer ") &&
      srv.validTokens.has(auth.slice(7)) &&
      srv.validXsrf.has(xsrf) &&
      cookies.get("XSRF-TOKEN") === xsrf &&
      srv.validSessions.has(cookies.get("vertx-web.session") ?? "");
    if (!ok) return new HttpResponse(null, { status: 401 });
    const headers = new Headers({ "Content-Type": "application/json" });
    for (const line of srv.listSetCookie) headers.append("Set-Cookie", line);
    srv.listSetCookie = [];
    return new HttpResponse(JSON.stringify(seedExample), { status: 200, headers });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => resetServer());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let now = 1_700_000_000_000;
const clock = () => now;

function passwordSession(extra: Partial<HitachiSessionOptions> = {}) {
  return hitachiSession({
    baseUrl: base,
    credentials: { username: "admin user", password: PASSWORD, tokenUrl },
    clock,
    ...extra,
  });
}

/** A typed client from the generated package with the session as openapi-fetch middleware. */
function clientWith(session: ReturnType<typeof hitachiSession>, RequestClass?: typeof Request) {
  const client = createClient({ baseUrl: base, fetch: recordingFetch, ...(RequestClass ? { Request: RequestClass } : {}) });
  client.use(session);
  return client;
}

const listBody = { id: 0, count: 602, pageToken: "pageToken" };

describe("hitachiSession: handshake headers", () => {
  it("sends Bearer token, X-XSRF-TOKEN = the XSRF-TOKEN cookie, both cookies, and Accept: application/json", async () => {
    const client = clientWith(passwordSession());
    const { data, error, response } = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(seedExample);

    const sent = sentToList()[0]!;
    expect(srv.listRequests[0]!.body).toEqual(listBody);
    const cookies = parseCookieHeader(sent.headers.get("cookie"));
    expect(sent.headers.get("cookie")).toBe(`XSRF-TOKEN=${XSRF_PREFIX}1; vertx-web.session=${SESSION_PREFIX}1`);
    expect(sent.headers.get("x-xsrf-token")).toBe(cookies.get("XSRF-TOKEN"));
    expect(cookies.get("vertx-web.session")).toBe(`${SESSION_PREFIX}1`);
    expect(sent.headers.get("authorization")).toBe(`Bearer ${TOKEN_PREFIX}1`);
    expect(sent.headers.get("accept")).toBe("application/json");
    expect(sent.headers.get("content-type")).toContain("application/json");
    // Like Hitachi's Ansible collection, the CSRF GET carries no Authorization.
    expect(srv.csrfHeaders[0]!.get("authorization")).toBeNull();
  });

  it("keeps cookies the caller set itself and appends the session's", async () => {
    const client = clientWith(passwordSession());
    await client.POST("/v1/user/list_buckets", {
      params: { header: { Cookie: "lb=node-2; XSRF-TOKEN=stale" } },
      body: listBody,
    });
    expect(sentToList()[0]!.headers.get("cookie")).toBe(`lb=node-2; XSRF-TOKEN=${XSRF_PREFIX}1; vertx-web.session=${SESSION_PREFIX}1`);
  });

  it("adopts a cookie a MAPI response re-sets (rotated XSRF-TOKEN), as a browser's jar would", async () => {
    const client = clientWith(passwordSession());
    srv.validXsrf.add("rotated-xsrf");
    srv.listSetCookie = ["XSRF-TOKEN=rotated-xsrf; Path=/"];
    await client.POST("/v1/user/list_buckets", { body: listBody });
    await client.POST("/v1/user/list_buckets", { body: listBody });
    const second = sentToList()[1]!.headers;
    expect(second.get("x-xsrf-token")).toBe("rotated-xsrf");
    expect(second.get("cookie")).toBe(`XSRF-TOKEN=rotated-xsrf; vertx-web.session=${SESSION_PREFIX}1`);
    expect(srv.csrfCount).toBe(1);
  });

  it("a MAPI response that deletes the XSRF-TOKEN cookie: the next call shakes hands first, with no 401 and no new token", async () => {
    const client = clientWith(passwordSession());
    srv.listSetCookie = ["XSRF-TOKEN=; Path=/; Max-Age=0"];
    await client.POST("/v1/user/list_buckets", { body: listBody });
    const { response } = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(response.status).toBe(200);
    expect([srv.listCount, srv.csrfCount, srv.tokenCount]).toEqual([2, 2, 1]);
    expect(sentToList()[1]!.headers.get("x-xsrf-token")).toBe(`${XSRF_PREFIX}2`);
  });

  it("headers() gives the same four headers to callers that do not use openapi-fetch", async () => {
    const session = passwordSession();
    const h = await session.headers();
    expect(h.get("authorization")).toBe(`Bearer ${TOKEN_PREFIX}1`);
    expect(h.get("x-xsrf-token")).toBe(`${XSRF_PREFIX}1`);
    expect(h.get("cookie")).toBe(`XSRF-TOKEN=${XSRF_PREFIX}1; vertx-web.session=${SESSION_PREFIX}1`);
    expect(h.get("accept")).toBe("application/json");
    const res = await fetch(`${base}/v1/user/list_buckets`, {
      method: "POST",
      headers: h,
      body: JSON.stringify({ id: 0 }),
    });
    expect(res.status).toBe(200);
  });

  it("honours a custom csrfPath and a trailing slash on baseUrl", async () => {
    server.use(
      http.get(`${base}/v2/csrf`, () => {
        srv.validXsrf.add("v2x");
        srv.validSessions.add("v2s");
        const headers = new Headers();
        headers.append("Set-Cookie", "XSRF-TOKEN=v2x; Path=/");
        headers.append("Set-Cookie", "vertx-web.session=v2s");
        return new HttpResponse(null, { headers });
      }),
    );
    const h = await passwordSession({ baseUrl: `${base}/`, csrfPath: "v2/csrf" }).headers();
    expect(h.get("cookie")).toBe("XSRF-TOKEN=v2x; vertx-web.session=v2s");
  });
});

describe("hitachiSession: password grant", () => {
  it("posts the password grant and caches the token: 2 calls -> 1 token + 1 csrf request", async () => {
    const client = clientWith(passwordSession());
    await client.POST("/v1/user/list_buckets", { body: listBody });
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(srv.tokenCount).toBe(1);
    expect(srv.csrfCount).toBe(1);
    expect(srv.listCount).toBe(2);
    const { contentType, body } = srv.tokenForms[0]!;
    expect(contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      grant_type: "password",
      username: "admin user",
      password: PASSWORD,
      client_id: "vsp-object-external-client",
    });
  });

  it("refetches after expires_in minus the 30 s margin (injected clock), keeping the CSRF session", async () => {
    now = 1_700_000_000_000;
    const client = clientWith(passwordSession());
    await client.POST("/v1/user/list_buckets", { body: listBody });
    now += 269_000; // expires_in 300 s - 30 s margin = 270 s
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(srv.tokenCount).toBe(1);
    now += 2_000;
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(srv.tokenCount).toBe(2);
    expect(srv.csrfCount).toBe(1);
    expect(sentToList()[2]!.headers.get("authorization")).toBe(`Bearer ${TOKEN_PREFIX}2`);
  });

  it("without expires_in the token is kept until a 401 or invalidate()", async () => {
    srv.expiresIn = undefined;
    const session = passwordSession();
    await session.headers();
    now += 10 * 24 * 3600_000;
    await session.headers();
    expect(srv.tokenCount).toBe(1);
    session.invalidate();
    await session.headers();
    expect(srv.tokenCount).toBe(2);
    expect(srv.csrfCount).toBe(2);
  });
});

describe("hitachiSession: 401 handling", () => {
  // Every request is copied with request.clone() before it is sent, whichever Request class built it.
  it.each([
    ["the generated client's Request", undefined],
    ["a plain Request", globalThis.Request],
  ] as const)("401 -> refreshes token and CSRF once, replays the request (body included) and returns the success: %s", async (_, RequestClass) => {
    const client = clientWith(passwordSession(), RequestClass);
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expireEverything();
    const { data, response } = await client.POST("/v1/user/list_buckets", { body: { id: "uuid-2", count: 5 } });
    expect(response.status).toBe(200);
    expect(data).toEqual(seedExample);
    expect(srv.listCount).toBe(3); // first call, the 401, the retry
    expect(srv.tokenCount).toBe(2);
    expect(srv.csrfCount).toBe(2);
    expect(srv.listRequests[2]!.body).toEqual({ id: "uuid-2", count: 5 });
    const retry = sentToList()[2]!; // the retry went through the client's own fetch
    expect(retry.headers.get("authorization")).toBe(`Bearer ${TOKEN_PREFIX}2`);
    expect(retry.headers.get("x-xsrf-token")).toBe(`${XSRF_PREFIX}2`);
    expect(retry.headers.get("cookie")).toBe(`XSRF-TOKEN=${XSRF_PREFIX}2; vertx-web.session=${SESSION_PREFIX}2`);
  });

  it("401 twice -> returns the second 401, no loop", async () => {
    server.use(
      http.post(`${base}/v1/user/list_buckets`, () => {
        srv.listCount++;
        return new HttpResponse(null, { status: 401 });
      }),
    );
    const client = clientWith(passwordSession());
    const { error, response } = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(response.status).toBe(401);
    expect(error).toBeDefined();
    expect(srv.listCount).toBe(2);
    expect(srv.tokenCount).toBe(2);
    expect(srv.csrfCount).toBe(2);
    // The next call is a new request: it may retry once again (and only once).
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(srv.listCount).toBe(4);
  });

  it("a static token is not refetched on 401; the CSRF session is", async () => {
    srv.validTokens.add("static-token");
    const client = clientWith(hitachiSession({ baseUrl: base, credentials: { token: "static-token" } }));
    await client.POST("/v1/user/list_buckets", { body: listBody });
    srv.validXsrf.clear();
    const { response } = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(response.status).toBe(200);
    expect(srv.tokenCount).toBe(0);
    expect(srv.csrfCount).toBe(2);
    expect(sentToList().map((r) => r.headers.get("authorization"))).toEqual(Array(3).fill("Bearer static-token"));
  });

  it("replayUnauthorized: false -> the 401 is returned, the state it used is dropped, and the next call re-authenticates", async () => {
    const client = clientWith(passwordSession({ replayUnauthorized: false }));
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expireEverything();
    const { response, error } = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(response.status).toBe(401);
    expect(error).toBeDefined();
    expect([srv.listCount, srv.tokenCount, srv.csrfCount]).toEqual([2, 1, 1]); // nothing re-sent, nothing fetched yet
    const next = await client.POST("/v1/user/list_buckets", { body: { id: 9 } });
    expect(next.response.status).toBe(200);
    expect([srv.listCount, srv.tokenCount, srv.csrfCount]).toEqual([3, 2, 2]);
    expect(sentToList()[2]!.headers.get("x-xsrf-token")).toBe(`${XSRF_PREFIX}2`);
    expect(srv.listRequests[2]!.body).toEqual({ id: 9 });
  });

  it("a request another middleware replaced after the session is not replayed, but its 401 still drops the session state", async () => {
    const client = clientWith(passwordSession());
    client.use({ onRequest: ({ request }) => new Request(request) }); // runs after the session's onRequest
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expireEverything();
    const { response } = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(response.status).toBe(401);
    expect(srv.listCount).toBe(2);
    const next = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(next.response.status).toBe(200);
    expect([srv.tokenCount, srv.csrfCount]).toEqual([2, 2]);
  });

  it("a replaced request's late 401 drops only the state it used, not one refreshed since (no second grant)", async () => {
    // B goes out with the first state and its 401 is held back; meanwhile A's 401 drops that state and D
    // fetches a new one. Then B's 401 arrives: the session finds what B used by the headers it set on it.
    let sentB!: () => void;
    const bSent = new Promise<void>((resolve) => (sentB = resolve));
    let releaseB!: () => void;
    const bHeld = new Promise<void>((resolve) => (releaseB = resolve));
    const client = createClient({
      baseUrl: base,
      fetch: async (request: Request) => {
        const response = await recordingFetch(request);
        if (request.headers.get("x-call") === "B") {
          sentB();
          await bHeld;
        }
        return response;
      },
    });
    client.use(passwordSession({ replayUnauthorized: false }));
    client.use({ onRequest: ({ request }) => new Request(request) }); // runs after the session's onRequest
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expireEverything();
    const b = client.POST("/v1/user/list_buckets", { body: listBody, headers: { "x-call": "B" } });
    await bSent;
    expect((await client.POST("/v1/user/list_buckets", { body: listBody })).response.status).toBe(401); // A
    expect((await client.POST("/v1/user/list_buckets", { body: listBody })).response.status).toBe(200); // D: state 2
    releaseB();
    expect((await b).response.status).toBe(401);
    expect((await client.POST("/v1/user/list_buckets", { body: listBody })).response.status).toBe(200); // E: still state 2
    expect([srv.tokenCount, srv.csrfCount]).toEqual([2, 2]);
  });

  it("a replaced request's 401 drops the session it used when a new session reuses the XSRF value of an older one", async () => {
    // A static token, and a MAPI whose every CSRF session hands out the same XSRF value: the headers of requests of
    // two sessions are the same, and the latest one sent with them is what a 401 drops.
    const mapi = "http://mapi.test/mapi";
    let valid = "";
    let csrfGets = 0;
    const fetch = async (request: Request): Promise<Response> => {
      if (new URL(request.url).pathname.endsWith("/v1/csrf")) {
        valid = `session-${++csrfGets}`;
        const headers = new Headers();
        headers.append("set-cookie", "XSRF-TOKEN=SAME-XSRF-VALUE; Path=/");
        headers.append("set-cookie", `vertx-web.session=${valid}; Path=/; HttpOnly`);
        return new Response(null, { status: 200, headers });
      }
      const ok = (request.headers.get("cookie") ?? "").includes(`vertx-web.session=${valid}`);
      return new Response("{}", { status: ok ? 200 : 401, headers: { "content-type": "application/json" } });
    };
    const client = createClient({ baseUrl: mapi, fetch });
    client.use(hitachiSession({ baseUrl: mapi, credentials: { token: "static-token-1234" }, fetch, replayUnauthorized: false }));
    client.use({ onRequest: ({ request }) => new Request(request) }); // runs after the session's onRequest
    const list = async () => (await client.POST("/v1/user/list_buckets", { body: listBody })).response.status;
    const statuses = [await list()];
    valid = "expired";
    statuses.push(await list(), await list()); // 401 drops session 1; session 2
    valid = "expired";
    statuses.push(await list(), await list()); // 401 drops session 2; session 3
    expect(statuses).toEqual([200, 401, 200, 401, 200]);
    expect(csrfGets).toBe(3);
  });

  it("a replay is cancelled with the request's signal", async () => {
    const client = clientWith(passwordSession());
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expireEverything();
    const controller = new AbortController();
    // The token endpoint aborts the call while the replay's new token is being fetched.
    server.use(
      http.post(tokenUrl, () => {
        srv.tokenCount++;
        controller.abort(new Error("caller gave up"));
        srv.validTokens.add("late");
        return HttpResponse.json({ access_token: "late", expires_in: 300 });
      }),
    );
    await expect(client.POST("/v1/user/list_buckets", { body: listBody, signal: controller.signal })).rejects.toThrow(/caller gave up|abort/i);
    expect(srv.listCount).toBe(2); // the 401; the replay never reached the server
  });

  it("a credentials function is called on every attempt (including the retry)", async () => {
    let calls = 0;
    srv.validTokens.add("fn-2");
    srv.validTokens.add("fn-3");
    const client = clientWith(
      hitachiSession({
        baseUrl: base,
        credentials: async () => ({ token: `fn-${++calls}` }),
      }),
    );
    const { response } = await client.POST("/v1/user/list_buckets", { body: listBody }); // fn-1 invalid -> 401 -> fn-2
    expect(response.status).toBe(200);
    expect(calls).toBe(2);
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(calls).toBe(3);
    expect(srv.tokenCount).toBe(0);
  });
});

describe("hitachiSession: concurrency", () => {
  it("10 concurrent first calls -> exactly 1 token request and 1 CSRF GET", async () => {
    srv.delay = 20;
    const client = clientWith(passwordSession());
    const results = await Promise.all(Array.from({ length: 10 }, () => client.POST("/v1/user/list_buckets", { body: listBody })));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(srv.tokenCount).toBe(1);
    expect(srv.csrfCount).toBe(1);
    expect(srv.listCount).toBe(10);
  });

  it("10 concurrent 401s share one refresh (1 more token + 1 more CSRF), all retried once", async () => {
    const client = clientWith(passwordSession());
    await client.POST("/v1/user/list_buckets", { body: listBody });
    expireEverything();
    srv.barrier = 10;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.POST("/v1/user/list_buckets", { body: { id: i } })));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(srv.tokenCount).toBe(2);
    expect(srv.csrfCount).toBe(2);
    expect(srv.listCount).toBe(1 + 10 + 10);
  });

  it("a handshake stalled until every caller gave up is aborted: the next call shakes hands anew", async () => {
    // The session's transport keeps the first CSRF GET until its signal aborts (a server that never answers).
    let stalled: Request | undefined;
    let arrived!: () => void;
    const stalledArrived = new Promise<void>((resolve) => (arrived = resolve));
    const sessionFetch = (request: Request): Promise<Response> => {
      if (stalled === undefined && request.url.endsWith("/v1/csrf")) {
        stalled = request;
        arrived();
        return new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true }));
      }
      return globalThis.fetch(request);
    };
    srv.validTokens.add("static-token"); // a static token: only the CSRF half has anything in flight
    const session = hitachiSession({ baseUrl: base, credentials: { token: "static-token" }, fetch: sessionFetch });
    const client = clientWith(session);
    const controller = new AbortController();
    const first = client.POST("/v1/user/list_buckets", { body: listBody, signal: controller.signal });
    await stalledArrived;
    controller.abort(new Error("the caller gave up"));
    await expect(first).rejects.toThrow("the caller gave up");
    expect(stalled!.signal.aborted).toBe(true);
    const second = await client.POST("/v1/user/list_buckets", { body: listBody });
    expect(second.response.status).toBe(200);
    expect([srv.csrfCount, srv.listCount]).toEqual([1, 1]); // the stalled GET never reached the server
    // headers() waits under its signal too; a fresh session's handshake is not even started for a caller already gone.
    const fresh = hitachiSession({ baseUrl: base, credentials: { token: "static-token" }, fetch: sessionFetch });
    await expect(fresh.headers({ signal: AbortSignal.abort(new Error("gone")) })).rejects.toThrow("gone");
    expect(srv.csrfCount).toBe(1);
  });

  it("a failed handshake is not cached: the next call through the middleware tries again", async () => {
    let fail = true;
    server.use(
      http.get(`${base}/v1/csrf`, () => (fail ? new HttpResponse(null, { status: 503 }) : undefined)),
    );
    const session = passwordSession();
    await expect(session.headers()).rejects.toThrow(/CSRF request to https:\/\/admin\.region1\.cluster1\/mapi\/v1\/csrf failed with HTTP 503/);
    fail = false;
    await expect(session.headers()).resolves.toBeInstanceOf(Headers);
  });
});

describe("hitachiSession: errors and secrets", () => {
  function assertNoSecrets(text: string): void {
    for (const secret of [PASSWORD, CLIENT_SECRET, TOKEN_PREFIX, XSRF_PREFIX, SESSION_PREFIX, encodeForm(PASSWORD)]) {
      expect(text).not.toContain(secret);
    }
  }

  it("a rejected password grant says status, endpoint and OAuth error code — never the password or client secret", async () => {
    const session = hitachiSession({
      baseUrl: base,
      credentials: { username: "admin", password: "wrong-" + PASSWORD, tokenUrl: `${tokenUrl}?x=${CLIENT_SECRET}`, clientSecret: CLIENT_SECRET },
    });
    server.use(http.post(tokenUrl, async ({ request }) => HttpResponse.json({ error: "invalid_grant", error_description: await request.text() }, { status: 401 })));
    const error = await session.headers().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HitachiSessionError);
    const e = error as HitachiSessionError;
    expect(e.message).toBe(`hitachiSession: token request to ${tokenUrl} failed with HTTP 401 (invalid_grant)`);
    expect(e.stage).toBe("token");
    expect(e.status).toBe(401);
    assertNoSecrets(e.message);
    assertNoSecrets(inspect(e, { depth: 10 }));
    assertNoSecrets(JSON.stringify(e));
    assertNoSecrets(inspect(session, { depth: 10, showHidden: true }));
  });

  it("util.inspect / JSON of a live session show only non-secret info", async () => {
    const session = hitachiSession({
      baseUrl: base,
      credentials: { username: "admin", password: PASSWORD, tokenUrl, clientSecret: CLIENT_SECRET },
      clock,
    });
    const client = clientWith(session);
    await client.POST("/v1/user/list_buckets", { body: listBody });
    const shown = inspect(session, { depth: 10, showHidden: true });
    assertNoSecrets(shown);
    assertNoSecrets(JSON.stringify(session));
    assertNoSecrets(inspect({ nested: { session } }, { depth: 10 }));
    expect(shown).toContain("HitachiSession");
    expect(JSON.parse(JSON.stringify(session))).toEqual({
      type: "HitachiSession",
      baseUrl: base,
      auth: "password",
      tokenUrl,
      tokenCached: true,
      csrfReady: true,
    });
    const staticShown = inspect(hitachiSession({ baseUrl: base, credentials: { token: `${TOKEN_PREFIX}static` } }), { showHidden: true });
    assertNoSecrets(staticShown);
  });

  it("rejects a tokenUrl carrying user info without echoing it, and an empty static token", () => {
    let caught: unknown;
    try {
      hitachiSession({ baseUrl: base, credentials: { username: "a", password: PASSWORD, tokenUrl: `https://admin:${PASSWORD}@host/token` } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HitachiSessionError);
    assertNoSecrets(String((caught as Error).message));
    expect(() => hitachiSession({ baseUrl: base, credentials: { token: "" } })).toThrow(/static credentials gave no token/);
    expect(() => hitachiSession({ baseUrl: "", credentials: { token: "t" } })).toThrow(/baseUrl/);
    expect(() => hitachiSession({ baseUrl: "https://admin:pw@host/mapi", credentials: { token: "t" } })).toThrow(/without user info/);
  });
});

describe("the subpath's other exports", () => {
  it("readSetCookies and splitCombinedSetCookie (the cookie jar's parsers)", () => {
    const headers = new Headers();
    headers.append("Set-Cookie", "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
    headers.append("Set-Cookie", "b=2");
    expect(readSetCookies(headers)).toEqual(["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2"]);
    expect(splitCombinedSetCookie("a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT, b=2")).toEqual(["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2"]);
  });
});

describe("browser fallback", () => {
  it("reads XSRF-TOKEN from document.cookie when Set-Cookie is hidden from scripts", async () => {
    const g = globalThis as { document?: unknown; location?: unknown };
    g.document = { cookie: "theme=dark; XSRF-TOKEN=from%20jar" };
    g.location = { hostname: new URL(base).hostname, origin: new URL(base).origin };
    try {
      const session = hitachiSession({
        baseUrl: base,
        credentials: { token: "static" },
        fetch: async () => new Response(null, { status: 200 }), // a browser shows no Set-Cookie
      });
      const h = await session.headers();
      expect(h.get("x-xsrf-token")).toBe("from jar");
      expect(h.has("cookie")).toBe(false); // nothing to send ourselves: the browser's jar carries the cookies
    } finally {
      delete g.document;
      delete g.location;
    }
  });
});

function encodeForm(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
