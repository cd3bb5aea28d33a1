// The one error the Hitachi session throws, and the helpers that keep secrets out of its messages.

/**
 * Where the session failed: its credentials, the token grant, the CSRF handshake, or a MAPI call answered with a
 * redirect it did not follow (`redirect`: its token, XSRF token and cookies go nowhere a Location points).
 */
export type HitachiSessionStage = "credentials" | "token" | "csrf" | "redirect";

/**
 * Thrown when the token fetch or CSRF handshake fails, or a MAPI call is answered with a redirect. Carries no secret:
 * stage, HTTP status, redacted endpoint, Retry-After, and for a refused CSRF handshake (a request that carries no
 * credentials) the MAPI's error body.
 */
export class HitachiSessionError extends Error {
  override readonly name = "HitachiSessionError";
  readonly stage: HitachiSessionStage;
  readonly status: number | undefined;
  readonly endpoint: string | undefined;
  /** The failed response's `Retry-After` header as sent (seconds or an HTTP date), e.g. with a 429 or 503. */
  readonly retryAfter: string | undefined;
  /**
   * A refused CSRF handshake's answer body, as the MAPI's errors are read: parsed JSON (`{ code, message, details }`),
   * else its text; undefined for other stages, an empty body, or one over `ERROR_BODY_BYTES`.
   */
  readonly body: unknown;

  constructor(
    message: string,
    details: { stage: HitachiSessionStage; status?: number | undefined; endpoint?: string | undefined; retryAfter?: string | undefined; body?: unknown; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.stage = details.stage;
    this.status = details.status;
    this.endpoint = details.endpoint;
    this.retryAfter = details.retryAfter;
    this.body = details.body;
  }
}

/** The most of an error answer's body read for `HitachiSessionError.body`, in characters (a MAPI error is well under 1 KiB). */
export const ERROR_BODY_BYTES = 16 * 1024;

/**
 * An error answer's body, parsed as JSON when it is JSON, else its text; undefined when empty, unreadable or over
 * `ERROR_BODY_BYTES` (the rest is then not read: the connection is given up).
 */
export async function errorBody(response: Response): Promise<unknown> {
  let text = "";
  try {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (let chunk; !(chunk = await reader.read()).done; ) {
      text += decoder.decode(chunk.value, { stream: true });
      if (text.length > ERROR_BODY_BYTES) return void reader.cancel().catch(() => undefined);
    }
  } catch {
    return undefined;
  }
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** origin + path: drops user info, query and fragment (where secrets could hide). */
export function redactUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.origin + url.pathname;
  } catch {
    return "(invalid URL)";
  }
}

/** The fixed messages platforms' fetch gives a failed connection (they carry no URL or data): shown as they are. */
const PLATFORM_NETWORK_MESSAGE = /^(Network connection lost|fetch failed|Failed to fetch|Load failed|NetworkError when attempting to fetch resource)\.?$/;

/**
 * Error name and code, or a platform's fixed network message (workerd's has neither code nor TypeError): other
 * transport messages can echo URLs, never bodies, but stay out anyway.
 */
export function errorSummary(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
    if (typeof code === "string") return `${error.name} (${code})`;
    return PLATFORM_NETWORK_MESSAGE.test(error.message) ? `${error.name}: ${error.message}` : error.name;
  }
  return "network error";
}

/**
 * For a redirect the session did not follow (its requests are sent with `redirect: "manual"`: a password, token or
 * XSRF token must not go to wherever a Location points): what to say, naming only the origin it points to (never
 * its path or query; `base` resolves a relative Location); "" otherwise.
 */
export function redirectNote(response: Response, base?: string): string {
  // A browser hides a manual redirect's status and Location (type "opaqueredirect", status 0): nothing to name.
  if (response.type === "opaqueredirect") return "; redirects are not followed: check the endpoint";
  if (response.status < 300 || response.status > 399) return "";
  let origin = "";
  try {
    const location = response.headers.get("location");
    if (location !== null) origin = new URL(location, response.url || base).origin;
  } catch {
    // no usable Location
  }
  return `; a redirect${origin ? ` to ${origin}` : ""}, not followed: use the URL it points to`;
}

/**
 * Frees the connection of an answer whose body is not read. Not awaited: under MSW a cancel on a mocked body may
 * never settle (mswjs/interceptors#799).
 */
export const discard = (response: Response): void => void response.body?.cancel().catch(() => undefined);

/** A failed response's Retry-After, for the error (a header value has no secret; cookies are never copied). */
export function retryAfterOf(response: Response): string | undefined {
  return response.headers.get("retry-after") ?? undefined;
}

export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

export type Fetch = (request: Request) => Promise<Response>;

/** How an exchange that did not succeed ended, for a message: its status, or a redirect a browser hides (status 0). */
export function failedWith(response: Response): string {
  return response.type === "opaqueredirect" ? "answered a redirect the browser hides" : `failed with HTTP ${response.status}`;
}
