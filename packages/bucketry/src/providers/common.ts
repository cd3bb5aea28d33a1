// Plumbing every adapter shares: option checks, the per-call context, the late-bound transport.
import { providerError, type BucketryError } from "../errors.js";
import { boundedTransport, DEFAULT_MAX_RESPONSE_BYTES, type ErrorProfile } from "../http.js";
import type { Provider } from "../model.js";
import type { BucketryWarning, CallOptions, CommonOptions } from "../options.js";
import { callHook, resolveRetry, resolveRetryBudget, type ResolvedRetry, type RetryBudget } from "../retry.js";
import { SkewClock, type CallContext, type SentAttempt } from "../runtime.js";
import { SecretSet } from "../secrets.js";
import type { DroppedField } from "./mapping.js";
import { platformTransport } from "@bucketry/signing/fetch";
import { signedPartsOf } from "@bucketry/signing/signed";

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ClientState {
  profile: ErrorProfile;
  retry: ResolvedRetry;
  clock: SkewClock;
  timeoutMs: number | undefined;
  deadlineMs: number | undefined;
  budget: RetryBudget | undefined;
  /** The secrets this client was given or has seen (for redacting messages it did not write). */
  secrets: SecretSet;
  /** For the generated client and the Hitachi session: the transport without a per-attempt signal. */
  fetch: (request: Request) => Promise<Response>;
  /**
   * Per attempt: pass as openapi-fetch's per-request `fetch`, bound to the attempt's signal (see `boundedTransport`).
   * Pass no `signal` to openapi-fetch as well: the transport is what must stop, and a Request built to follow
   * the attempt's signal costs the platform (undici) more per call than the facade's own work. (Hitachi does
   * pass it: its session's handshakes run in middleware, before the transport, and wait under that signal.)
   */
  send: (signal: AbortSignal) => (request: Request) => Promise<Response>;
  /**
   * The attempts (by signal) whose request reached the transport (a timeout before that is not the server's): what
   * each signed (explains a signature error), and whether the transport wrote it to a connection (its `onSent`).
   */
  attempts: WeakMap<AbortSignal, SentAttempt>;
  /** The caller's `onWarning` (exceptions it throws are ignored), or nothing. */
  warn: (warning: BucketryWarning) => void;
  /** Set by a refreshing credential source: drops credentials a server refused as expired (see credentials.ts). */
  refreshCredentials?: ((error: BucketryError, attemptStartedAt: number) => boolean) | undefined;
}

/** The `clock` option, refusing what is not epoch milliseconds (a Date would sign "Invalid time value"). */
function checkedClock(provider: Provider, clock: () => number): () => number {
  return () => {
    const t: unknown = clock();
    if (typeof t === "number" && Number.isFinite(t)) return t;
    const got = t instanceof Date ? "a Date (return date.getTime())" : typeof t === "number" ? String(t) : typeof t;
    throw configError(provider, `clock must return epoch milliseconds as a finite number, got ${got}`);
  };
}

/**
 * A value for a Configuration message: a string quoted (cut after 60 characters), a number or boolean as it is,
 * anything else by its type alone — an object passed where a string belongs is often the configuration that holds
 * the keys, and its JSON would put them in the message.
 */
