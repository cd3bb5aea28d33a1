// The Hitachi session's token provider against a model of the token endpoint (a Keycloak password grant)
// given as its `fetch`: the form it posts, caching until expires_in minus the margin (injected clock), one
// fetch for concurrent callers, generation-checked invalidation, static and function tokens, and errors
// that never carry a secret. The wire format follows Hitachi's Ansible collection (gateway_oo.py get_tokens).
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { HitachiSessionError } from "../src/hitachi/session-error.js";
import { hitachiTokenProvider, type HitachiCredentials } from "../src/hitachi/token-provider.js";

const tokenUrl = "https://admin.gms.cluster1/ui/auth/realms/vsp-object/protocol/openid-connect/token";
const PASSWORD = "S3ntinel-PASSWORD+/=&?";
const CLIENT_SECRET = "S3ntinel-CLIENT-SECRET";
const TOKEN_PREFIX = "S3ntinel-TOKEN-";
const encodeForm = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

function assertNoSecrets(text: string): void {
  for (const secret of [PASSWORD, CLIENT_SECRET, TOKEN_PREFIX, encodeForm(PASSWORD)]) expect(text).not.toContain(secret);
}

/** A token endpoint: answers `access_token: S3ntinel-TOKEN-<n>`; `hold` keeps answers back until released. */
function tokenEndpoint(answer?: (form: URLSearchParams, n: number) => Response) {
  const posts: { url: string; method: string; contentType: string | null; body: string }[] = [];
  let held: (() => void)[] | undefined;
  const endpoint = {
    posts,
    expiresIn: 300 as unknown,
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const go of waiting) go();
    },
    fetch: async (request: Request): Promise<Response> => {
      const body = await request.text();
      posts.push({ url: request.url, method: request.method, contentType: request.headers.get("content-type"), body });
      const n = posts.length;
      if (held) await new Promise<void>((go) => held!.push(go));
      const form = new URLSearchParams(body);
      if (answer) return answer(form, n);
      if (form.get("password") !== PASSWORD) return Response.json({ error: "invalid_grant", error_description: `bad ${form.get("password")}` }, { status: 401 });
      return Response.json({ access_token: `${TOKEN_PREFIX}${n}`, token_type: "Bearer", expires_in: endpoint.expiresIn, refresh_token: "r" });
    },
  };
  return endpoint;
}

let now = 1_700_000_000_000;
const clock = () => now;
const password = (extra: object = {}): HitachiCredentials => ({ username: "admin user", password: PASSWORD, tokenUrl, ...extra });

