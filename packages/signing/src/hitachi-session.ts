// Hitachi VSP One Object (ex-HCP for cloud scale) management API (MAPI) session: no request signing,
// but every call needs three things at once (specs/hitachi-vsp-one-object.yaml, vendor-notes §4):
//
//   Authorization: Bearer <access_token>   OAuth 2 password grant (Keycloak realm `vsp-object` on 3.x,
//                                          `.../auth/oauth` on HCP-CS 2.x), cached until `expires_in`
//   X-XSRF-TOKEN: <XSRF-TOKEN cookie>      from `GET {base}/v1/csrf` (Set-Cookie)
//   Cookie: XSRF-TOKEN=<t>; vertx-web.session=<s>   every cookie that response set (Vert.x session)
//
// A 401 (expired token, or the XSRF token's "limited lifetime" ran out) refreshes both once and retries
// the call. Concurrent callers share one token fetch and one CSRF GET (single-flight promises).
//
// The CSRF GET is sent without Authorization, as Hitachi's own Ansible collection does
// (vspone-object-ansible plugins/module_utils/oneobject_node/gateway_oo.py get_tokens), so it runs in
// parallel with the token fetch.
//
// Browsers: `Cookie` is a forbidden request header and `Set-Cookie` is not readable by scripts. There the
// browser's cookie jar must carry the session: the CSRF GET is sent with `credentials: "include"`, the client
// needs `credentials: "include"` too, the `Cookie` we set is silently dropped by the browser, and the
// XSRF-TOKEN value is read from `document.cookie` when the response shows no Set-Cookie (works only when the
// cookie is visible to the page, i.e. same site and not HttpOnly). We still send `X-XSRF-TOKEN`.
//
// Secrets (password, client secret, tokens, cookie values) live only in this module's closures; they never
// appear in error messages, `toJSON()` or `util.inspect` output.
import type { Middleware, MiddlewareCallbackParams } from "openapi-fetch";
import { keptBody, sameKind } from "./request-bodies.js";
import type { Clock } from "./types.js";

export interface HitachiTokenCredentials {
  /** OAuth 2 access token, sent as `Authorization: Bearer <token>`. */
  token: string;
}

export interface HitachiPasswordCredentials {
  username: string;
  password: string;
  /**
   * Token endpoint. VSP One Object 3.x (Keycloak):
   * `https://admin.gms.{cluster}/ui/auth/realms/vsp-object/protocol/openid-connect/token`;
   * HCP for cloud scale 2.x: `https://{cluster}:{port}/auth/oauth` (with `realm` and `scope: "*"`).
   */
  tokenUrl: string;
  /** Default `vsp-object-external-client` (the Keycloak client Hitachi's Ansible collection uses). */
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** HCP for cloud scale 2.x: `local` for the local admin. */
  realm?: string | undefined;
  /** HCP for cloud scale 2.x: `*`. */
  scope?: string | undefined;
}

/** A static token, a password grant (token fetched and cached), or a function called before every attempt. */
export type HitachiCredentials =
  | HitachiTokenCredentials
  | HitachiPasswordCredentials
  | (() => Promise<HitachiTokenCredentials> | HitachiTokenCredentials);

export interface HitachiSessionOptions {
  /** The MAPI base including `/mapi`, e.g. `https://admin.region.cluster/mapi`. */
  baseUrl: string;
  credentials: HitachiCredentials;
  /**
   * Transport for the token fetch, the CSRF GET and the 401 retry. Default: `globalThis.fetch`, looked up
   * at call time (so MSW and other patches applied later are honoured). For the retry, when this is not
   * given, the openapi-fetch client's own `fetch` is used (same transport as the original call).
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Epoch ms; used for token expiry. Default `Date.now`. */
  clock?: Clock | undefined;
  /** Path of the CSRF method relative to `baseUrl`. Default `/v1/csrf`. */
  csrfPath?: string | undefined;
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
  /** `Authorization`, `Accept`, `X-XSRF-TOKEN` and `Cookie` for one call (performs the handshake if needed). */
  headers(): Promise<Headers>;
  toJSON(): HitachiSessionInfo;
}

