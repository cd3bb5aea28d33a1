// From an HTTP exchange to data or a BucketryError. Vendor differences are data (an ErrorProfile per
// provider); the logic here is the same for all five.
import { BucketryError, RETRYABLE_KINDS, type AccessDeniedDetail, type ErrorKind, type SignatureComparison, type SignedText } from "./errors.js";
import type { Provider } from "./model.js";
import type { Transport } from "@bucketry/signing/fetch";
import { rememberSigned, signedPartsOf } from "@bucketry/signing/signed";
import { lastingTransportFault, NETWORK_CODES, undecodableBody } from "#network-codes";

export interface VendorError {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
  /** A finer code than `code` (OSS's `<EC>`). */
  ec?: string | undefined;
  /** The vendor's page about the error (ENS `Recommend`, OSS `RecommendDoc`). */
  helpUrl?: string | undefined;
  accessDeniedDetail?: AccessDeniedDetail | undefined;
  /** The endpoint the vendor says to use instead (OSS's PermanentRedirect `<Endpoint>`). */
  endpoint?: string | undefined;
}

/** What a provider contributes to error handling. */
export interface ErrorProfile {
  provider: Provider;
  /** Response headers carrying the request id, in order of preference. */
  requestIdHeaders: readonly string[];
  /** A response header carrying the finer code (OSS: `x-oss-ec`), for an answer whose body does not. */
  ecHeader?: string | undefined;
  /** Vendor error code → kind; looked up before the HTTP-status default. */
  codeKinds: Readonly<Record<string, ErrorKind>>;
  /**
   * A kind the code alone does not tell (one code for several faults, told apart by its message; a header that
   * classes the answer whatever its code); looked up before `codeKinds`.
   */
  kindOf?(vendor: VendorError, headers: Headers): ErrorKind | undefined;
  /**
   * Extracts code/message/request id from an error body (parsed JSON object, or raw text). `redact` hides the
   * client's secrets: a profile that shortens raw text applies it first (a secret cut in half no longer matches).
   */
  readError(body: unknown, redact?: (text: string) => string): VendorError;
  /** What the vendor says it signed, from a signature error's body or message (vendors that report it). */
  serverSigned?(body: unknown, vendor: VendorError): SignedText | undefined;
  /**
   * `compareSigned` (from this module) for a provider that signs its requests: a SignatureMismatch error then
   * carries what was signed. Referenced from the profile, not called directly, so that a provider that does not
   * sign (a bearer token) leaves it out of its bundle.
   */
  compareSigned?: typeof compareSigned;
  /** The region a service host of the vendor names (OSS: `oss-cn-shanghai.aliyuncs.com` → `cn-shanghai`), if any. */
  regionOfHost?(host: string): string | undefined;
}

/** What the facade needs to explain a signature error: what was signed, and how to hide secrets in it. */
export interface SigningTrace {
  ours: SignedText | undefined;
  redact: (text: string) => string;
}

export function compareSigned(profile: ErrorProfile, body: unknown, vendor: VendorError, trace: SigningTrace): SignatureComparison | undefined {
  const hide = (t: SignedText | undefined): SignedText | undefined => {
    if (!t || (t.canonicalRequest ?? t.stringToSign) === undefined) return undefined;
    const out: SignedText = {};
    for (const k of ["canonicalRequest", "stringToSign"] as const) if (t[k] !== undefined) out[k] = trace.redact(t[k]);
    return out;
  };
  const ours = hide(trace.ours);
  if (!ours) return undefined;
  let server: SignedText | undefined;
  try {
    server = hide(profile.serverSigned?.(body, vendor));
  } catch {}
  const part = server?.canonicalRequest !== undefined && ours.canonicalRequest !== undefined ? "canonicalRequest" : "stringToSign";
  const a = ours[part]?.split("\n");
  const b = server?.[part]?.split("\n");
  if (!a || !b || ours[part] === server?.[part]) return server ? { ours, server } : { ours };
  let line = 0;
  while (a[line] === b[line]) line++;
  const x = a[line] ?? "";
  const y = b[line] ?? "";
  let column = 0;
  while (column < x.length && x[column] === y[column]) column++;
  return { ours, server, firstDifference: { part, line: line + 1, column: column + 1, ours: x, server: y } };
}

