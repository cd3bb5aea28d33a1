// From an HTTP exchange to data or a BucketryError. Vendor differences are data (an ErrorProfile per
// provider); the logic here is the same for all five.
import { BucketryError, type ErrorKind } from "./errors.js";
import type { Provider } from "./model.js";

export interface VendorError {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
}

/** What a provider contributes to error handling. */
export interface ErrorProfile {
  provider: Provider;
  /** Response headers carrying the request id, in order of preference. */
  requestIdHeaders: readonly string[];
  /** Vendor error code → kind; looked up before the HTTP-status default. */
  codeKinds: Readonly<Record<string, ErrorKind>>;
  /** Extracts code/message/request id from an error body (parsed JSON object, or raw text). */
  readError(body: unknown): VendorError;
}

export function statusKind(status: number): ErrorKind {
  if (status === 400 || status === 405 || status === 409 || status === 411 || status === 413 || status === 422) return "InvalidArgument";
  if (status === 401) return "InvalidCredentials";
  if (status === 403) return "AccessDenied";
  if (status === 404) return "NotFound";
  if (status === 408) return "Timeout";
  if (status === 429) return "Throttled";
  if (status === 502 || status === 503 || status === 504) return "Unavailable";
  if (status >= 500) return "ServerError";
  return "Unknown";
}

const RETRYABLE: ReadonlySet<ErrorKind> = new Set(["Throttled", "Unavailable", "ServerError", "Network", "Timeout", "ClockSkew"]);

export function isRetryableKind(kind: ErrorKind): boolean {
  return RETRYABLE.has(kind);
}

export function requestIdOf(profile: ErrorProfile, headers: Headers): string | undefined {
  for (const name of profile.requestIdHeaders) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Milliseconds the server asked us to wait: `Retry-After` (seconds or HTTP date) or `x-acs-retry-after` (ms). */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const acs = headers.get("x-acs-retry-after");
  if (acs && /^\d+$/.test(acs.trim()) && Number(acs) > 0) return Number(acs);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function serverTimeOf(headers: Headers): number | undefined {
  const date = headers.get("date");
  if (!date) return undefined;
  const t = Date.parse(date);
  return Number.isNaN(t) ? undefined : t;
}

/** A non-2xx response as a BucketryError, whatever its body looks like. */
export function errorFromResponse(profile: ErrorProfile, response: Response, body: unknown, now = Date.now()): BucketryError {
  let vendor: VendorError = {};
  try {
    vendor = profile.readError(body);
  } catch {
    vendor = {};
  }
  const code = vendor.code || undefined;
  const kind = (code && profile.codeKinds[code]) || (code && prefixKind(profile, code)) || statusKind(response.status);
  const requestId = requestIdOf(profile, response.headers) ?? (vendor.requestId || undefined);
  const summary = [code, vendor.message].filter(Boolean).join(": ") || (typeof body === "string" && body.trim() ? "unexpected error body" : "no error body");
  return new BucketryError({
    provider: profile.provider,
    kind,
    status: response.status,
    code,
    vendorMessage: vendor.message,
    requestId,
    retryable: isRetryableKind(kind),
    retryAfterMs: retryAfterMs(response.headers, now),
    serverTime: serverTimeOf(response.headers),
    message: `${profile.provider} answered HTTP ${response.status}${summary ? ` (${summary})` : ""}${requestId ? ` [request id ${requestId}]` : ""}`,
  });
}

/** Codes ending in a wildcard (`Throttling.*`, `InvalidParameter.*`) in the code table. */
function prefixKind(profile: ErrorProfile, code: string): ErrorKind | undefined {
  for (const [pattern, kind] of Object.entries(profile.codeKinds)) {
    if (pattern.endsWith("*") && code.startsWith(pattern.slice(0, -1))) return kind;
  }
  return undefined;
}

/** A 2xx body that is not what the vendor documents. */
export function malformed(profile: ErrorProfile, response: Response, what: string, cause?: unknown): BucketryError {
  const requestId = requestIdOf(profile, response.headers);
  return new BucketryError({
    provider: profile.provider,
    kind: "MalformedResponse",
    status: response.status,
    requestId,
    retryable: false,
    message: `${profile.provider} sent a response bucketry cannot read: ${what} (HTTP ${response.status}${requestId ? `, request id ${requestId}` : ""})`,
    cause,
  });
}

/** Parses a JSON body text; anything else (HTML, truncated JSON, empty) is a MalformedResponse. */
export function parseJsonBody(profile: ErrorProfile, response: Response, text: unknown): unknown {
  if (typeof text !== "string" || text.trim() === "") throw malformed(profile, response, "empty body");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw malformed(profile, response, `body is not JSON (${(err as Error).message})`, err);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