describe("password grant", () => {
  it("posts the form (default client_id) as application/x-www-form-urlencoded to tokenUrl", async () => {
    const server = tokenEndpoint();
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    await expect(tokens.token()).resolves.toEqual({ value: `${TOKEN_PREFIX}1`, generation: 1 });
    const post = server.posts[0]!;
    expect([post.url, post.method, post.contentType]).toEqual([tokenUrl, "POST", "application/x-www-form-urlencoded"]);
    expect(post.body).toBe(`grant_type=password&username=admin+user&password=${encodeForm(PASSWORD)}&client_id=vsp-object-external-client`);
  });

  it("sends client_secret, realm and scope in that order when given (HCP-CS 2.x form)", async () => {
    const server = tokenEndpoint();
    const tokens = hitachiTokenProvider(password({ username: "admin", clientId: "hcpcs", clientSecret: CLIENT_SECRET, realm: "local", scope: "*" }), { fetch: server.fetch, clock });
    await tokens.token();
    expect(server.posts[0]!.body).toBe(`grant_type=password&username=admin&password=${encodeForm(PASSWORD)}&client_id=hcpcs&client_secret=${CLIENT_SECRET}&realm=local&scope=*`);
  });

  it("caches the token until expires_in minus 30 s (injected clock), then fetches a new one", async () => {
    now = 1_700_000_000_000;
    const server = tokenEndpoint();
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    await tokens.token();
    now += 269_000; // expires_in 300 s - 30 s margin = 270 s
    expect(tokens.cached).toBe(true);
    await expect(tokens.token()).resolves.toMatchObject({ value: `${TOKEN_PREFIX}1` });
    now += 2_000;
    expect(tokens.cached).toBe(false);
    await expect(tokens.token()).resolves.toEqual({ value: `${TOKEN_PREFIX}2`, generation: 2 });
    expect(server.posts).toHaveLength(2);
  });

  it("a short-lived token keeps half its lifetime as the margin", async () => {
    now = 1_700_000_000_000;
    const server = tokenEndpoint();
    server.expiresIn = 10;
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    await tokens.token();
    now += 4_999;
    await tokens.token();
    expect(server.posts).toHaveLength(1);
    now += 2;
    await tokens.token();
    expect(server.posts).toHaveLength(2);
  });

  it("without expires_in the token is kept until invalidate()", async () => {
    const server = tokenEndpoint();
    server.expiresIn = undefined;
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    await tokens.token();
    now += 10 * 24 * 3600_000;
    await tokens.token();
    expect(server.posts).toHaveLength(1);
    tokens.invalidate();
    await tokens.token();
    expect(server.posts).toHaveLength(2);
  });

  it.each([0, -1, -3600, "0", "soon", null, "", true])("expires_in %j: callers waiting on the grant share its answer, which is not cached: the next call authenticates again", async (expiresIn) => {
    const server = tokenEndpoint();
    server.expiresIn = expiresIn;
    server.hold();
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    const waiting = Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    await Promise.resolve();
    server.release();
    expect(new Set((await waiting).map((t) => t.value))).toEqual(new Set([`${TOKEN_PREFIX}1`]));
    expect(tokens.cached).toBe(false);
    await expect(tokens.token()).resolves.toEqual({ value: `${TOKEN_PREFIX}2`, generation: 2 });
    expect(server.posts).toHaveLength(2);
  });

  it("concurrent callers share one fetch, and all get its token", async () => {
    const server = tokenEndpoint();
    server.hold();
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    const all = Promise.all(Array.from({ length: 10 }, () => tokens.token()));
    server.release();
    expect(new Set((await all).map((t) => t.value))).toEqual(new Set([`${TOKEN_PREFIX}1`]));
    expect(server.posts).toHaveLength(1);
  });

  it("invalidate(generation) drops only that token: callers that saw the same token rejected cause one new fetch", async () => {
    const server = tokenEndpoint();
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    const first = await tokens.token();
    tokens.invalidate(first.generation); // the first 401
    const second = await tokens.token();
    expect(second).toEqual({ value: `${TOKEN_PREFIX}2`, generation: 2 });
    tokens.invalidate(first.generation); // a late 401 for a request sent with the first token
    await expect(tokens.token()).resolves.toEqual(second);
    expect(server.posts).toHaveLength(2);
    // A 401 arriving while the new token is still being fetched does not start a third fetch either.
    tokens.invalidate(second.generation);
    server.hold();
    const third = tokens.token();
    tokens.invalidate(second.generation);
    const alsoThird = tokens.token();
    server.release();
    expect(await alsoThird).toEqual(await third);
    expect(server.posts).toHaveLength(3);
  });

  it("a grant every caller gave up on is aborted and not handed to the next caller; one caller leaving keeps it", async () => {
    const server = tokenEndpoint();
    const sent: Request[] = [];
    server.hold();
    const tokens = hitachiTokenProvider(password(), { fetch: (request) => (sent.push(request), server.fetch(request)), clock });
    const [a, b] = [new AbortController(), new AbortController()];
    const first = tokens.token(a.signal);
    const second = tokens.token(b.signal);
    a.abort(new Error("caller 1 gave up"));
    await expect(first).rejects.toThrow("caller 1 gave up");
    expect(sent[0]!.signal.aborted).toBe(false); // caller 2 still waits for it
    b.abort(new Error("caller 2 gave up"));
    await expect(second).rejects.toThrow("caller 2 gave up");
    expect(sent[0]!.signal.aborted).toBe(true);
    expect(tokens.cached).toBe(false);
    const next = tokens.token();
    server.release(); // the abandoned grant's late answer is not the one kept
    expect(await next).toEqual({ value: `${TOKEN_PREFIX}2`, generation: 2 });
    expect(await tokens.token(AbortSignal.abort())).toEqual({ value: `${TOKEN_PREFIX}2`, generation: 2 }); // cached: no wait
    expect(sent).toHaveLength(2);
  });

  it("a failed fetch is not cached: the next call tries again", async () => {
    let fail = true;
    const server = tokenEndpoint((_, n) => (fail ? new Response("busy", { status: 503 }) : Response.json({ access_token: `${TOKEN_PREFIX}${n}` })));
    const tokens = hitachiTokenProvider(password(), { fetch: server.fetch, clock });
    await expect(tokens.token()).rejects.toThrow(/token request to .* failed with HTTP 503/);
    fail = false;
    await expect(tokens.token()).resolves.toMatchObject({ value: `${TOKEN_PREFIX}2` });
  });
});

