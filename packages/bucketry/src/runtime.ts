// One call = up to N attempts. Each attempt runs the generated client (whose middleware signs it),
// classifies the outcome, and either returns data or a BucketryError; the loop decides on retries
// (policy, retry budget, total deadline), learns clock skew from the server's Date, re-authenticates once
// when the provider says its auth state expired, and stamps the attempt count on the final error. Every
// timer and listener a call creates is removed when it settles.
import { BucketryError, providerError, type BucketryErrorInit, type SignedText } from "./errors.js";
import { bodyFaults, errorFromResponse, malformed, networkErrorCode, UnreadableBodyError, type ErrorProfile } from "./http.js";
import { backoffDelay, callHook, sleep, type ResolvedRetry, type RetryBudget } from "./retry.js";
import { lastingTransportFault, unresolvedHost } from "#network-codes";
import { isCredentialsError, marked } from "./credentials/checks.js";

/** The server times a skew error may teach: 2000-01-01 (inclusive) to 2200-01-01 (exclusive), UTC. */
const PLAUSIBLE_SERVER_TIME = [946_684_800_000, 7_258_118_400_000] as const;

/** Per-client clock: one offset, learned from the server's `Date` after a clock-skew error. */
export class SkewClock {
  #offsetMs = 0;
  /** How many times an offset was learned (concurrent failures of one skew learn the same offset). */
  #learned = 0;
  readonly #base: () => number;
  constructor(base: () => number = Date.now) {
    this.#base = base;
  }
  readonly now = (): number => this.#base() + this.#offsetMs;
  /** The offset added to the base clock (0 until a skew error teaches one). */
  get offsetMs(): number {
    return this.#offsetMs;
  }
  /**
   * Adopts the server's time; false (nothing learned) for a time no server keeps — before 2000 or from 2200 on:
   * a broken or hostile Date header would otherwise leave every later request signed with it (a date past what
   * `Date` can represent cannot be signed at all), with no answer left to correct it.
   */
  learn(serverTime: number, localTime = this.#base()): boolean {
    if (!(serverTime >= PLAUSIBLE_SERVER_TIME[0] && serverTime < PLAUSIBLE_SERVER_TIME[1])) return false;
    const offset = serverTime - localTime;
    // Date has 1 s resolution: requests that failed together report offsets within a second or two of
    // each other; keep the first rather than jitter the clock for every one of them.
    if (this.#learned > 0 && Math.abs(offset - this.#offsetMs) < 2_000) return true;
    this.#offsetMs = offset;
    this.#learned++;
    return true;
  }
}

export interface CallContext {
  profile: ErrorProfile;
  retry: ResolvedRetry;
  clock: SkewClock;
  /** Per-attempt timeout in ms (undefined: none). */
  timeoutMs?: number | undefined;
  /** Total time for the call, retries and backoff included, in ms (undefined: none). */
  deadlineMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** The client's retry budget (undefined: unlimited). */
  budget?: RetryBudget | undefined;
  /** Replaces any secret the client knows with a placeholder (messages of errors bucketry did not write). */
  redact?: ((text: string) => string) | undefined;
  /**
   * True when `error` says the credentials expired and the source dropped them: the call is retried once,
   * at once, with fresh credentials (whatever the retry policy says).
   */
  refreshCredentials?: ((error: BucketryError, attemptStartedAt: number) => boolean) | undefined;
  /**
   * For an error the server answered (an HTTP status, not a thrown error): whether it means the provider's
   * cached authentication state expired and has been dropped (a session or token), so that one more attempt
   * authenticates afresh. Then the call makes that attempt at once — once per call, counted in `attempts`,
   * outside the retry policy and budget (it is part of authenticating, not a retry of a failure), under the
   * same signal, per-attempt timeout and deadline as every attempt.
   */
  authExpired?: ((error: BucketryError) => boolean) | undefined;
  /**
   * The request the attempt under this signal handed to the transport, if it did: what it signed (explains a
   * signature error) and whether it was written (explains a timeout).
   */
  sentUnder?: ((signal: AbortSignal) => SentAttempt | undefined) | undefined;
}

/** A request an attempt handed to the transport. */
export interface SentAttempt {
  /** What was signed. */
  signed: SignedText | undefined;
  /**
   * Whether it was written to a connection (the transport's `onSent`): one waiting for a free connection, or for
   * its connection to be made, was not sent.
   */
  written: boolean;
}

export interface RawResult {
  response: Response;
  data?: unknown;
  error?: unknown;
}

type Attempt = (signal: AbortSignal) => Promise<RawResult>;

/**
 * Runs `attempt` until it yields data or a non-retryable error. `read` turns a 2xx result into the
 * caller's value (anything it throws becomes a MalformedResponse).
 */
export async function execute<T>(ctx: CallContext, attempt: Attempt, read: (result: RawResult) => T): Promise<T> {
  const { retry, budget } = ctx;
  if (ctx.signal?.aborted) throw aborted(ctx, 0);

  // The call's own signal: aborted by the caller's signal or by the deadline. Attempts and backoff follow it.
  // With neither, nothing aborts the call as a whole: no controller (nor listener per attempt) is made.
  const call = ctx.signal !== undefined || ctx.deadlineMs !== undefined ? new AbortController() : undefined;
  let deadlineHit = false;
  const leaveCaller = ctx.signal === undefined ? undefined : followAbort(ctx.signal, () => call!.abort(ctx.signal!.reason));
  // On the monotonic clock, as the deadline's timer is: setting the wall clock forward must not cut retries short.
  const deadlineAt = ctx.deadlineMs === undefined ? undefined : performance.now() + ctx.deadlineMs;
  const deadlineTimer =
    ctx.deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          deadlineHit = true;
          call!.abort(new DOMException("call deadline exceeded", "TimeoutError"));
        }, ctx.deadlineMs);
  const deadlineError = (n: number, last?: BucketryError) => ended(ctx, "Timeout", n, `deadline of ${ctx.deadlineMs} ms exceeded after ${n} attempt${n === 1 ? "" : "s"}`, last);

  let lastRetryCost: number | undefined;
  /** The error of the last attempt that met one (not the caller's abort): what an aborted call reports. */
  let last: BucketryError | undefined;
  let skewCorrected = false;
  /** Attempts made outside the retry policy (re-authentication), so `n - extra` is the policy's count. */
  let extra = 0;
  const outcome: AttemptOutcome = { authExpired: false };
  try {
    for (let n = 1; ; n++) {
      let error: BucketryError;
      const startedAt = ctx.refreshCredentials !== undefined ? ctx.clock.now() : 0;
      const offsetAtStart = ctx.clock.offsetMs;
      try {
        const value = await runAttempt(ctx, call?.signal, attempt, read, outcome);
        budget?.release(lastRetryCost);
        return value;
      } catch (err) {
        error = toBucketryError(ctx, err);
      }
      if (ctx.signal?.aborted) throw aborted(ctx, n, error.kind === "Aborted" ? last : error);
      // The deadline cut the attempt short; an answer that arrived just in time is reported as it is.
      if (deadlineHit && (error.kind === "Timeout" || error.kind === "Aborted" || error.kind === "Network")) throw deadlineError(n);
      error.attempts = n;
      // Re-authentication: the provider dropped expired auth state (a session, a token) or the credential
      // source dropped expired credentials. One more attempt authenticates afresh, at once, once per call.
      if (extra === 0 && (outcome.authExpired || ctx.refreshCredentials?.(error, startedAt) === true)) {
        if (deadlineHit || (deadlineAt !== undefined && performance.now() >= deadlineAt)) throw error;
        extra = 1;
        callHook(retry.onRetry, { attempt: n, delayMs: 0, error });
        continue;
      }
      // The server's clock is learned whether or not a retry is left (retry: false, the last attempt): the
      // client's next call is then signed right, instead of failing the same way.
      // A server time no server keeps teaches nothing: the error is returned as it is.
      const correctedNow = error.kind === "ClockSkew" && error.serverTime !== undefined && !skewCorrected && ctx.clock.learn(error.serverTime);
      if (correctedNow) skewCorrected = true;
      // Retrying only helps once the clock is corrected (needs the server's Date, once per call): otherwise the
      // same request fails the same way, by this client or by its caller.
      else if (error.kind === "ClockSkew" && error.retryable) error = uncorrectedSkew(error, skewCorrected);
      if (!error.retryable || n - extra >= retry.maxAttempts) throw error;

      // The server's own wait is never cut short: a retry sent before it is refused again. One longer than
      // maxDelayMs or than the deadline leaves: the last error at once (retryAfterMs on it), saying why.
      const delayMs = error.kind === "ClockSkew" ? 0 : (error.retryAfterMs ?? backoffDelay(n - extra, retry, undefined, error.kind === "Throttled"));
      if (deadlineHit) throw error;
      const left = deadlineAt === undefined ? Infinity : Math.max(0, Math.round(deadlineAt - performance.now()));
      const past = delayMs >= left ? `the call's deadline (${left} ms left)` : delayMs > retry.maxDelayMs ? `maxDelayMs (${retry.maxDelayMs} ms)` : "";
      if (past) {
        const asked = delayMs === error.retryAfterMs ? " the server asked for" : "";
        throw changed(error, { message: `${error.message}; not retried: a ${delayMs} ms wait${asked} would pass ${past}`, cause: error.cause });
      }
      // A retry signed with a clock corrected since this attempt was (once per call): like re-authentication, it
      // is no load an outage adds, and the budget does not pay for it — a burst of calls in flight when the clock
      // stepped would otherwise empty it and fail with the clock already right. A server that answers every
      // request with a skew error teaches nothing new after the first: those retries are paid for.
      if (budget && !(correctedNow && ctx.clock.offsetMs !== offsetAtStart)) {
        const cost = budget.acquire(error.kind);
        if (cost === undefined) throw error; // retry budget exhausted: fail fast instead of adding load
        lastRetryCost = cost;
      }
      last = error;
      callHook(retry.onRetry, { attempt: n, delayMs, error });
      try {
        await sleep(delayMs, call?.signal);
      } catch {
        if (deadlineHit && !ctx.signal?.aborted) throw deadlineError(n, error);
        throw aborted(ctx, n, error);
      }
    }
  } finally {
    if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
    leaveCaller?.();
  }
}