export function quoted(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** `quoted`, saying when a number option got a string ("1024" and 1024 read alike otherwise). */
const quotedNumber = (value: unknown): string => (typeof value === "string" ? `${quoted(value)} (a string)` : quoted(value));

export function configError(provider: Provider, message: string): BucketryError {
  return providerError(provider, "Configuration", message);
}

/**
 * A usable base URL, or a Configuration error saying what is wrong with it. `vendorDomain`: the vendor's own
 * hosts, which take no path (OSS and BOS would sign and read one as part of the object key, ENS and MPC would
 * send their operation under it); a mock or a proxy elsewhere may mount the API under one. `bucketInCall`:
 * the error adds where a bucket goes instead.
 */
export function checkEndpoint(provider: Provider, endpoint: unknown, vendorDomain?: RegExp, bucketInCall?: boolean): string {
  if (typeof endpoint !== "string") throw configError(provider, `endpoint must be a URL string such as "https://127.0.0.1:9000", got ${endpoint instanceof URL ? "a URL object (pass url.href)" : quoted(endpoint)}`);
  // Blank is not "the vendor's default": an unset variable (`endpoint: process.env.MOCK_URL ?? ""`) would send
  // requests signed with real keys to the vendor's public host.
  if (endpoint.trim() === "") throw configError(provider, "endpoint is empty: leave the option out for the vendor's own endpoint");
  // A bare host (`oss-cn-hangzhou.aliyuncs.com`, `localhost:9000`, `cluster1:9099/mapi`, as endpoint tables
  // write them): which scheme is the caller's choice. (Only a plain host[:port][/path] is quoted: anything
  // else may hold user:password@.)
  if (!endpoint.includes("://") && /^[\w.-]+(:\d+)?(\/[^\s?#@]*)?$/.test(endpoint)) {
    throw configError(provider, `endpoint needs a scheme: https://${endpoint} (or http:// for a local mock)`);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // Not quoted: a string that failed to parse may still hold user:password@.
    throw configError(provider, "endpoint is not an absolute URL (expected e.g. http://127.0.0.1:9000)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw configError(provider, `endpoint must be http(s), got ${url.protocol}`);
  if (url.username || url.password) throw configError(provider, "endpoint must not contain user info; pass credentials separately");
  if (url.search || url.hash) throw configError(provider, "endpoint must not contain a query or fragment");
  if (url.pathname !== "/" && vendorDomain?.test(url.hostname)) {
    throw configError(provider, `endpoint ${url.host} takes no path (got ${url.pathname}): use ${url.origin}${bucketInCall ? " and name the bucket in the call" : ""}`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Runs a check of retry.ts (a RangeError for a bad `retry` or `retryBudget`); what it throws becomes a Configuration error. */
function configured<T>(provider: Provider, check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw configError(provider, (err as Error).message);
  }
}

/** Runs a generated package's `createClient`; its TypeError for a bad option becomes a Configuration error. */
export function generated<T>(provider: Provider, make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof TypeError) throw configError(provider, err.message.replace(/^@bucketry\/[\w-]+: /, ""));
    throw err;
  }
}

/**
 * A bucket name by its vendor's rule (`pattern`), else a Configuration error stating the rule (`rule`). The OSS and
 * BOS modules pass their own: OSS names an existing bucket as ali-oss does, BOS as bce-sdk-go does.
 */
export function checkBucketName(provider: Provider, bucket: unknown, pattern: RegExp, rule: string): string {
  if (typeof bucket !== "string" || !pattern.test(bucket)) {
    const what = typeof bucket === "string" ? `bucket name ${quoted(bucket)} is invalid` : `bucket name must be a string, got ${quoted(bucket)}`;
    throw configError(provider, `${what}: use ${rule}`);
  }
  return bucket;
}

export function requireString(provider: Provider, name: string, value: unknown, example: string): string {
  if (value === undefined || value === null || value === "") throw configError(provider, `\`${name}\` is required (e.g. ${example})`);
  if (typeof value !== "string") throw configError(provider, `\`${name}\` must be a string (e.g. ${example}), got ${quoted(value)}`);
  if (value.trim() === "") throw configError(provider, `\`${name}\` is blank (e.g. ${example})`);
  return value.trim();
}

/**
 * An optional string option: undefined when left out; else trimmed, and refused when null, blank or not a string
 * (`left`: what leaving it out means). A blank region from an unset variable must not pick a default unseen.
 */
export function optionalString(provider: Provider, name: string, value: unknown, example: string, left: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === null || (typeof value === "string" && value.trim() === "")) {
    throw configError(provider, `\`${name}\` is ${value === null ? "null" : "blank"}: leave it out for ${left}, or give one (e.g. ${example})`);
  }
  return requireString(provider, name, value, example);
}

/** A function option, or undefined when left out; anything else is refused, saying what the function is (`shape`). */
function optionalFunction<F extends (...args: never[]) => unknown>(provider: Provider, name: string, value: F | undefined, shape: string): F | undefined {
  if (value !== undefined && typeof value !== "function") throw configError(provider, `${name} must be a function ${shape}`);
  return value;
}

/**
 * A duration option: undefined stays undefined, 0 means "none", anything else must be finite and >= 0. null is
 * refused, naming what leaving it out means (`left`): null from JSON could mean "off" as well as "default".
 */
function duration(provider: Provider, name: string, value: unknown, left: string): number | undefined {
  if (value === undefined) return undefined;
  if (value === null) throw configError(provider, `${name} is null: leave it out for ${left}, or give milliseconds (0 turns it off)`);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw configError(provider, `${name} must be a number of milliseconds >= 0 (0 turns it off), got ${quotedNumber(value)}`);
  }
  // Timers take at most 2^31 - 1 ms; a longer one would fire at once (Node warns and uses 1 ms).
  if (value > MAX_TIMER_MS) throw configError(provider, `${name} must be at most ${MAX_TIMER_MS} ms (about 24.8 days), got ${value}; 0 turns it off`);
  return value === 0 ? undefined : value;
}

const MAX_TIMER_MS = 2_147_483_647;

export interface ClientStateExtras {
  /** Response headers the adapter's own middleware sets, dropped from what arrives. */
  dropHeaders?: readonly string[];
}

export function clientState(profile: ErrorProfile, options: CommonOptions, extras: ClientStateExtras = {}): ClientState {
  const provider = profile.provider;
  const retry = configured(provider, () => resolveRetry(options.retry));
  const budget = configured(provider, () => resolveRetryBudget(options.retryBudget));
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : duration(provider, "timeoutMs", options.timeoutMs, `the default (${DEFAULT_TIMEOUT_MS} ms)`);
  const deadlineMs = duration(provider, "deadlineMs", options.deadlineMs, "no deadline");
  const maxResponseBytes = options.maxResponseBytes === undefined ? DEFAULT_MAX_RESPONSE_BYTES : options.maxResponseBytes;
  if (maxResponseBytes === null) throw configError(provider, `maxResponseBytes is null: leave it out for the default (${DEFAULT_MAX_RESPONSE_BYTES} bytes), or give a number of bytes`);
  if (typeof maxResponseBytes !== "number" || !Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw configError(provider, `maxResponseBytes must be a whole number of bytes >= 1, got ${quotedNumber(maxResponseBytes)}`);
  }
  const custom = optionalFunction(provider, "fetch", options.fetch, "(request: Request) => Promise<Response>");
  optionalFunction(provider, "clock", options.clock, "returning epoch milliseconds");
  const onWarning = optionalFunction(provider, "onWarning", options.onWarning, "(warning) => void");
  // Default: the platform's transport (@bucketry/signing/fetch: the keep-alive transport on Node, fetch
  // elsewhere), given the attempt's signal. A `fetch` option replaces it. Both are late-bound, so MSW and
  // other patches of fetch / http.request apply.
  const transport = boundedTransport(custom, { maxResponseBytes, dropHeaders: extras.dropHeaders }, platformTransport);
  const attempts = new WeakMap<AbortSignal, SentAttempt>();
  return {
    attempts,
    profile,
    retry,
    clock: new SkewClock(options.clock && checkedClock(provider, options.clock)),
    timeoutMs,
    deadlineMs,
    budget,
    secrets: new SecretSet(),
    warn: (warning) => callHook(onWarning, warning),
    fetch: (request: Request) => transport(request),
    send: (signal: AbortSignal) => (request: Request) => {
      const attempt: SentAttempt = attempts.get(signal) ?? { signed: undefined, written: false };
      attempts.set(signal, attempt);
      attempt.signed = signedPartsOf(request) ?? attempt.signed;
      return transport(request, { signal, onSent: () => (attempt.written = true) });
    },
  };
}

export function callContext(state: ClientState, call: CallOptions | undefined): CallContext {
  const provider = state.profile.provider;
  if (call !== undefined && (typeof call !== "object" || call === null)) throw configError(provider, "call options must be an object");
  const retry = call?.retry === undefined ? state.retry : configured(provider, () => resolveRetry(call.retry, state.retry));
  const signal = call?.signal;
  if (signal !== undefined && !(typeof signal === "object" && signal !== null && typeof (signal as AbortSignal).addEventListener === "function" && "aborted" in signal)) {
    throw configError(provider, "signal must be an AbortSignal (e.g. AbortSignal.timeout(5000) or controller.signal)");
  }
  const timeoutMs = call?.timeoutMs === undefined ? state.timeoutMs : duration(provider, "timeoutMs", call.timeoutMs, "the client's");
  const deadlineMs = call?.deadlineMs === undefined ? state.deadlineMs : duration(provider, "deadlineMs", call.deadlineMs, "the client's");
  return {
    profile: state.profile,
    retry,
    clock: state.clock,
    timeoutMs,
    deadlineMs,
    signal,
    budget: state.budget,
    redact: state.secrets.redact,
    refreshCredentials: state.refreshCredentials,
    sentUnder: (s) => state.attempts.get(s),
  };
}

export function checkPageSize(provider: Provider, value: number | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw configError(provider, `pageSize must be an integer from 1 to ${max}, got ${quotedNumber(value)}`);
  return value;
}

/**
 * How OSS and BOS address a bucket: "virtual-hosted" (`{bucket}.{host}`), "path" (`{endpoint}/{bucket}`), or
 * "cname" (the endpoint is the bucket's own domain).
 */
export type BucketAddressing = "virtual-hosted" | "path" | "cname";

/**
 * The OSS/BOS option rule the types can state: `cname: true` comes with an `endpoint` (the bucket's own domain)
 * and without `addressing: "path"` — the same rule the client checks at run time (a `Configuration` error).
 */
export type CnameNeedsEndpoint = { cname: true; endpoint: string; addressing?: "virtual-hosted" | undefined } | { cname?: false | undefined };

/** `localhost` or an IP address (IPv4, or IPv6 in brackets as URL.hostname gives it). */
export function isIpOrLocalhost(hostname: string): boolean {
  return hostname === "localhost" || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
}

/**
 * The addressing of an OSS/BOS client, as the vendors' SDKs decide it: `cname: true` makes the endpoint the
 * bucket's own domain; `addressing` forces a style; otherwise an IP-address or `localhost` endpoint is
 * path-style (the OSS Go SDK v2 rule: no bucket can prefix an IP) and every hostname — the public, internal,
 * accelerate, dual-stack or a private-cloud host — is virtual-hosted. BOS refines the hostname case in its
 * module (bce-sdk-go's rule: a host that is not BOS's is path-style).
 */
export function bucketAddressing(provider: Provider, endpoint: string | undefined, options: { addressing?: unknown; cname?: unknown }): BucketAddressing {
  const { addressing, cname } = options;
  if (addressing !== undefined && addressing !== "virtual-hosted" && addressing !== "path") throw configError(provider, `addressing must be "virtual-hosted" or "path", got ${quoted(addressing)}`);
  if (cname !== undefined && typeof cname !== "boolean") throw configError(provider, `cname must be true or false, got ${quoted(cname)}`);
  if (cname) {
    if (!endpoint) throw configError(provider, "cname: true needs an endpoint: the bucket's own domain");
    if (addressing === "path") throw configError(provider, 'cname: true addresses the bucket by its own domain; it cannot be combined with addressing: "path"');
    return "cname";
  }
  const host = endpoint === undefined ? undefined : new URL(endpoint).hostname;
  // `{bucket}.127.0.0.1` is no host name (the request would fail as an unparsable URL); `{bucket}.localhost` is.
  if (addressing === "virtual-hosted" && host !== undefined && host !== "localhost" && isIpOrLocalhost(host)) {
    throw configError(provider, `addressing: "virtual-hosted" needs an endpoint with a host name; a bucket cannot prefix the IP address ${host} (use addressing: "path")`);
  }
  if (addressing) return addressing;
  return host !== undefined && isIpOrLocalhost(host) ? "path" : "virtual-hosted";
}

/** `{scheme}//{bucket}.{host}{path}` for a service endpoint (its path, if any — a mock's or proxy's mount — kept). */
export function virtualHostedBase(endpoint: string, bucket: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${bucket}.${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * Runs a record's normalization and reports the optional fields it dropped to the client's `onWarning`,
 * naming the bucket (`bucketOf` reads it from the result, whose name is a required field).
 */
export function normalizeReporting<T>(state: ClientState, normalize: (onDrop: (dropped: DroppedField) => void) => T, bucketOf: (result: T) => string): T {
  const dropped: DroppedField[] = [];
  const result = normalize((d) => dropped.push(d));
  const provider = state.profile.provider;
  for (const d of dropped) {
    const bucket = bucketOf(result);
    state.warn({ provider, kind: "DroppedField", bucket, ...d, message: `${provider}: bucket ${bucket}: ${d.from} left out (${d.reason})` });
  }
  return result;
}
