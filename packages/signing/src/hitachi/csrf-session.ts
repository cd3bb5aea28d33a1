// The CSRF half of a Hitachi VSP One Object session: `GET {base}/v1/csrf` answers with `Set-Cookie:
// XSRF-TOKEN=…` and `vertx-web.session=…` (Vert.x), and every MAPI call must then send `X-XSRF-TOKEN: <that
// token>` and all those cookies. The token has a "limited lifetime" the server does not announce: a 401 is
// how a caller learns it ran out, and drops the state it used.
//
// The GET carries no Authorization, as Hitachi's own Ansible collection sends it, so it runs in parallel
// with a token fetch. One handshake is in flight for any number of callers; a failed one is not cached, and
// one every caller gave up on (their signals aborted) is aborted and not handed to the next caller.
//
// Browsers: `Set-Cookie` is not readable by scripts. The GET is sent with `credentials: "include"` so the
// browser's jar stores the cookies, and the XSRF-TOKEN value is read from `document.cookie` — only when the
// MAPI is on the page's host (cookies are kept per host, whatever the port or scheme; not HttpOnly): on another
// host, `document.cookie` holds the page's own cookies, and an XSRF-TOKEN there (Angular, Spring, Laravel) is
// the page's secret.
import { CookieJar, readDocumentCookie, readSetCookies } from "#cookie-jar";
import { HitachiSessionError, discard, errorBody, errorSummary, redactUrl, failedWith, redirectNote, retryAfterOf, type Fetch } from "./session-error.js";
import { hideSecrets } from "#printable";
import { startFlight, type Flight } from "./shared-flight.js";

const XSRF_COOKIE = "XSRF-TOKEN";

/** One handshake's result. `xsrf` follows the jar when a later response rotates the XSRF-TOKEN cookie. */
export interface CsrfState {
  /** Which handshake this is; a 401 on a request made with an older one does not drop a newer one. */
  readonly generation: number;
  xsrf: string;
  readonly jar: CookieJar;
}

export interface HitachiCsrfSession {
  /** Whether a handshake result is cached. */
  readonly ready: boolean;
  /**
   * The current state; performs the handshake (once, for every concurrent caller) when there is none. A caller
   * whose `signal` aborts stops waiting; when all have, the handshake is aborted and the next call starts anew.
   */
  current(signal?: AbortSignal | null): Promise<CsrfState> | CsrfState;
  /** Drops the state so the next `current()` shakes hands anew; with `generation`, only if it is still current. */
  invalidate(generation?: number): void;
  /**
   * Adopts the cookies a MAPI response (re)sets, as a browser's jar would (e.g. a rotated XSRF-TOKEN) — when
   * the response answers a request made with the current state (`generation`), or with no known state.
   */
  absorb(response: Response, generation?: number): void;
}

export interface HitachiCsrfSessionOptions {
  /** The CSRF method's absolute URL, e.g. `https://admin.region1.cluster1/mapi/v1/csrf`. */
  url: string;
  fetch: Fetch;
  /** Epoch ms, against which the cookies' Max-Age and Expires are read. Default `Date.now`. */
  clock?: (() => number) | undefined;
}