export type HitachiSessionStage = "credentials" | "token" | "csrf";

/** Thrown when the token fetch or CSRF handshake fails. Carries no secret: stage, HTTP status, redacted endpoint. */
export class HitachiSessionError extends Error {
  override readonly name = "HitachiSessionError";
  readonly stage: HitachiSessionStage;
  readonly status: number | undefined;
  readonly endpoint: string | undefined;

  constructor(
    message: string,
    details: { stage: HitachiSessionStage; status?: number | undefined; endpoint?: string | undefined; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.stage = details.stage;
    this.status = details.status;
    this.endpoint = details.endpoint;
  }
}

const DEFAULT_CLIENT_ID = "vsp-object-external-client";
const DEFAULT_CSRF_PATH = "/v1/csrf";
const XSRF_COOKIE = "XSRF-TOKEN";
/** Safety margin before `expires_in` (capped at half the lifetime for very short-lived tokens). */
const EXPIRY_MARGIN_MS = 30_000;
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

interface CsrfState {
  /** Generation this state belongs to; a 401 on a call made with an older generation does not re-invalidate. */
  readonly gen: number;
  xsrf: string;
  /** Cookies in the order the server set them; name -> value. */
  readonly cookies: Map<string, string>;
  /** `name=value; name=value`, recomputed when `cookies` changes. */
  cookieHeader: string;
}

interface TokenEntry {
  readonly gen: number;
  readonly promise: Promise<string>;
  /** Epoch ms after which the token is refetched; Infinity while pending or when the server gave no expires_in. */
  expiresAt: number;
}

interface SessionSnapshot {
  token: string;
  csrf: CsrfState;
  tokenGen: number;
}

/** What onRequest remembers about a request, for the 401 retry. */
interface RequestMeta {
  readonly csrfGen: number;
  readonly tokenGen: number;
  /** The `Cookie` header the caller set itself (merged with the session's cookies). */
  readonly userCookie: string | null;
  /** Unconsumed copy for replaying a request with a body; undefined for bodiless requests. */
  readonly replay: Request | undefined;
}

type Fetch = (request: Request) => Promise<Response>;

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
  const csrfUrl = baseUrl + (csrfPath.startsWith("/") ? csrfPath : `/${csrfPath}`);
  const csrfEndpoint = redactUrl(csrfUrl);
  const clock: Clock = options.clock ?? Date.now;
  const sessionFetch: Fetch = options.fetch ?? ((request) => globalThis.fetch(request));
  const credentials = options.credentials;
  const auth = describeCredentials(credentials);
  const tokenEndpoint = auth === "password" ? validateTokenUrl((credentials as HitachiPasswordCredentials).tokenUrl) : undefined;
  if (auth === "token") assertToken((credentials as HitachiTokenCredentials).token, "static credentials");

  // --- state (closure-private) ---------------------------------------------------------------------------
  let csrfGen = 0;
  let csrfPromise: Promise<CsrfState> | undefined;
  let csrfResolved: CsrfState | undefined;
  let tokenGen = 0;
  let tokenEntry: TokenEntry | undefined;
  const metas = new WeakMap<Request, RequestMeta>();

  // --- token ----------------------------------------------------------------------------------------------
  function getToken(): Promise<string> | string {
    if (auth === "token") return (credentials as HitachiTokenCredentials).token;
    if (auth === "function") return callTokenFunction(credentials as () => Promise<HitachiTokenCredentials> | HitachiTokenCredentials);
    const entry = tokenEntry;
    if (entry && clock() < entry.expiresAt) return entry.promise;
    return startTokenFetch();
  }

  function startTokenFetch(): Promise<string> {
    const gen = ++tokenGen;
    const startedAt = clock();
    const entry: TokenEntry = {
      gen,
      expiresAt: Number.POSITIVE_INFINITY,
      promise: fetchPasswordToken(credentials as HitachiPasswordCredentials, tokenEndpoint!, sessionFetch).then(
        ({ token, expiresInMs }) => {
          if (expiresInMs !== undefined) entry.expiresAt = startedAt + expiresInMs - Math.min(EXPIRY_MARGIN_MS, expiresInMs / 2);
          return token;
        },
        (error: unknown) => {
          if (tokenEntry === entry) tokenEntry = undefined; // next call tries again
          throw error;
        },
      ),
    };
    tokenEntry = entry;
    return entry.promise;
  }