export function statusKind(status: number): ErrorKind {
  // A redirect (a browser's manual one has status 0) is not followed: only the endpoint or region options fix it.
  if (status === 0 || (status > 299 && status < 400)) return "Configuration";
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

export function isRetryableKind(kind: ErrorKind): boolean {
  return RETRYABLE_KINDS.has(kind);
}

/**
 * Whether an answer of `kind` with HTTP `status` is worth retrying: its kind is transient, and its status is not one
 * the server gives this request whatever its load, met again by every retry — 501 Not Implemented, 505 HTTP Version
 * Not Supported, 506 Variant Also Negotiates, 508 Loop Detected, 510 Not Extended, 511 Network Authentication
 * Required (a captive portal) (AWS's SDKs and bce-sdk-go retry 500, 502, 503 and 504 only).
 */
export function isRetryableAnswer(kind: ErrorKind, status: number | undefined): boolean {
  return isRetryableKind(kind) && !(kind === "ServerError" && /^5(0[1568]|1[01])$/.test(String(status)));
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
  // An HTTP date (RFC 9110: IMF-fixdate, or the obsolete RFC 850 and asctime forms) starts with a day name; the
  // engine's lenient Date.parse would read "-5" or "1,2" as a date in 2001 and skip the backoff.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /.test(value)) return undefined;
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
export function errorFromResponse(profile: ErrorProfile, response: Response, body: unknown, now = Date.now(), trace?: SigningTrace): BucketryError {
  // A browser's `redirect: "manual"` answer: status 0, no headers, no body. Say what it was.
  if (response.type === "opaqueredirect") {
    return new BucketryError({ provider: profile.provider, kind: "Configuration", message: `${profile.provider} answered a redirect the browser hides${redirectHint(undefined, null)}` });
  }
  let vendor: VendorError = {};
  try {
    vendor = profile.readError(body, trace?.redact);
  } catch {
    // no code or message, then
  }
  const code = vendor.code || undefined;
  // Own keys only: a code named like an Object.prototype member ("constructor", "toString") is not a kind.
  // A redirect is not followed (the signed headers would go along): the client is pointed at the wrong endpoint or
  // region (OSS's 301 PermanentRedirect names the bucket's), which only its options fix, whatever code the body has.
  const redirect = response.status > 299 && response.status < 400;
  const kind = redirect ? "Configuration" : profile.kindOf?.(vendor, response.headers) || (code && Object.hasOwn(profile.codeKinds, code) ? profile.codeKinds[code] : undefined) || (code && prefixKind(profile, code)) || statusKind(response.status);
  const requestId = requestIdOf(profile, response.headers) ?? (vendor.requestId || undefined);
  const summary = [code, vendor.message].filter(Boolean).join(": ") || bodyWithoutError(body);
  // A 404 in which the vendor says nothing of its own is most often not the vendor's: a path the endpoint added, or a
  // proxy in front of it. Its kind stays NotFound; the message says where to look.
  const unknownPath = response.status === 404 && !code && !vendor.message ? "; no error of the vendor's: check the endpoint (a path in it, or a proxy, answers such a 404)" : "";
  return new BucketryError({
    provider: profile.provider,
    kind,
    status: response.status,
    code,
    vendorMessage: vendor.message,
    requestId,
    ec: vendor.ec || (profile.ecHeader && response.headers.get(profile.ecHeader)) || undefined,
    helpUrl: webPage(vendor.helpUrl),
    accessDeniedDetail: vendor.accessDeniedDetail,
    retryable: isRetryableAnswer(kind, response.status),
    retryAfterMs: retryAfterMs(response.headers, now),
    serverTime: serverTimeOf(response.headers),
    signature: kind === "SignatureMismatch" && trace ? profile.compareSigned?.(profile, body, vendor, trace) : undefined,
    endpoint: hostName(vendor.endpoint),
    message: `${profile.provider} answered HTTP ${response.status}${summary ? ` (${summary})` : ""}${redirect || kind === "Configuration" ? redirectHint(profile, response.headers.get("location"), vendor.endpoint, redirect) : unknownPath}${requestId ? ` [request id ${requestId}]` : ""}`,
  });
}

/**
 * A link the vendor gave, kept only as an absolute http(s) URL of printable ASCII (vendors percent-encode theirs): a
 * program or page may show it as a link, and a `javascript:` or relative one, or one with a control or bidi character,
 * from a proxy's body must not become one.
 */
function webPage(link: string | undefined): string | undefined {
  return link && /^https?:\/\/(?![/?#])[!-~]+$/i.test((link = link.trim())) ? link : undefined;
}

/** What an error body without the vendor's code or message was: nothing, text, or another JSON shape. */
function bodyWithoutError(body: unknown): string {
  if (typeof body === "string") return body.trim() ? "unexpected error body" : "no error body";
  return body === undefined || body === null ? "no error body" : "an error body without the vendor's code or message";
}

/**
 * A 3xx is not followed (the signed headers would go along): say so, and where it pointed (host only). Not a
 * redirect (OSS's 403 for a bucket on another region's endpoint): only the endpoint its body names, if any.
 */
function redirectHint(profile: ErrorProfile | undefined, location: string | null, endpoint?: string, redirect = true): string {
  let host = "";
  try {
    host = new URL(location ?? "").host;
  } catch {
    // No or relative Location: nothing to name.
  }
  // A host name the vendor named in its body (OSS: <Endpoint>oss-cn-shanghai.aliyuncs.com</Endpoint>). When it names
  // a region, the region is what to change: OSS's V4 signs it into every request, so a new endpoint alone is refused.
  const named = hostName(endpoint);
  if (!host && named) {
    const region = profile?.regionOfHost?.(named);
    return `; ${redirect ? "redirects are not followed: " : ""}${region ? `use region: "${region}" (the bucket's region; its endpoint ${named})` : `use the endpoint ${named} (the bucket's region) it names`}`;
  }
  return redirect ? `; redirects are not followed${host ? ` (it points to ${host})` : ""}: check the endpoint and region` : "";
}

/** A host name as a vendor's body names one, or undefined for anything else (a proxy's text must not pose as one). */
const hostName = (text: string | undefined): string | undefined => (text && /^[a-z0-9.-]{1,253}$/i.test(text) ? text : undefined);

/** Codes ending in a wildcard (`Throttling.*`, `InvalidParameter.*`) in the code table. */
function prefixKind(profile: ErrorProfile, code: string): ErrorKind | undefined {
  for (const [pattern, kind] of Object.entries(profile.codeKinds)) {
    if (pattern.endsWith("*") && code.startsWith(pattern.slice(0, -1))) return kind;
  }
  return undefined;
}

/**
 * A 2xx body that is not what the vendor documents (or one past `maxResponseBytes`: its status and headers). With
 * the parsed `body`, its request id is used where no header carries one (ENS's canonical id is the body's).
 */
export function malformed(profile: ErrorProfile, response: Pick<Response, "status" | "headers">, what: string, cause?: unknown, body?: unknown): BucketryError {
  let fromBody: string | undefined;
  try {
    fromBody = body === undefined ? undefined : profile.readError(body).requestId;
  } catch {
    // no id, then
  }
  const requestId = requestIdOf(profile, response.headers) ?? (fromBody || undefined);
  return new BucketryError({
    provider: profile.provider,
    kind: "MalformedResponse",
    status: response.status,
    requestId,
    message: `${profile.provider} sent a response bucketry cannot read: ${what} (HTTP ${response.status}${requestId ? `, request id ${requestId}` : ""})`,
    cause,
  });
}

/**
 * A 2xx JSON object without its result field that reads as the vendor's error body (it has an error code):
 * what to say about it, else undefined. Such a body listed as "no buckets" would hide the error.
 */
export function errorShaped(profile: ErrorProfile, body: Record<string, unknown>, resultField: string): string | undefined {
  if (body[resultField] !== undefined) return undefined;
  const vendor = profile.readError(body);
  return vendor.code ? `the body is a ${vendor.code} error${vendor.message ? ` (${vendor.message})` : ""}, without ${resultField}` : undefined;
}

/**
 * A 2xx JSON object without its result field reads as "none" only when it holds nothing but fields the vendor sends
 * beside it (`besides`): undefined then, else what to say. A body with other fields (a proxy's JSON, another API's
 * answer) listed as "no buckets" would hide the fault from a program that acts on the list.
 */
export function foreignWithoutResult(body: Record<string, unknown>, resultField: string, besides: readonly string[]): string | undefined {
  if (body[resultField] !== undefined) return undefined;
  const foreign = Object.keys(body).filter((key) => key !== resultField && !besides.includes(key));
  if (foreign.length === 0) return undefined;
  const named = foreign.filter((key) => key.length <= 40).slice(0, 5);
  return `no ${resultField}, and fields the vendor does not send${named.length ? ` (${named.join(", ")}${foreign.length > named.length ? ", …" : ""})` : ""}`;
}

/** Parses a JSON body text; anything else (HTML, truncated JSON, empty) is a MalformedResponse. */
export function parseJsonBody(profile: ErrorProfile, response: Response, text: unknown): unknown {
  if (typeof text !== "string" || text.trim() === "") throw malformed(profile, response, "empty body");
  try {
    return JSON.parse(text);
  } catch {
    // Not the parser's message, nor the parser's error as cause: both quote a cut piece of the body, and a piece
    // of a secret an echoing server sent back is not recognized by the redaction of whole values.
    const hint = /^\s*</.test(text) ? ' (it starts with "<": an HTML or XML page)' : "";
    throw malformed(profile, response, `body is not JSON${hint}`);
  }
}

/** The default cap on a response body (10 MiB): more is a MalformedResponse, read no further. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * A body that cannot be read as sent: past `maxResponseBytes`, or not decodable as its Content-Encoding says.
 * Carries the response's status and headers (not its body), for the MalformedResponse it becomes — without its
 * cookies: it is thrown before anything reads them (a Hitachi session's XSRF token and session id), and a
 * logger walking an error's `cause` chain would print them.
 */
export class UnreadableBodyError extends Error {
  override readonly name = "UnreadableBodyError";
  readonly headers: Headers;
  constructor(
    readonly status: number,
    headers: Headers,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.headers = new Headers(headers);
    this.headers.delete("set-cookie");
  }
}

const tooLarge = (status: number, headers: Headers, limit: number) => new UnreadableBodyError(status, headers, `response body larger than ${limit} bytes (maxResponseBytes)`);

/**
 * A body found unreadable while it is read, by the signal of the attempt that read it. A browser's body readers
 * (`text()`, `json()`) reject with a "Failed to fetch" TypeError of their own whatever error the body's stream
 * raised, which would read as a retried network error: the attempt throws the fault recorded here instead.
 */
export const bodyFaults = new WeakMap<AbortSignal, UnreadableBodyError>();

/** What `boundedTransport` enforces on every answer. */
export interface ResponseLimits {
  /** Largest body read, in bytes. */
  maxResponseBytes: number;
  /** Response headers dropped on arrival (names the facade's own middleware sets; a server must not forge them). */
  dropHeaders?: readonly string[] | undefined;
}

/** The facade's `fetch` option: takes a Request alone (its signal is the attempt's). */
type Fetch = (request: Request) => Promise<Response>;

/**
 * How much of an error body is read, whatever `maxResponseBytes` says: its code and message are all that is
 * used. Under a small cap a vendor's error (OSS quotes the canonical request it expected) would be cut before
 * its code; under the default 10 MiB a proxy's error page would be buffered whole.
 */
const ERROR_BODY_BYTES = 64 * 1024;

/**
 * The transport every adapter sends through — `platform` (the platform transport: on Node the keep-alive
 * transport of @bucketry/signing, elsewhere `globalThis.fetch`, looked up at call time so MSW and other patches
 * apply), or the caller's `fetch` — as a `Transport` that takes the attempt's signal in `init`, with
 * - the attempt's AbortSignal handed to the transport directly (fetch's `init.signal`). A Request's signal
 *   only *follows* the one it was built from, and Node's fetch (undici 6) drops that link once the
 *   intermediate Request objects are garbage-collected — under load, timeouts and aborts would silently
 *   stop working. Only the caller's `fetch`, which takes a Request alone, gets a Request built around the
 *   signal; the platform transport gets the request as it is plus `init`;
 * - redirects not followed (`redirect: "manual"`): a redirect to another host would carry the signed
 *   headers (security tokens, X-Auth-Token, X-XSRF-TOKEN) there; a 3xx is returned as an error instead;
 * - the body capped at `maxResponseBytes` while it is read, never buffered past the cap: a success body
 *   beyond it fails with UnreadableBodyError (a MalformedResponse), an error body is cut at 64 KiB, whatever
 *   the cap (only its code and message are read), and the connection is released; a
 *   success body that does not decode as its Content-Encoding says fails with UnreadableBodyError too, an
 *   error body ends where it can no longer be read (undecodable, or the connection reset: its status decides). A body with a Transfer-Encoding
 *   is capped as it is read, whatever Content-Length says.
 */
export function boundedTransport(custom: Fetch | undefined, limits: ResponseLimits, platform: Transport): Transport {
  const limit = limits.maxResponseBytes;
  const drop = limits.dropHeaders ?? [];
  return async (request, init) => {
    const signal = init?.signal ?? undefined;
    const recorded = (fault: UnreadableBodyError) => (signal && bodyFaults.set(signal, fault), fault);
    const send: { redirect: "manual"; signal?: AbortSignal } = { redirect: "manual", ...(signal && { signal }) };
    let response: Response;
    if (custom) {
      // The caller's fetch gets a copy bound to the attempt's signal; it keeps what was signed for it. It does
      // not tell when it wrote the request: handed over counts as sent.
      const copy = new Request(request, send);
      const parts = signedPartsOf(request);
      if (parts) rememberSigned(copy, parts);
      init?.onSent?.();
      response = await custom(copy);
    } else response = await platform(request, init?.onSent ? { ...send, onSent: init.onSent } : send);
    if (!(response instanceof Response)) throw new TypeError("the fetch option returned something that is not a Response");
    // Opaque (browser manual redirect) and informational responses pass through as they are.
    if (response.status < 200 || response.status > 599) return response;
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    const encoding = response.headers.get("content-encoding");
    // Fast path: an unencoded body whose declared length is within the cap (the HTTP parser never reads past
    // Content-Length). A compressed body is decoded by fetch and may grow past its declared length, and one with
    // a Transfer-Encoding too (framed by it, not by Content-Length: a custom fetch may pass both): capped below.
    // An error answer always goes through the reader below, which ends its body where reading fails: the status
    // decides then (a 403 cut by a reset stays a 403, not a retried network error).
    const framedByLength = Number.isFinite(declared) && !response.headers.has("transfer-encoding");
    if (response.ok && framedByLength && declared <= limit && (!encoding || encoding === "identity") && !drop.some((name) => response.headers.has(name))) {
      return response;
    }
    const headers = new Headers(response.headers);
    for (const name of drop) headers.delete(name);
    const answer = { status: response.status, statusText: response.statusText, headers };
    const body = response.body;
    if (body === null || response.status === 204 || response.status === 205 || response.status === 304) {
      if (body !== null) void body.cancel().catch(() => undefined);
      return new Response(null, answer);
    }
    if (response.ok && framedByLength && declared > limit && (!encoding || encoding === "identity")) {
      void body.cancel().catch(() => undefined);
      throw tooLarge(response.status, headers, limit);
    }
    const reader = body.getReader();
    let seen = 0;
    const capped = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (err) {
          // An error answer is read for its code and message only: one cut short (a reset, a proxy's page labelled
          // gzip) ends here, and its status decides (a 503 stays a retried Unavailable). Not an abort (the
          // caller's or the attempt's timeout), nor an answer that is not HTTP/1.1 (a MalformedResponse, not retried).
          // Cut by the caller's fetch at its own size limit (undici's maxResponseSize): the same as our cut at 64 KiB.
          const name = (err as { name?: unknown } | null)?.name;
          const lasting = lastingTransportFault?.(err);
          if (!response.ok && name !== "AbortError" && name !== "TimeoutError" && (!lasting || lasting.overLimit)) return controller.close();
          // The server's bytes are at fault, or too many for the caller's fetch: say so with the answer's status and request id.
          const unreadable = lasting && lasting.overLimit ? lasting.message : undecodableBody?.(err);
          if (!unreadable) throw err;
          throw recorded(new UnreadableBodyError(response.status, headers, unreadable, { cause: err }));
        }
        const { done, value } = read;
        if (done) return controller.close();
        const chunk = value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);
        seen += chunk.byteLength;
        const cap = response.ok ? limit : ERROR_BODY_BYTES;
        if (seen <= cap) return controller.enqueue(chunk);
        void reader.cancel().catch(() => undefined);
        if (!response.ok) {
          // Error bodies are read for a code and a message only: keep the first ERROR_BODY_BYTES.
          controller.enqueue(chunk.subarray(0, chunk.byteLength - (seen - cap)));
          return controller.close();
        }
        controller.error(recorded(tooLarge(response.status, headers, limit)));
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(capped, answer);
  };
}

/** A transport failure (connection refused or reset, DNS, socket closed mid-body), by name, message or code. */
export function networkErrorCode(err: unknown): string | false {
  const e = err as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  if (!e || typeof e !== "object") return false;
  const code = typeof e.cause?.code === "string" ? e.cause.code : typeof e.code === "string" ? e.code : "";
  if (NETWORK_CODES?.test(code)) return code;
  // Deno's own fetch says "error reading a body from connection" for a connection lost while the body arrives.
  if (e.name === "TypeError" && typeof e.message === "string" && /fetch failed|network|Failed to fetch|terminated|socket|Load failed|^error reading a body/i.test(e.message)) return code;
  // workerd's fetch rejects a refused or reset connection with a plain Error, not a TypeError.
  if (e.name === "Error" && typeof e.message === "string" && /^Network connection lost\.?$/.test(e.message)) return code;
  return false;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * The fields a program acts on from an `<Error>` document a JSON API answers with when a gateway or a proxy in front
 * of it writes XML (Alibaba's POP gateway without Format=JSON, OBS passed through MPC); undefined for other text.
 */
export function xmlErrorFields(body: unknown): VendorError | undefined {
  if (typeof body !== "string" || !body.includes("<Error>")) return undefined;
  // An element's text: CDATA sections (the POP gateway wraps a message holding markup in one) taken as they are,
  // the predefined entities decoded outside them. A section cannot run past its first "]]>": one way to match
  // each body, so a hostile one costs linear time.
  const tag = (name: string) =>
    new RegExp(`<${name}>((?:[^<]|<!\\[CDATA\\[(?:[^\\]]|\\](?!\\]>))*\\]\\]>)*)</${name}>`)
      .exec(body)?.[1]
      ?.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(lt|gt|quot|apos|amp);/g, (_, cdata: string | undefined, e: string) => cdata ?? { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[e]!);
  return { code: tag("Code"), message: tag("Message"), requestId: tag("RequestId"), helpUrl: tag("Recommend") };
}

/**
 * Alibaba RAM's `AccessDeniedDetail` (ENS's JSON, OSS's XML): its text fields, each named in camelCase whether the
 * vendor writes `AuthAction` or `authAction` (Alibaba's newer APIs); undefined when it has none. Every field is kept:
 * RAM adds some (the spec calls it an open object).
 */
export function accessDeniedDetail(raw: unknown): AccessDeniedDetail | undefined {
  if (!isObject(raw)) return undefined;
  let detail: Record<string, string> | undefined;
  for (const name of Object.keys(raw)) {
    const value = str(raw[name]);
    if (value && /^[a-z]\w*$/i.test(name)) (detail ??= {})[name[0]!.toLowerCase() + name.slice(1)] = value;
  }
  return detail;
}

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
