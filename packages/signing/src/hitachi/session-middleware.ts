// Hitachi VSP One Object (ex-HCP for cloud scale) management API (MAPI) session as openapi-fetch middleware:
// no request signing, but every call needs three things at once (specs/hitachi-vsp-one-object.yaml):
//
//   Authorization: Bearer <access_token>   the token provider (static, function, or password grant)
//   X-XSRF-TOKEN: <XSRF-TOKEN cookie>      the CSRF session (`GET {base}/v1/csrf`)
//   Cookie: XSRF-TOKEN=<t>; vertx-web.session=<s>   the CSRF session's cookie jar
//
// This module wires the three: it asks both for their state at once (a token fetch and the CSRF GET run in
// parallel, each once for concurrent callers), sets the headers, sends a request that would follow redirects
// with `redirect: "manual"` (a redirect answered is then a HitachiSessionError, stage "redirect": the three go
// nowhere a Location points), adopts cookies responses re-set, and on a
// 401 drops exactly the token and CSRF state the rejected request used. Then, by default, it re-sends that
// request once with fresh state (a copy made with `request.clone()` before it was sent); with
// `replayUnauthorized: false` it returns the 401 and the caller's next request re-authenticates — for callers
// whose own retry loop makes the next attempt (the bucketry facade does, under its signal and deadline).
//
// Browsers: `Cookie` is a forbidden request header there; the browser's cookie jar carries the session and
// the `Cookie` we set is silently dropped. The client needs `credentials: "include"`. We still send
// `X-XSRF-TOKEN`.
//
// Secrets (password, client secret, tokens, cookie values) live only in closures; they never appear in error
// messages, `toJSON()` or `util.inspect` output.
import type { Middleware, MiddlewareCallbackParams } from "openapi-fetch";
import type { Clock } from "../types.js";
import { hitachiCsrfSession, type CsrfState } from "./csrf-session.js";
import { HitachiSessionError, INSPECT, discard, redactUrl, failedWith, redirectNote, type Fetch } from "./session-error.js";
import { hitachiTokenProvider, type HitachiCredentials, type IssuedToken } from "./token-provider.js";

export interface HitachiSessionOptions {
  /** The MAPI base including `/mapi`, e.g. `https://admin.region.cluster/mapi`. */
  baseUrl: string;
  credentials: HitachiCredentials;
  /**
   * Transport for the token fetch, the CSRF GET and the 401 replay. Default: `globalThis.fetch`, looked up
   * at call time (so MSW and other patches applied later are honoured). For the replay, when this is not
   * given, the openapi-fetch client's own `fetch` is used (same transport as the original call).
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Epoch ms; used for token expiry and the cookies' Max-Age and Expires. Default `Date.now`. */
  clock?: Clock | undefined;
  /** Path of the CSRF method relative to `baseUrl`. Default `/v1/csrf`. */
  csrfPath?: string | undefined;
  /**
   * What a 401 on a request this session prepared does, after the token and CSRF state that request used are
   * dropped. `true` (default): the request is sent once more with a fresh token and CSRF session, and that
   * answer is returned (each request with a body is copied with `request.clone()` before it is sent, so the
   * body can go out again). `false`: the 401 is returned as it is; the next request re-authenticates. Use it
   * when your own retry loop makes the next attempt.
   */
  replayUnauthorized?: boolean | undefined;
}

/** Non-secret view of a session (what `toJSON()` and `util.inspect` show). */
export interface HitachiSessionInfo {
  type: "HitachiSession";
  baseUrl: string;
  auth: "token" | "password" | "function";
  /** Redacted token endpoint (origin + path) for the password grant. */
  tokenUrl?: string;
  /** Whether a fetched token is cached (never the token itself). */
  tokenCached: boolean;
  /** Whether a CSRF handshake result is cached. */
  csrfReady: boolean;
}

type OnResponseParams = MiddlewareCallbackParams & { response: Response };

/** openapi-fetch middleware plus helpers for callers that do not use openapi-fetch. */
export interface HitachiSession {
  onRequest(params: MiddlewareCallbackParams): Promise<Request>;
  onResponse(params: OnResponseParams): Promise<Response | undefined>;
  /** Drops the cached CSRF session and (fetched, not static) token; the next call performs a new handshake. */
  invalidate(): void;
  /**
   * `Authorization`, `Accept`, `X-XSRF-TOKEN` and `Cookie` for one call (performs the handshake if needed).
   * With `signal`, stops waiting when it aborts (rejecting with its reason). Send them with `redirect: "manual"`:
   * a followed redirect takes X-XSRF-TOKEN to wherever its Location points.
   */
  headers(options?: { signal?: AbortSignal | undefined }): Promise<Headers>;
  toJSON(): HitachiSessionInfo;
}