  function invalidateToken(usedGen?: number): void {
    if (auth !== "password") return; // static tokens are the caller's; functions are called per attempt
    if (usedGen !== undefined && tokenEntry !== undefined && tokenEntry.gen !== usedGen) return; // already refreshed
    tokenEntry = undefined;
  }

  // --- CSRF -----------------------------------------------------------------------------------------------
  function getCsrf(): Promise<CsrfState> | CsrfState {
    if (csrfResolved) return csrfResolved;
    if (csrfPromise) return csrfPromise;
    const gen = csrfGen;
    const promise = fetchCsrf(csrfUrl, csrfEndpoint, sessionFetch, gen).then(
      (state) => {
        if (csrfPromise === promise) csrfResolved = state;
        return state;
      },
      (error: unknown) => {
        if (csrfPromise === promise) csrfPromise = undefined;
        throw error;
      },
    );
    csrfPromise = promise;
    return promise;
  }

  function invalidateCsrf(usedGen?: number): void {
    if (usedGen !== undefined && usedGen !== csrfGen) return; // somebody already refreshed after that call
    csrfGen++;
    csrfPromise = undefined;
    csrfResolved = undefined;
  }

  async function snapshot(): Promise<SessionSnapshot> {
    const tokenValue = getToken();
    const csrfValue = getCsrf();
    const gen = tokenEntry?.gen ?? 0;
    // Both in flight together; await both so a failure of either surfaces (and no rejection goes unhandled).
    const [token, csrf] = await Promise.all([tokenValue, csrfValue]);
    return { token, csrf, tokenGen: gen };
  }

  function applyHeaders(headers: Headers, s: SessionSnapshot, userCookie: string | null): void {
    headers.set("Authorization", `Bearer ${s.token}`);
    if (!headers.has("Accept")) headers.set("Accept", "application/json");
    headers.set("X-XSRF-TOKEN", s.csrf.xsrf);
    // Ignored by browsers (forbidden header); there the cookie jar carries the session.
    const cookie = mergeCookieHeader(userCookie, s.csrf);
    if (cookie) headers.set("Cookie", cookie);
  }

  /** Adopt cookies a MAPI response (re)sets, as a browser's jar would (e.g. a rotated XSRF-TOKEN). */
  function absorbCookies(response: Response, meta: RequestMeta | undefined): void {
    const state = csrfResolved;
    if (!state || (meta && meta.csrfGen !== state.gen)) return;
    const setCookies = readSetCookies(response.headers);
    if (setCookies.length === 0) return;
    if (applySetCookies(state.cookies, setCookies)) {
      const xsrf = state.cookies.get(XSRF_COOKIE);
      if (xsrf) state.xsrf = xsrf;
      state.cookieHeader = serializeCookies(state.cookies);
    }
  }

  // --- the session object -----------------------------------------------------------------------------------
  const info = (): HitachiSessionInfo => {
    const result: HitachiSessionInfo = {
      type: "HitachiSession",
      baseUrl: redactUrl(baseUrl),
      auth,
      tokenCached: auth === "password" && tokenEntry !== undefined && clock() < tokenEntry.expiresAt,
      csrfReady: csrfResolved !== undefined,
    };
    if (tokenEndpoint !== undefined) result.tokenUrl = tokenEndpoint;
    return result;
  };