/** What the loop learns from an attempt besides its error. */
interface AttemptOutcome {
  /** The server's answer said the provider's auth state expired (see CallContext.authExpired). */
  authExpired: boolean;
}

async function runAttempt<T>(
  ctx: CallContext,
  callSignal: AbortSignal | undefined,
  attempt: Attempt,
  read: (result: RawResult) => T,
  outcome: AttemptOutcome,
): Promise<T> {
  outcome.authExpired = false;
  if (callSignal?.aborted) throw callSignal.reason;
  const controller = new AbortController();
  const onCallAbort = () => controller.abort(callSignal!.reason);
  callSignal?.addEventListener("abort", onCallAbort, { once: true });
  let timedOut = false;
  const timer =
    ctx.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException("attempt timed out", "TimeoutError"));
        }, ctx.timeoutMs);
  try {
    const result = await abortable(attempt(controller.signal), controller.signal);
    if (!(result?.response instanceof Response)) throw new TypeError("the transport produced no response");
    if (!result.response.ok) {
      const trace = ctx.sentUnder ? { ours: ctx.sentUnder(controller.signal)?.signed, redact: ctx.redact ?? ((t: string) => t) } : undefined;
      const error = errorFromResponse(ctx.profile, result.response, result.error, ctx.clock.now(), trace);
      outcome.authExpired = ctx.authExpired?.(error) === true;
      throw error;
    }
    try {
      return read(result);
    } catch (err) {
      if (err instanceof BucketryError) throw err;
      const raw = messageOf(err);
      const message = ctx.redact ? ctx.redact(raw) : raw;
      // The error as cause only when its message held no secret (its inspect output would show the message).
      throw malformed(ctx.profile, result.response, message, message === raw ? err : undefined);
    }
  } catch (err) {
    if (timedOut && !(err instanceof BucketryError)) {
      const sent = ctx.sentUnder?.(controller.signal);
      const unsent = !ctx.sentUnder ? "" : !sent ? "resolving credentials, a session handshake or signing" : !sent.written ? "waiting for a free connection or connecting" : "";
      throw providerError(ctx.profile.provider, "Timeout", unsent ? `the request was not sent within ${ctx.timeoutMs} ms (${unsent} took that long)` : `no response within ${ctx.timeoutMs} ms`, { retryable: true });
    }
    // A body the transport found unreadable, where the platform's body reader rejected with an error of its own.
    throw bodyFaults.get(controller.signal) ?? err;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    callSignal?.removeEventListener("abort", onCallAbort);
  }
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts even if the work behind `promise` does not
 * notice (a transport that ignores the signal, a session handshake): a call never outlives its timeout,
 * deadline or abort. The listener is removed either way; a late rejection is swallowed.
 */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}

