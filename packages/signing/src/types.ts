// Shapes shared by every signer. Signers are openapi-fetch middleware; their cores are plain
// functions over a `SignableRequest` so they can be tested against the vendors' SDKs directly.

/** One shape for the four AK/SK vendors (Alibaba ENS/OSS, Huawei, Baidu). */
export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS / temporary-credential token; always sent and signed when present. */
  securityToken?: string | undefined;
}

/** Static credentials, or a function called before every attempt (refreshable STS). */
export type CredentialSource<C = AccessKeyCredentials> = C | (() => C | Promise<C>);

/** Returns "now" as epoch milliseconds; the facade passes one that applies a learned clock offset. */
export type Clock = () => number;

/** What a signer reads and writes. Headers are mutated in place; the URL may gain query params (RPC v1). */
export interface SignableRequest {
  /** Upper case: the signers sign it upper-cased, so the request must go out so (the middleware sends this one). */
  method: string;
  url: URL;
  headers: Headers;
  /** Exact body bytes that will be sent (undefined or empty for none). */
  body?: Uint8Array | undefined;
  /** Set by the signer: what it signed (never a key or a derived key). */
  signed?: SignedParts | undefined;
  /** The request's signal: a credentials function still pending when it aborts is given up (the middleware sets it). */
  signal?: AbortSignal | null | undefined;
}

/**
 * What a signer signed, to compare with what a vendor reports on a signature error. Contains no secret and
 * no derived key; it may contain the request's header values, a security token among them.
 */
export interface SignedParts {
  /** The canonical request (schemes that have one: ACS3, OSS V4, SDK-HMAC-SHA256, bce-auth-v1). */
  canonicalRequest?: string | undefined;
  /** The string the signature is the HMAC of (for bce-auth-v1, the canonical request itself). */
  stringToSign: string;
}

/**
 * Refuses credentials that are not an object — what a credentials function returns when it forgets to (`undefined`) —
 * saying what arrived by its type alone: reading `accessKeyId` of it failed with the platform's "Cannot read
 * properties of undefined".
 */
export function assertCredentialsObject(scheme: string, creds: unknown): void {
  if (typeof creds !== "object" || creds === null) {
    throw new TypeError(`${scheme}: credentials resolved to ${creds === null ? "null" : typeof creds}, not { accessKeyId, accessKeySecret }`);
  }
}

/**
 * Refuses a list option that is not an array of strings. A string would be read by its letters
 * (`subResources: "acl"` signs `a`, `c`, `l`) and the server would answer with a signature mismatch that names nothing.
 */
export function assertNameList(scheme: string, option: string, value: unknown): void {
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) throw new TypeError(`${scheme}: ${option} must be an array of strings`);
}

/**
 * The signing time from `clock` (default `Date.now`), as epoch milliseconds. A value that is no time (`NaN`, an
 * undefined return, beyond the Date range) is a TypeError naming the option: formatting it failed with the
 * platform's "Invalid time value".
 */
export function signingTime(scheme: string, clock: Clock | undefined): number {
  const value = clock === undefined ? Date.now() : clock();
  const ms = Number(value);
  if (!(Math.abs(ms) <= 8.64e15)) throw new TypeError(`${scheme}: clock must return epoch milliseconds (as Date.now does), got ${typeof value === "number" ? value : typeof value}`);
  return ms;
}

/**
 * A header value as the platform's Headers stores and sends it: leading and trailing HTTP whitespace (tab, LF, CR,
 * space) removed. A value a signer adds itself is signed in this form, or the signature covers bytes never sent.
 */
export function httpTrim(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

/** A credential as a header carries it: non-empty visible ASCII (Headers.set would echo anything else in its error). */
export function isHeaderToken(value: unknown): value is string {
  return typeof value === "string" && /^[\x21-\x7e]+$/.test(value);
}

/**
 * Refuses a key id or security token a header cannot carry (space, control character or non-ASCII), naming the
 * field and never the value: the platform's Headers would refuse it with a message that quotes it.
 */
export function assertHeaderSafeCredentials(scheme: string, creds: { accessKeyId?: unknown; securityToken?: unknown }): void {
  for (const field of ["accessKeyId", "securityToken"] as const) {
    const value = creds[field];
    if (typeof value === "string" && value !== "" && !isHeaderToken(value)) {
      throw new TypeError(`${scheme}: credentials.${field} contains a character that cannot be sent in an HTTP header (check for a stray newline, space or non-ASCII character)`);
    }
  }
}

/**
 * `value`, or a rejection with the signal's reason once `signal` aborts: a credentials function that never settles
 * (a stuck vault or metadata call) must not keep a call its caller aborted (or timed out) waiting for ever.
 */
export function untilAborted<T>(value: T | Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  const promise = Promise.resolve(value);
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener("abort", abort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/**
 * Sorts a flat `[name, value, name, value, …]` list by name (UTF-16 code-unit order), in place. An
 * insertion sort: the lists are a few canonical headers, the request's already sorted (Headers iterates
 * sorted names) followed by the signer's own, so it does little more than one comparison per entry.
 */
export function sortPairs(list: string[]): string[] {
  for (let i = 2; i < list.length; i += 2) {
    const name = list[i]!;
    const value = list[i + 1]!;
    let j = i;
    for (; j > 0 && list[j - 2]! > name; j -= 2) {
      list[j] = list[j - 2]!;
      list[j + 1] = list[j - 1]!;
    }
    list[j] = name;
    list[j + 1] = value;
  }
  return list;
}