  const session: HitachiSession = {
    async onRequest({ request }) {
      const userCookie = request.headers.get("Cookie");
      const s = await snapshot();
      applyHeaders(request.headers, s, userCookie);
      // Keep an unconsumed copy of requests with a body so a 401 can be replayed (the original's body stream
      // is consumed by fetch). Bodiless requests are simply re-sent; a body the client's Request class kept
      // (`keptBody`) is put back on the replay, so such a request needs no copy up front.
      const replay = keptBody(request) !== undefined || request.body === null ? undefined : request.clone();
      metas.set(request, { csrfGen: s.csrf.gen, tokenGen: s.tokenGen, userCookie, replay });
      return request;
    },

    async onResponse({ request, response, options: clientOptions }) {
      const meta = metas.get(request);
      absorbCookies(response, meta);
      if (response.status !== 401) return undefined;
      // Only requests this session prepared are retried, and only once: the retry is issued here and its
      // response returned directly, without passing through onResponse again.
      if (!meta) return undefined;
      metas.delete(request);
      const kept = meta.replay === undefined ? keptBody(request) : undefined;
      const replay = meta.replay ?? (kept !== undefined ? new (sameKind(request))(request, { body: kept }) : request.body === null ? request : undefined);
      if (!replay || replay.bodyUsed) return undefined;

      invalidateToken(meta.tokenGen);
      invalidateCsrf(meta.csrfGen);
      const s = await snapshot();
      applyHeaders(replay.headers, s, meta.userCookie);
      // Not awaited: under MSW a cancel on a mocked body may never settle (mswjs/interceptors#799).
      void response.body?.cancel().catch(() => undefined); // free the connection of the discarded 401
      const retryFetch: Fetch = options.fetch ?? (clientOptions?.fetch as Fetch | undefined) ?? sessionFetch;
      const retried = await retryFetch(replay);
      absorbCookies(retried, undefined);
      return retried;
    },

    invalidate() {
      invalidateToken();
      invalidateCsrf();
    },

    async headers() {
      const headers = new Headers();
      applyHeaders(headers, await snapshot(), null);
      return headers;
    },

    toJSON: info,
  };
  Object.defineProperty(session, INSPECT, {
    enumerable: false,
    value: (_depth: number, inspectOptions: unknown, inspect?: (value: unknown, options?: unknown) => string) =>
      `HitachiSession ${inspect ? inspect(info(), inspectOptions) : JSON.stringify(info())}`,
  });
  // Compile-time check that the session is usable as openapi-fetch middleware.
  const _asMiddleware: Middleware = session;
  void _asMiddleware;
  return session;
}

// --- credentials ----------------------------------------------------------------------------------------------

function describeCredentials(credentials: HitachiCredentials): HitachiSessionInfo["auth"] {
  if (typeof credentials === "function") return "function";
  if (credentials && typeof credentials === "object") {
    if ("token" in credentials) return "token";
    if ("username" in credentials && "password" in credentials && "tokenUrl" in credentials) return "password";
  }
  throw new TypeError(
    "hitachiSession: `credentials` must be { token }, { username, password, tokenUrl } or a function returning { token }",
  );
}

function assertToken(token: unknown, source: string): asserts token is string {
  if (typeof token !== "string" || token === "") {
    throw new HitachiSessionError(`hitachiSession: ${source} gave no token (expected a non-empty string)`, {
      stage: "credentials",
    });
  }
  // Headers.set would reject it with a message quoting the token; say what is wrong without it.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new HitachiSessionError(`hitachiSession: ${source} gave a token with a character that cannot be sent in an HTTP header`, {
      stage: "credentials",
    });
  }
}

async function callTokenFunction(fn: () => Promise<HitachiTokenCredentials> | HitachiTokenCredentials): Promise<string> {
  const result = await fn();
  const token = result?.token;
  assertToken(token, "the credentials function");
  return token;
}

function validateTokenUrl(tokenUrl: unknown): string {
  let url: URL;
  try {
    url = new URL(String(tokenUrl));
  } catch {
    throw new HitachiSessionError("hitachiSession: credentials.tokenUrl is not an absolute URL", { stage: "credentials" });
  }
  if (url.username || url.password) {
    // fetch refuses such URLs and its error would echo them; never echo userinfo.
    throw new HitachiSessionError("hitachiSession: credentials.tokenUrl must not contain user info (user:password@)", {
      stage: "credentials",
    });
  }
  return redactUrl(url.href);
}