/** The calls in flight on each caller signal, and the one listener that tells them its abort. */
const followers = new WeakMap<AbortSignal, { calls: Set<() => void>; tell: () => void }>();

/**
 * Runs `onAbort` when `signal` aborts, until the returned function is called. One signal often guards many calls at
 * once (a batch, a request scope, an app-wide shutdown signal): they share one listener on it, so no count of calls
 * makes a platform warn of a listener leak. The listener goes when the last call leaves.
 */
function followAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let entry = followers.get(signal);
  if (entry === undefined) {
    const calls = new Set<() => void>();
    const tell = () => {
      followers.delete(signal);
      for (const call of calls) call();
    };
    followers.set(signal, (entry = { calls, tell }));
    signal.addEventListener("abort", tell, { once: true });
  }
  const { calls, tell } = entry;
  calls.add(onAbort);
  return () => {
    calls.delete(onAbort);
    if (calls.size === 0 && followers.get(signal)?.calls === calls) {
      followers.delete(signal);
      signal.removeEventListener("abort", tell);
    }
  };
}

/**
 * The caller's abort, saying its reason's name (an `AbortError` cancel, `AbortSignal.timeout()`'s `TimeoutError`) —
 * not its text, which may hold anything.
 */
function aborted(ctx: CallContext, attempts: number, last?: BucketryError): BucketryError {
  // An error's name (AbortError, TimeoutError, a class's own): anything else a reason holds is not shown.
  const name = String((ctx.signal?.reason as { name?: unknown } | undefined)?.name);
  return ended(ctx, "Aborted", attempts, `call aborted by the caller${/^\w*Error$/.test(name) ? ` (${name})` : ""}`, last);
}