describe("static and function tokens", () => {
  it("a static token is returned as it is, never fetched, never dropped", async () => {
    const server = tokenEndpoint();
    const tokens = hitachiTokenProvider({ token: "static-token" }, { fetch: server.fetch, clock });
    expect(tokens.token()).toEqual({ value: "static-token", generation: 0 });
    tokens.invalidate();
    expect(tokens.token()).toEqual({ value: "static-token", generation: 0 });
    expect([tokens.kind, tokens.cached, server.posts.length]).toEqual(["token", false, 0]);
  });

  it("a function is called for every token, and what it gives is checked", async () => {
    let calls = 0;
    const tokens = hitachiTokenProvider(async () => ({ token: `fn-${++calls}` }), { fetch: tokenEndpoint().fetch, clock });
    await expect(tokens.token()).resolves.toEqual({ value: "fn-1", generation: 0 });
    await expect(tokens.token()).resolves.toEqual({ value: "fn-2", generation: 0 });
    expect(tokens.kind).toBe("function");
    const bad = hitachiTokenProvider(() => ({ token: "two\nlines" }), { fetch: tokenEndpoint().fetch, clock });
    await expect(bad.token()).rejects.toThrow("hitachiSession: the credentials function gave a token with a character that cannot be sent in an HTTP header");
    const none = hitachiTokenProvider(() => ({}) as never, { fetch: tokenEndpoint().fetch, clock });
    await expect(none.token()).rejects.toMatchObject({ name: "HitachiSessionError", stage: "credentials" });
  });

  it("a function is told when its last token was refused (invalidate): { refresh: true } once, then false again", async () => {
    const asked: unknown[] = [];
    const tokens = hitachiTokenProvider(async (request) => (asked.push(request), { token: "fn" }), { fetch: tokenEndpoint().fetch, clock });
    await tokens.token();
    tokens.invalidate(0);
    tokens.invalidate(0); // ten requests refused together: one refresh
    await tokens.token();
    await tokens.token();
    expect(asked).toEqual([{ refresh: false }, { refresh: true }, { refresh: false }]);
  });

  it("a function: requests refused together share one { refresh: true } call; a late refusal of the token it replaced asks for none", async () => {
    const asked: unknown[] = [];
    let release!: () => void;
    const vault = new Promise<void>((resolve) => (release = resolve));
    const tokens = hitachiTokenProvider(
      async (request) => {
        asked.push(request);
        if (request?.refresh) await vault;
        return { token: request?.refresh ? "rotated" : "cached" };
      },
      { fetch: tokenEndpoint().fetch, clock },
    );
    const old = await tokens.token();
    // Five requests made with that token are refused; each drops it and asks again while the refresh runs.
    const again: Promise<{ value: string; generation: number }>[] = [];
    for (let i = 0; i < 5; i++) {
      tokens.invalidate(old.generation);
      again.push(Promise.resolve(tokens.token()));
    }
    release();
    const fresh = await Promise.all(again);
    expect(fresh.map((t) => t.value)).toEqual(Array(5).fill("rotated"));
    expect(asked).toEqual([{ refresh: false }, { refresh: true }]);
    tokens.invalidate(old.generation); // a late 401 of a request sent with the old token
    await tokens.token();
    expect(asked.at(-1)).toEqual({ refresh: false });
    tokens.invalidate(fresh[0]!.generation); // the rotated token refused in turn
    await tokens.token();
    expect(asked.at(-1)).toEqual({ refresh: true });
  });

  it("a caller whose signal aborts stops waiting for a function that hangs", async () => {
    const tokens = hitachiTokenProvider(() => new Promise<never>(() => undefined), { fetch: tokenEndpoint().fetch, clock });
    const controller = new AbortController();
    const waiting = Promise.resolve(tokens.token(controller.signal));
    controller.abort(new Error("caller gave up"));
    await expect(waiting).rejects.toThrow("caller gave up");
    await expect(Promise.resolve(tokens.token(controller.signal))).rejects.toThrow("caller gave up");
  });

  it("rejects unusable credentials at once, without echoing them", () => {
    const fetch = tokenEndpoint().fetch;
    expect(() => hitachiTokenProvider({ token: "" }, { fetch, clock })).toThrow(/static credentials gave no token/);
    expect(() => hitachiTokenProvider({ token: `${TOKEN_PREFIX}\u00e9` }, { fetch, clock })).toThrow(/cannot be sent in an HTTP header/);
    expect(() => hitachiTokenProvider({ username: "a" } as never, { fetch, clock })).toThrow(TypeError);
    let caught: unknown;
    try {
      hitachiTokenProvider({ username: "a", password: PASSWORD, tokenUrl: `https://admin:${PASSWORD}@host/token` }, { fetch, clock });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HitachiSessionError);
    expect((caught as HitachiSessionError).stage).toBe("credentials");
    assertNoSecrets(String((caught as Error).message));
    expect(() => hitachiTokenProvider({ username: "a", password: "p", tokenUrl: "not a url" }, { fetch, clock })).toThrow(/tokenUrl is not an absolute URL/);
    // A password with a "/" makes user info parse as a host named like the user and a path: refused, not sent there.
    let odd: unknown;
    try {
      hitachiTokenProvider({ username: "a", password: "p", tokenUrl: "https://admin:8443/hunter2@mapi.example/v1/oauth/token" }, { fetch, clock });
    } catch (e) {
      odd = e;
    }
    expect(odd).toBeInstanceOf(HitachiSessionError);
    expect(String((odd as Error).message)).toMatch(/must not contain user info/);
    expect(String((odd as Error).message)).not.toContain("hunter2");
  });
});