async function fetchPasswordToken(
  creds: HitachiPasswordCredentials,
  endpoint: string,
  doFetch: Fetch,
): Promise<{ token: string; expiresInMs: number | undefined }> {
  const form = new URLSearchParams();
  form.set("grant_type", "password");
  form.set("username", creds.username);
  form.set("password", creds.password);
  form.set("client_id", creds.clientId ?? DEFAULT_CLIENT_ID);
  if (creds.clientSecret !== undefined) form.set("client_secret", creds.clientSecret);
  if (creds.realm !== undefined) form.set("realm", creds.realm);
  if (creds.scope !== undefined) form.set("scope", creds.scope);

  let response: Response;
  try {
    response = await doFetch(
      new Request(creds.tokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: form.toString(),
      }),
    );
  } catch (error) {
    throw new HitachiSessionError(`hitachiSession: token request to ${endpoint} failed: ${errorSummary(error)}`, {
      stage: "token",
      endpoint,
      cause: error,
    });
  }

  let body: unknown;
  let parsed = true;
  try {
    body = await response.json();
  } catch {
    parsed = false;
  }
  if (!response.ok) {
    // OAuth error codes (`invalid_grant`, `unauthorized_client`) are safe to show; descriptions are not shown.
    const code = parsed ? oauthErrorCode(body) : undefined;
    throw new HitachiSessionError(
      `hitachiSession: token request to ${endpoint} failed with HTTP ${response.status}${code ? ` (${code})` : ""}`,
      { stage: "token", status: response.status, endpoint },
    );
  }
  const record = parsed && body && typeof body === "object" ? (body as Record<string, unknown>) : undefined;
  const token = record?.access_token;
  if (typeof token !== "string" || token === "") {
    throw new HitachiSessionError(
      `hitachiSession: token response from ${endpoint} (HTTP ${response.status}) has no access_token${parsed ? "" : " (body is not JSON)"}`,
      { stage: "token", status: response.status, endpoint },
    );
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new HitachiSessionError(`hitachiSession: token response from ${endpoint} has an access_token that cannot be sent in an HTTP header`, {
      stage: "token",
      status: response.status,
      endpoint,
    });
  }
  const expiresIn = Number(record?.expires_in);
  const expiresInMs = record?.expires_in !== undefined && Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : undefined;
  return { token, expiresInMs };
}

function oauthErrorCode(body: unknown): string | undefined {
  const code = body && typeof body === "object" ? (body as Record<string, unknown>).error : undefined;
  return typeof code === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
}

// --- CSRF handshake ----------------------------------------------------------------------------------------------

async function fetchCsrf(url: string, endpoint: string, doFetch: Fetch, gen: number): Promise<CsrfState> {
  let response: Response;
  try {
    // No Authorization (as Hitachi's Ansible collection); `credentials: "include"` lets a browser store the cookies.
    response = await doFetch(new Request(url, { method: "GET", credentials: "include" }));
  } catch (error) {
    throw new HitachiSessionError(`hitachiSession: CSRF request to ${endpoint} failed: ${errorSummary(error)}`, {
      stage: "csrf",
      endpoint,
      cause: error,
    });
  }
  void response.body?.cancel().catch(() => undefined); // body undocumented and unused; not awaited (see above)
  if (!response.ok) {
    throw new HitachiSessionError(`hitachiSession: CSRF request to ${endpoint} failed with HTTP ${response.status}`, {
      stage: "csrf",
      status: response.status,
      endpoint,
    });
  }
  const cookies = new Map<string, string>();
  applySetCookies(cookies, readSetCookies(response.headers));
  let xsrf = cookies.get(XSRF_COOKIE);
  if (!xsrf) xsrf = readDocumentCookie(XSRF_COOKIE); // browsers hide Set-Cookie from scripts
  if (!xsrf) {
    throw new HitachiSessionError(
      `hitachiSession: CSRF response from ${endpoint} (HTTP ${response.status}) set no ${XSRF_COOKIE} cookie` +
        (cookies.size > 0 ? ` (cookies set: ${[...cookies.keys()].join(", ")})` : ""),
      { stage: "csrf", status: response.status, endpoint },
    );
  }
  return { gen, xsrf, cookies, cookieHeader: serializeCookies(cookies) };
}

// --- cookies -----------------------------------------------------------------------------------------------------