/** A call ended by its deadline or its caller: with the error the last attempt met, if any, as `cause` and in the message. */
function ended(ctx: CallContext, kind: "Timeout" | "Aborted", attempts: number, what: string, last?: BucketryError): BucketryError {
  return providerError(ctx.profile.provider, kind, `${what}${last ? ` (last error: ${last.message})` : ""}`, {
    attempts,
    ...(last && { status: last.status, code: last.code, requestId: last.requestId, cause: last }),
  });
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : typeof err === "string" ? err : "unknown error");

/**
 * Whether a message along `err`'s causes quotes a secret the client knows: Deno's fetch wraps its "fetch failed"
 * around an error quoting the request's URL, query and all (an RPC-signed STS token). Such an error is not kept as a
 * cause, where a logger printing cause chains would show it.
 */
function quotesSecret(ctx: CallContext, err: unknown): boolean {
  const redact = ctx.redact;
  if (!redact) return false;
  let e = (err as { cause?: unknown } | null | undefined)?.cause;
  for (let depth = 0; e !== undefined && e !== null && depth < 8; depth++, e = (e as { cause?: unknown }).cause) {
    const text = messageOf(e);
    if (redact(text) !== text) return true;
  }
  return false;
}

/** Anything thrown during an attempt, as a BucketryError: network failures, aborts, middleware errors. */
export function toBucketryError(ctx: CallContext, err: unknown): BucketryError {
  if (err instanceof BucketryError) return redactError(ctx, err);
  const provider = ctx.profile.provider;
  if (ctx.signal?.aborted) return aborted(ctx, 1);
  const e = err as { name?: string; message?: string } | null | undefined;
  if (err instanceof UnreadableBodyError) return malformed(ctx.profile, err, err.message, err.cause);
  if (e?.name === "AbortError" || e?.name === "TimeoutError") {
    return providerError(provider, "Timeout", "request timed out", { retryable: true, cause: err });
  }
  // The error's message minus any secret it might echo (the error is then not kept as cause): what Unknown and
  // XmlBodyError say, and whether a transport failure keeps its error (Bun's fetch quotes the request's URL, query
  // and all, in its message).
  const raw = messageOf(err);
  const message = ctx.redact ? ctx.redact(raw) : raw;
  const cause = message === raw && !quotesSecret(ctx, err) ? { cause: err } : {};
  const lasting = lastingTransportFault?.(err);
  if (lasting) return providerError(provider, lasting.kind, lasting.message, cause);
  const network = networkErrorCode(err);
  if (network !== false) {
    // The host a lookup failed for: ENOTFOUND (no such name) and EAI_AGAIN (DNS gave no answer now) both name it.
    const host = network === "ENOTFOUND" || network === "EAI_AGAIN" ? unresolvedHost?.(err) : undefined;
    const hint = !host
      ? ""
      : network === "ENOTFOUND"
        ? `: ${host} does not resolve (a typo in the endpoint or region makes such a host; or DNS is unreachable here)`
        : `: ${host} could not be resolved now (no answer from DNS; it may pass)`;
    return providerError(provider, "Network", `network error${network ? ` (${network})` : ""}${hint}`, { retryable: true, ...cause });
  }
  // XmlBodyError may quote a short value of the body (a field that is not a number): a secret echoed back is hidden.
  // Credential providers and session handshakes report through their own errors; their message is kept.
  return providerError(provider, e?.name === "XmlBodyError" ? "MalformedResponse" : "Unknown", message, cause);
}

