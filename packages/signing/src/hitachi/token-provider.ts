// The bearer token of a Hitachi VSP One Object session: a static token, a function called for every request,
// or an OAuth 2 password grant (Keycloak realm `vsp-object` on 3.x, `.../auth/oauth` on HCP-CS 2.x) whose
// token is cached until `expires_in` (minus a margin) and fetched once for any number of concurrent callers
// (a fetch every caller gave up on, their signals aborted, is aborted and not handed to the next caller).
//
// Every fetched token carries a generation: a caller that saw a token rejected drops exactly that one, so
// ten requests failing together with the same token cause one new fetch, not ten.
//
// The password, client secret and tokens live only in this module's closures; errors name the stage, the
// HTTP status and the redacted endpoint, never a secret.
import { hideSecrets } from "#printable";
import { isHeaderToken, type Clock } from "../types.js";
import { HitachiSessionError, errorSummary, redactUrl, failedWith, redirectNote, retryAfterOf, type Fetch } from "./session-error.js";
import { startFlight, type Flight } from "./shared-flight.js";

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

/** What a credentials function is told when it is asked for a token. */
export interface HitachiTokenRequest {
  /**
   * The MAPI refused (401) the token this function last gave: answer with a fresh one, past any cache of your
   * own (the re-authentication attempt follows at once).
   */
  refresh: boolean;
}

/**
 * A static token, a password grant (token fetched and cached), or a function called before every attempt. The
 * function is always given its `HitachiTokenRequest` (so `async ({ refresh }) => …` needs no `?.`).
 */
export type HitachiCredentials =
  | HitachiTokenCredentials
  | HitachiPasswordCredentials
  | ((request: HitachiTokenRequest) => Promise<HitachiTokenCredentials> | HitachiTokenCredentials);

export type HitachiAuthKind = "token" | "password" | "function";

/** A token and the generation it belongs to (0 for static and function tokens, which are never dropped). */
export interface IssuedToken {
  readonly value: string;
  readonly generation: number;
}

export interface HitachiTokenProvider {
  readonly kind: HitachiAuthKind;
  /** The password grant's token endpoint, redacted (origin + path). */
  readonly tokenUrl: string | undefined;
  /** Whether a fetched token is cached and not yet expired (never the token itself). */
  readonly cached: boolean;
  /** The token for the next request; a caller whose `signal` aborts stops waiting for a grant in flight. */
  token(signal?: AbortSignal | null): Promise<IssuedToken> | IssuedToken;
  /**
   * Drops the fetched token so the next `token()` fetches a new one; with `generation`, only when the cached
   * token is still that one (someone else may have refreshed it already). A static token is the caller's:
   * nothing to drop; a function is asked next time with `{ refresh: true }`.
   */
  invalidate(generation?: number): void;
}

export interface HitachiTokenProviderOptions {
  /** Transport for the password grant. */
  fetch: Fetch;
  /** Epoch ms, for token expiry. */
  clock: Clock;
}

const DEFAULT_CLIENT_ID = "vsp-object-external-client";
/** Safety margin before `expires_in` (capped at half the lifetime for very short-lived tokens). */
const EXPIRY_MARGIN_MS = 30_000;

interface TokenEntry {
  readonly flight: Flight<IssuedToken>;
  /**
   * Epoch ms after which the token is refetched; Infinity while pending or when the server gave no expires_in,
   * -Infinity when its expires_in was 0 or less or unreadable (not cached).
   */
  expiresAt: number;
}