/** Every Set-Cookie line: `Headers.getSetCookie()` (Node >= 19.7, modern browsers), else split a combined header. */
export function readSetCookies(headers: Headers): string[] {
  const h = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof h.getSetCookie === "function") return h.getSetCookie();
  const combined = headers.get("set-cookie");
  return combined ? splitCombinedSetCookie(combined) : [];
}

/**
 * Splits `a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT, b=2` (several Set-Cookie values joined with ", ")
 * at the commas that are followed by a `name=` token. The comma inside an Expires date is followed by
 * ` 21 Oct…` (a token ending in a space, not `=`), so it is kept.
 */
export function splitCombinedSetCookie(combined: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = combined.length;
  for (let i = combined.indexOf(","); i !== -1; i = combined.indexOf(",", i + 1)) {
    let j = i + 1;
    while (j < n && (combined.charCodeAt(j) === 32 || combined.charCodeAt(j) === 9)) j++;
    let k = j;
    while (k < n) {
      const d = combined.charCodeAt(k);
      if (d === 61 /* = */ || d === 59 /* ; */ || d === 44 /* , */ || d === 32 || d === 9) break;
      k++;
    }
    if (k > j && k < n && combined.charCodeAt(k) === 61) {
      const piece = combined.slice(start, i).trim();
      if (piece) out.push(piece);
      start = j;
    }
  }
  const last = combined.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Applies Set-Cookie lines to `jar` (name -> value; attributes dropped). Returns whether anything changed. */
function applySetCookies(jar: Map<string, string>, lines: readonly string[]): boolean {
  let changed = false;
  for (const line of lines) {
    const semi = line.indexOf(";");
    const pair = semi === -1 ? line : line.slice(0, semi);
    const eq = pair.indexOf("=");
    if (eq <= 0) continue; // no name: ignored, as browsers do for our purposes
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!name) continue;
    if (semi !== -1 && isDeletion(line.slice(semi + 1))) {
      changed = jar.delete(name) || changed;
      continue;
    }
    if (jar.get(name) !== value) {
      jar.set(name, value);
      changed = true;
    }
  }
  return changed;
}

/** `Max-Age=0` (or negative) deletes a cookie. */
function isDeletion(attributes: string): boolean {
  for (const attr of attributes.split(";")) {
    const eq = attr.indexOf("=");
    if (eq === -1) continue;
    if (attr.slice(0, eq).trim().toLowerCase() === "max-age") {
      const n = Number(attr.slice(eq + 1).trim());
      if (Number.isFinite(n) && n <= 0) return true;
    }
  }
  return false;
}

function serializeCookies(jar: Map<string, string>): string {
  let out = "";
  for (const [name, value] of jar) out += (out ? "; " : "") + name + "=" + value;
  return out;
}

/** The caller's own cookies (those the session does not manage) followed by the session's. */
function mergeCookieHeader(userCookie: string | null, csrf: CsrfState): string {
  if (!userCookie) return csrf.cookieHeader;
  let kept = "";
  for (const part of userCookie.split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf("=");
    const name = eq === -1 ? trimmed : trimmed.slice(0, eq).trim();
    if (csrf.cookies.has(name)) continue;
    kept += (kept ? "; " : "") + trimmed;
  }
  if (!kept) return csrf.cookieHeader;
  return csrf.cookieHeader ? `${kept}; ${csrf.cookieHeader}` : kept;
}

function readDocumentCookie(name: string): string | undefined {
  const doc = (globalThis as { document?: { cookie?: unknown } }).document;
  const all = doc && typeof doc.cookie === "string" ? doc.cookie : "";
  for (const part of all.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw) || undefined;
      } catch {
        return raw || undefined;
      }
    }
  }
  return undefined;
}

// --- helpers -----------------------------------------------------------------------------------------------------

/** origin + path: drops user info, query and fragment (where secrets could hide). */
function redactUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.origin + url.pathname;
  } catch {
    return "(invalid URL)";
  }
}

/** Error name and code only: transport messages can echo URLs, never bodies, but keep it minimal anyway. */
function errorSummary(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? `${error.name} (${code})` : error.name;
  }
  return "network error";
}