/** A copy of `err` with some fields changed (a BucketryError's fields are read-only); the cause is not kept. */
function changed(err: BucketryError, changes: Partial<BucketryErrorInit>): BucketryError {
  // Its own enumerable properties are the fields the constructor set (message, cause and stack are not enumerable).
  return new BucketryError({ ...err, message: err.message, ...changes });
}

/** A clock-skew error the client could not correct: not retryable, and saying what to change. */
function uncorrectedSkew(err: BucketryError, correctedBefore: boolean): BucketryError {
  const why = correctedBefore ? "still, after correcting from the server's Date" : err.serverTime === undefined ? "and no Date header to correct from" : "and the Date is no server's";
  return changed(err, { retryable: false, message: `${err.message}: clock skew, ${why}: sync this machine's clock (NTP) or pass \`clock\`` });
}

/** A BucketryError whose message or vendor fields echo a known secret (a server quoting a header back), redacted. */
function redactError(ctx: CallContext, err: BucketryError): BucketryError {
  const redact = ctx.redact;
  if (!redact) return err;
  const detail = err.accessDeniedDetail && Object.entries(err.accessDeniedDetail);
  const fields = [err.message, err.vendorMessage, err.code, err.requestId, err.ec, err.helpUrl, ...(detail ?? []).map(([, v]) => v)];
  const clean = fields.map((f) => (f === undefined ? f : redact(f)));
  if (clean.every((f, i) => f === fields[i])) return err;
  // The signature comparison was built with the same redaction (errorFromResponse's trace); the cause is dropped,
  // it may hold the raw text.
  const redacted = changed(err, {
    message: clean[0]!,
    vendorMessage: clean[1],
    code: clean[2],
    requestId: clean[3],
    ec: clean[4],
    helpUrl: clean[5],
    accessDeniedDetail: detail && Object.fromEntries(detail.map(([k], i) => [k, clean[6 + i]])),
  });
  return isCredentialsError(err) ? marked(redacted) : redacted;
}