describe("errors and secrets", () => {
  async function failure(tokens: ReturnType<typeof hitachiTokenProvider>): Promise<HitachiSessionError> {
    const error = await Promise.resolve()
      .then(() => tokens.token())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(HitachiSessionError);
    const e = error as HitachiSessionError;
    assertNoSecrets(e.message);
    assertNoSecrets(inspect(e, { depth: 10 }));
    assertNoSecrets(JSON.stringify(e));
    return e;
  }

  it("a rejected grant says status, redacted endpoint and OAuth error code — never the password or client secret", async () => {
    const server = tokenEndpoint((form) => Response.json({ error: "invalid_grant", error_description: form.toString() }, { status: 401 }));
    const tokens = hitachiTokenProvider(password({ tokenUrl: `${tokenUrl}?x=${CLIENT_SECRET}`, clientSecret: CLIENT_SECRET }), { fetch: server.fetch, clock });
    const e = await failure(tokens);
    expect(e.message).toBe(`hitachiSession: token request to ${tokenUrl} failed with HTTP 401 (invalid_grant)`);
    expect([e.stage, e.status, e.endpoint]).toEqual(["token", 401, tokenUrl]);
    assertNoSecrets(inspect(tokens, { depth: 10, showHidden: true }));
    assertNoSecrets(JSON.stringify(tokens));
  });

  it("a 200 without access_token (body echoing secrets), a non-JSON body and an unsendable token are clear errors", async () => {
    const echo = tokenEndpoint((form) => Response.json({ echo: form.toString(), note: PASSWORD }));
    expect((await failure(hitachiTokenProvider(password(), { fetch: echo.fetch, clock }))).message).toBe(`hitachiSession: token response from ${tokenUrl} (HTTP 200) has no access_token`);
    const html = tokenEndpoint(() => new Response("<html>login</html>", { headers: { "Content-Type": "text/html" } }));
    expect((await failure(hitachiTokenProvider(password(), { fetch: html.fetch, clock }))).message).toBe(`hitachiSession: token response from ${tokenUrl} (HTTP 200) has no access_token (body is not JSON)`);
    const spaced = tokenEndpoint(() => Response.json({ access_token: `${TOKEN_PREFIX} x` }));
    expect((await failure(hitachiTokenProvider(password(), { fetch: spaced.fetch, clock }))).message).toBe(`hitachiSession: token response from ${tokenUrl} has an access_token that cannot be sent in an HTTP header`);
  });

  it("a redirect from the token endpoint is not followed (the form carries the password): the grant fails naming where it points", async () => {
    const server = tokenEndpoint(() => new Response(null, { status: 307, headers: { location: "https://elsewhere.example/token" } }));
    const seen: Request[] = [];
    const tokens = hitachiTokenProvider(password(), { fetch: (request) => (seen.push(request), server.fetch(request)), clock });
    const err = await Promise.resolve(tokens.token()).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      "hitachiSession: token request to https://admin.gms.cluster1/ui/auth/realms/vsp-object/protocol/openid-connect/token failed with HTTP 307; a redirect to https://elsewhere.example, not followed: use the URL it points to",
    );
    expect(seen[0]!.redirect).toBe("manual");
  });

  it("a network failure names the endpoint and the error code", async () => {
    const fetch = async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    };
    const e = await failure(hitachiTokenProvider(password({ clientSecret: CLIENT_SECRET }), { fetch, clock }));
    expect(e.message).toBe(`hitachiSession: token request to ${tokenUrl} failed: TypeError (ECONNREFUSED)`);
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  it("JSON and util.inspect of a provider holding a token show kind, endpoint and cache state only", async () => {
    const server = tokenEndpoint();
    const tokens = hitachiTokenProvider(password({ clientSecret: CLIENT_SECRET }), { fetch: server.fetch, clock });
    await tokens.token();
    expect(JSON.parse(JSON.stringify(tokens))).toEqual({ kind: "password", tokenUrl, cached: true });
    assertNoSecrets(inspect(tokens, { depth: 10, showHidden: true }));
    assertNoSecrets(inspect(hitachiTokenProvider({ token: `${TOKEN_PREFIX}static` }, { fetch: server.fetch, clock }), { showHidden: true }));
  });
});