const DEFAULT_CSRF_PATH = "/v1/csrf";

interface Snapshot {
  readonly token: IssuedToken;
  readonly csrf: CsrfState;
}

/** Which token and CSRF state a request was prepared with. */
interface Used {
  readonly csrfGeneration: number;
  readonly tokenGeneration: number;
  /** The request would have followed redirects: it is sent with `redirect: "manual"` and a redirect is refused. */
  readonly refuse: boolean;
}

/** How many distinct (token, XSRF token) pairs are remembered to recognise a request by its headers. */
const ISSUED_PAIRS = 32;
const issuedKey = (headers: Headers): string => `${headers.get("Authorization")}\n${headers.get("X-XSRF-TOKEN")}`;

/** What onRequest remembers about a request it prepared, for its 401. */
interface Prepared extends Used {
  /** The `Cookie` header the caller set itself (merged with the session's cookies on a replay). */
  readonly callerCookie: string | null;
  /** An unsent copy to replay (only with `replayUnauthorized`). */
  readonly replay: Request | undefined;
}

export function hitachiSession(options: HitachiSessionOptions): HitachiSession {
  if (!options || typeof options.baseUrl !== "string" || options.baseUrl === "") {
    throw new TypeError("hitachiSession: `baseUrl` (the MAPI base, e.g. https://admin.region.cluster/mapi) is required");
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  let parsedBase: URL | undefined;
  try {
    parsedBase = new URL(baseUrl);
  } catch {
    parsedBase = undefined;
  }
  if (!parsedBase || parsedBase.username || parsedBase.password || parsedBase.search || parsedBase.hash) {
    throw new TypeError("hitachiSession: `baseUrl` must be an absolute URL without user info, query or fragment");
  }
  const csrfPath = options.csrfPath ?? DEFAULT_CSRF_PATH;
  const sessionFetch: Fetch = options.fetch ?? ((request) => globalThis.fetch(request));
  const clock = options.clock ?? Date.now;
  const tokens = hitachiTokenProvider(options.credentials, { fetch: sessionFetch, clock });
  const csrf = hitachiCsrfSession({ url: baseUrl + (csrfPath.startsWith("/") ? csrfPath : `/${csrfPath}`), fetch: sessionFetch, clock });
  const replayUnauthorized = options.replayUnauthorized !== false;
  // The token, XSRF token and cookies are the MAPI's: a request to another origin (openapi-fetch's per-call
  // `baseUrl`) goes out without them, and its answer neither sets the jar's cookies nor drops the session.
  // A Request's url is serialized as the origin's is (host lowercased, default port dropped): no parse needed.
  const origin = `${parsedBase.origin}/`;
  const foreign = (request: Request): boolean => !request.url.startsWith(origin);
  const prepared = new WeakMap<Request, Prepared>();
  // A later middleware may return a new Request (as openapi-fetch documents): then the one answered is not the
  // one prepared, and the state it used is found by the headers this session set on it.
  const issued = new Map<string, Used>();

  async function snapshot(signal: AbortSignal | undefined): Promise<Snapshot> {
    // Both in flight together; await both so a failure of either surfaces (and no rejection goes unhandled).
    // Each waits under the request's signal: a handshake every waiter gave up on is aborted, not kept.
    const [token, state] = await Promise.all([tokens.token(signal), csrf.current(signal)]);
    return { token, csrf: state };
  }

  function applyHeaders(headers: Headers, s: Snapshot, callerCookie: string | null): void {
    headers.set("Authorization", `Bearer ${s.token.value}`);
    if (!headers.has("Accept")) headers.set("Accept", "application/json");
    headers.set("X-XSRF-TOKEN", s.csrf.xsrf);
    // Ignored by browsers (forbidden header); there the cookie jar carries the session.
    const cookie = s.csrf.jar.mergedWith(callerCookie);
    if (cookie) headers.set("Cookie", cookie);
  }

  const info = (): HitachiSessionInfo => {
    const result: HitachiSessionInfo = {
      type: "HitachiSession",
      baseUrl: redactUrl(baseUrl),
      auth: tokens.kind,
      tokenCached: tokens.cached,
      csrfReady: csrf.ready,
    };
    if (tokens.tokenUrl !== undefined) result.tokenUrl = tokens.tokenUrl;
    return result;
  };

  const session: HitachiSession = {
    async onRequest({ request: given }) {
      if (foreign(given)) return given;
      const callerCookie = given.headers.get("Cookie");
      const s = await snapshot(given.signal);
      // The session's credentials go to the MAPI only. Following a redirect to another origin, the platform's fetch
      // drops Authorization and Cookie but sends X-XSRF-TOKEN along (and, on a 307 or 308, the body). A request that
      // would follow one goes out with `redirect: "manual"`, and a redirect answered is an error (onResponse).
      const refuse = given.redirect === "follow";
      // A no-cors request's headers take CORS-safelisted names only: the token and XSRF value would be dropped
      // without a word, so it goes out as a CORS copy.
      const noCors = given.mode === "no-cors";
      const request = refuse || noCors ? new Request(given, { redirect: refuse ? "manual" : given.redirect, mode: noCors || given.mode === "navigate" ? "cors" : given.mode }) : given;
      applyHeaders(request.headers, s, callerCookie);
      const used: Used = { csrfGeneration: s.csrf.generation, tokenGeneration: s.token.generation, refuse };
      // The latest state sent with these values (a static token and an XSRF value a new session reuses map to
      // the newer one), most recent last.
      const key = issuedKey(request.headers);
      issued.delete(key);
      issued.set(key, used);
      if (issued.size > ISSUED_PAIRS) issued.delete(issued.keys().next().value!);
      prepared.set(request, { ...used, callerCookie, replay: replayUnauthorized ? request.clone() : undefined });
      return request;
    },

    async onResponse({ request, response, options: clientOptions }) {
      if (foreign(request)) return undefined;
      const meta = prepared.get(request);
      const used = meta ?? issued.get(issuedKey(request.headers));
      csrf.absorb(response, used?.csrfGeneration);
      if (used?.refuse) refuseRedirect(request, response);
      if (response.status !== 401) return undefined;
      prepared.delete(request);
      // Drop what this request used (not what a concurrent caller may have refreshed since). A request whose
      // headers this session did not set (or long forgotten): drop the current state.
      tokens.invalidate(used?.tokenGeneration);
      csrf.invalidate(used?.csrfGeneration);
      // Replayed once: the replay's answer is returned directly, without passing through onResponse again.
      const replay = meta?.replay;
      if (replay === undefined || replay.bodyUsed) return undefined;
      const s = await snapshot(replay.signal);
      applyHeaders(replay.headers, s, meta!.callerCookie);
      discard(response); // the discarded 401
      const send: Fetch = options.fetch ?? (clientOptions?.fetch as Fetch | undefined) ?? sessionFetch;
      const replayed = await send(replay);
      csrf.absorb(replayed);
      if (meta!.refuse) refuseRedirect(replay, replayed);
      return replayed;
    },

    invalidate() {
      tokens.invalidate();
      csrf.invalidate();
    },

    async headers(headerOptions) {
      const headers = new Headers();
      applyHeaders(headers, await snapshot(headerOptions?.signal), null);
      return headers;
    },

    toJSON: info,
  };
  Object.defineProperty(session, INSPECT, {
    enumerable: false,
    value: (_depth: number, inspectOptions: unknown, inspect?: (value: unknown, options?: unknown) => string) =>
      `HitachiSession ${inspect ? inspect(info(), inspectOptions) : JSON.stringify(info())}`,
  });
  return session satisfies Middleware; // usable as openapi-fetch middleware (checked at compile time)
}

/**
 * Throws for a redirect (a 3xx with a Location; a browser's opaque one) answered to a request the session sent with
 * `redirect: "manual"` in place of "follow": named by its status and the origin it points to.
 */
function refuseRedirect(request: Request, response: Response): void {
  if (response.type !== "opaqueredirect" && !(/^3/.test(`${response.status}`) && response.headers.has("location"))) return;
  discard(response);
  const endpoint = redactUrl(request.url);
  throw new HitachiSessionError(`hitachiSession: MAPI request to ${endpoint} ${failedWith(response)}${redirectNote(response, request.url)}`, {
    stage: "redirect",
    status: response.status,
    endpoint,
  });
}