export function hitachiCsrfSession(options: HitachiCsrfSessionOptions): HitachiCsrfSession {
  const { url, fetch, clock } = options;
  const endpoint = redactUrl(url);
  const pageXsrf = pageCookieReader(url);
  let generation = 0;
  let pending: Flight<CsrfState> | undefined;
  let resolved: CsrfState | undefined;
  /** The cookies the handshake set: one of them expired (Max-Age, Expires) takes the session with it. */
  let shaken: string[] = [];
  const drop = () => {
    generation++;
    pending = undefined;
    resolved = undefined;
  };

  return {
    get ready() {
      return resolved !== undefined;
    },
    current(signal) {
      if (resolved && shaken.every((name) => resolved!.jar.get(name) !== undefined)) return resolved;
      if (resolved) drop();
      if (pending && !pending.abandoned) return pending.join(signal);
      const flight: Flight<CsrfState> = startFlight((abort) =>
        handshake(url, endpoint, fetch, generation, abort, pageXsrf, clock).then(
          (state) => {
            if (pending === flight) [resolved, shaken] = [state, state.jar.names()];
            return state;
          },
          (error: unknown) => {
            if (pending === flight) pending = undefined;
            throw error;
          },
        ),
      );
      pending = flight;
      return flight.join(signal);
    },
    invalidate(usedGeneration) {
      if (usedGeneration !== undefined && usedGeneration !== generation) return; // somebody already refreshed
      drop();
    },
    absorb(response, usedGeneration) {
      const state = resolved;
      if (!state || (usedGeneration !== undefined && usedGeneration !== state.generation)) return;
      // Where scripts cannot see Set-Cookie (a browser), the browser's jar took a rotated token: read it there.
      const changed = state.jar.setCookies(readSetCookies(response.headers));
      const xsrf = changed ? state.jar.get(XSRF_COOKIE) : pageXsrf?.();
      if (xsrf) state.xsrf = xsrf;
      // The server deleted the XSRF cookie (Max-Age=0, an Expires past): sending its old value would cost a 401,
      // a new token and the call's one re-authentication; the next call shakes hands first instead.
      else if (changed) drop();
    },
  };
}

/**
 * Reads the XSRF-TOKEN cookie from `document.cookie` where the page is on the MAPI's host (a browser keeps cookies
 * per host, not per port: the page's cookies are then the MAPI's); undefined elsewhere (Node, workers, a MAPI on
 * another host).
 */
function pageCookieReader(url: string): (() => string | undefined) | undefined {
  const page = (globalThis as { location?: { hostname?: unknown } }).location?.hostname;
  if (typeof page !== "string") return undefined;
  try {
    if (new URL(url).hostname !== page) return undefined;
  } catch {
    return undefined;
  }
  return () => readDocumentCookie(XSRF_COOKIE);
}

async function handshake(url: string, endpoint: string, fetch: Fetch, generation: number, signal: AbortSignal, pageXsrf: (() => string | undefined) | undefined, clock?: () => number): Promise<CsrfState> {
  let response: Response;
  try {
    // No Authorization (as Hitachi's Ansible collection); `credentials: "include"` lets a browser store the
    // cookies; a redirect is not followed (the answer must be the MAPI's own).
    response = await fetch(new Request(url, { method: "GET", credentials: "include", redirect: "manual", signal }));
  } catch (error) {
    throw new HitachiSessionError(`hitachiSession: CSRF request to ${endpoint} failed: ${errorSummary(error)}`, {
      stage: "csrf",
      endpoint,
      cause: error,
    });
  }
  if (!response.ok) {
    // A 404 here is most often a base URL without the MAPI path: say where to look.
    const hint = response.status === 404 ? " (is the base URL the MAPI base, e.g. https://admin.region1.cluster1/mapi?)" : "";
    // The MAPI's error body says why (its code and message); the request carried no credentials to echo.
    const body = response.type === "opaqueredirect" ? undefined : await errorBody(response);
    throw new HitachiSessionError(`hitachiSession: CSRF request to ${endpoint} ${failedWith(response)}${hint}${redirectNote(response, url)}`, {
      stage: "csrf",
      status: response.status,
      endpoint,
      retryAfter: retryAfterOf(response),
      body,
    });
  }
  discard(response); // a success's body is undocumented and unused
  const jar = new CookieJar(clock);
  jar.setCookies(readSetCookies(response.headers));
  const xsrf = jar.get(XSRF_COOKIE) || pageXsrf?.(); // browsers hide Set-Cookie from scripts
  if (!xsrf) {
    // A browser page on another host cannot read the MAPI's cookies at all: say so.
    const page = (globalThis as { document?: unknown }).document !== undefined && pageXsrf === undefined ? "; a page can read it only when the MAPI is on the page's host" : "";
    throw new HitachiSessionError(
      `hitachiSession: CSRF response from ${endpoint} (HTTP ${response.status}) set no ${XSRF_COOKIE} cookie` +
        (jar.header() ? ` (cookies set: ${jar.names().join(", ")})` : "") + page,
      { stage: "csrf", status: response.status, endpoint },
    );
  }
  // The XSRF token is a session secret: printing the state hides it.
  return hideSecrets({ generation, xsrf, jar }, ["xsrf"]);
}