/** Secrets stay in this closure: the provider object itself holds none (util.inspect shows nothing secret). */
export function hitachiTokenProvider(credentials: HitachiCredentials, options: HitachiTokenProviderOptions): HitachiTokenProvider {
  const kind = describeCredentials(credentials);
  const { fetch, clock } = options;
  if (kind === "token") assertToken((credentials as HitachiTokenCredentials).token, "static credentials");
  const endpoint = kind === "password" ? validateTokenUrl((credentials as HitachiPasswordCredentials).tokenUrl) : undefined;
  let generation = 0;
  let entry: TokenEntry | undefined;
  /** A function's token was refused: its next call is told so. */
  let refresh = false;
  /** Which of a function's answers a token is: each `{ refresh: true }` call starts a new one. */
  let fnGeneration = 0;
  /** The `{ refresh: true }` call in flight: every request that asks meanwhile waits for it (one refresh). */
  let refreshing: Flight<IssuedToken> | undefined;
  const isCached = () => entry !== undefined && clock() < entry.expiresAt && !entry.flight.abandoned;

  return {
    kind,
    tokenUrl: endpoint,
    get cached() {
      return isCached();
    },
    token(signal) {
      // Read per call: a caller may rotate the token in the object it passed.
      if (kind === "token") return issued((credentials as HitachiTokenCredentials).token, 0);
      if (kind === "function") {
        const fn = credentials as (request: HitachiTokenRequest) => Promise<HitachiTokenCredentials> | HitachiTokenCredentials;
        if (refreshing?.abandoned) {
          // Everyone who waited for the refresh gave up: the next caller asks again.
          refreshing = undefined;
          refresh = true;
        }
        if (refreshing !== undefined) return refreshing.join(signal);
        if (refresh) {
          refresh = false;
          const gen = ++fnGeneration;
          const flight: Flight<IssuedToken> = startFlight(() =>
            callTokenFunction(fn, { refresh: true }, gen).then(
              (token) => {
                if (refreshing === flight) refreshing = undefined;
                return token;
              },
              (error: unknown) => {
                if (refreshing === flight) [refreshing, refresh] = [undefined, true]; // the next caller asks again
                throw error;
              },
            ),
          );
          refreshing = flight;
          return flight.join(signal);
        }
        const call = () => callTokenFunction(fn, { refresh: false }, fnGeneration);
        // Waited for under the caller's signal: one who gave up does not wait for a function that hangs.
        return signal ? startFlight(call).join(signal) : call();
      }
      if (isCached()) return entry!.flight.join(signal);
      const gen = ++generation;
      const startedAt = clock();
      const current: TokenEntry = {
        expiresAt: Infinity,
        flight: startFlight((abort) =>
          fetchPasswordToken(credentials as HitachiPasswordCredentials, endpoint!, fetch, abort).then(
            ({ token, expiresInMs }) => {
              // 0: not cached (-Infinity, whatever the clock says); callers already waiting on this grant share it.
              if (expiresInMs !== undefined) current.expiresAt = expiresInMs > 0 ? startedAt + expiresInMs - Math.min(EXPIRY_MARGIN_MS, expiresInMs / 2) : -Infinity;
              return issued(token, gen);
            },
            (error: unknown) => {
              if (entry === current) entry = undefined; // not cached: the next call tries again
              throw error;
            },
          ),
        ),
      };
      entry = current;
      return current.flight.join(signal);
    },
    invalidate(usedGeneration) {
      // A static token is the caller's; a function is told to refresh; a token refreshed since `usedGeneration` is
      // kept (requests refused together, or late, cause one refresh).
      if (kind === "function" && (usedGeneration === undefined || usedGeneration === fnGeneration)) refresh = true;
      if (kind !== "password" || (usedGeneration !== undefined && usedGeneration !== generation)) return;
      entry = undefined;
    },
  };
}

async function callTokenFunction(fn: (request: HitachiTokenRequest) => Promise<HitachiTokenCredentials> | HitachiTokenCredentials, request: HitachiTokenRequest, generation: number): Promise<IssuedToken> {
  const value = (await fn(request))?.token;
  assertToken(value, "the credentials function");
  return issued(value, generation);
}

/** A token as the session holds it: printing it (util.inspect, console.log, Deno) hides its value. */
const issued = (value: string, generation: number): IssuedToken => hideSecrets({ value, generation }, ["value"]);

function describeCredentials(credentials: HitachiCredentials): HitachiAuthKind {
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
  if (!isHeaderToken(token)) {
    throw new HitachiSessionError(`hitachiSession: ${source} gave a token with a character that cannot be sent in an HTTP header`, {
      stage: "credentials",
    });
  }
}

function validateTokenUrl(tokenUrl: unknown): string {
  let url: URL;
  try {
    url = new URL(String(tokenUrl));
  } catch {
    throw new HitachiSessionError("hitachiSession: credentials.tokenUrl is not an absolute URL", { stage: "credentials" });
  }
  // An "@" anywhere is user info, or was meant as it: with a "/" in the password the text parses as a host named
  // like the user, and the grant (password included) would go there.
  if (url.username || url.password || String(tokenUrl).includes("@")) {
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
  signal: AbortSignal,
): Promise<{ token: string; expiresInMs: number | undefined }> {
  const form = new URLSearchParams({ grant_type: "password", username: creds.username, password: creds.password, client_id: creds.clientId ?? DEFAULT_CLIENT_ID });
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
        // The form carries the password: it goes to tokenUrl and nowhere a redirect points.
        redirect: "manual",
        signal,
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
      `hitachiSession: token request to ${endpoint} ${failedWith(response)}${code ? ` (${code})` : ""}${redirectNote(response, creds.tokenUrl)}`,
      { stage: "token", status: response.status, endpoint, retryAfter: retryAfterOf(response) },
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
  if (!isHeaderToken(token)) {
    throw new HitachiSessionError(`hitachiSession: token response from ${endpoint} has an access_token that cannot be sent in an HTTP header`, {
      stage: "token",
      status: response.status,
      endpoint,
    });
  }
  // expires_in (seconds; a number, or a string holding one) absent: no expiry given, kept until a request is refused.
  // 0 or less, or not a number: 0, do not cache (authenticate again on the next call). A token the server says has
  // expired must not be reused, and the API page does not make the field optional: unreadable is not "no expiry".
  const expiresIn = record?.expires_in;
  const seconds = typeof expiresIn === "boolean" ? 0 : Number(expiresIn);
  return { token, expiresInMs: expiresIn === undefined ? undefined : seconds > 0 && seconds < Infinity ? seconds * 1000 : 0 };
}

function oauthErrorCode(body: unknown): string | undefined {
  const code = body && typeof body === "object" ? (body as Record<string, unknown>).error : undefined;
  return typeof code === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
}
