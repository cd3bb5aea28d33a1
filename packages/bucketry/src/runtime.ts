// One call = up to N attempts. Each attempt runs the generated client (whose middleware signs it),
// classifies the outcome, and either returns data or a BucketryError; the loop decides on retries,
// learns clock skew from the server's Date, and stamps the attempt count on the final error.
import { BucketryError } from "./errors.js";
import { errorFromResponse, type ErrorProfile } from "./http.js";
import { backoffDelay, sleep, type ResolvedRetry } from "./retry.js";

/** Per-client clock: one offset, learned from the server's `Date` after a clock-skew error. */
export class SkewClock {
  #offsetMs = 0;
  readonly #base: () => number;
  constructor(base: () => number = Date.now) {
    this.#base = base;
  }
  readonly now = (): number => this.#base() + this.#offsetMs;
  get offsetMs(): number {
    return this.#offsetMs;
  }
  learn(serverTime: number, localTime = this.#base()): void {
    this.#offsetMs = serverTime - localTime;
  }
}

export interface CallContext {
  profile: ErrorProfile;
  retry: ResolvedRetry;
  clock: SkewClock;
  /** Per-attempt timeout in ms (undefined: none). */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface RawResult {
  response: Response;
  data?: unknown;
  error?: unknown;
}

/**
 * Runs `attempt` until it yields data or a non-retryable error. `read` turns a 2xx result into the
 * caller's value (it throws a MalformedResponse BucketryError for bodies it cannot read).
 */
export async function execute<T>(ctx: CallContext, attempt: (signal: AbortSignal) => Promise<RawResult>, read: (result: RawResult) => T): Promise<T> {
  const { retry } = ctx;
  for (let n = 1; ; n++) {
    let error: BucketryError;
    try {
      return await runAttempt(ctx, attempt, read);
    } catch (err) {
      error = toBucketryError(ctx, err);
    }
    error.attempts = n;
    if (!error.retryable || n >= retry.maxAttempts || ctx.signal?.aborted) throw error;
    let delayMs: number;
    if (error.kind === "ClockSkew" && error.serverTime !== undefined) {
      ctx.clock.learn(error.serverTime);
      delayMs = 0;
    } else {
      delayMs = Math.min(retry.maxDelayMs, error.retryAfterMs ?? backoffDelay(n, retry));
    }
    retry.onRetry?.({ attempt: n, delayMs, error });
    try {
      await sleep(delayMs, ctx.signal);
    } catch {
      throw aborted(ctx, n);
    }
  }
}

async function runAttempt<T>(ctx: CallContext, attempt: (signal: AbortSignal) => Promise<RawResult>, read: (result: RawResult) => T): Promise<T> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(ctx.signal!.reason);
  if (ctx.signal?.aborted) throw aborted(ctx, 1);
  ctx.signal?.addEventListener("abort", onCallerAbort, { once: true });
  let timedOut = false;
  const timer =
    ctx.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException("attempt timed out", "TimeoutError"));
        }, ctx.timeoutMs);
  try {
    const result = await attempt(controller.signal);
    if (!result.response.ok) throw errorFromResponse(ctx.profile, result.response, result.error, ctx.clock.now());
    return read(result);
  } catch (err) {
    if (timedOut && !(err instanceof BucketryError)) {
      throw new BucketryError({
        provider: ctx.profile.provider,
        kind: "Timeout",
        retryable: true,
        message: `${ctx.profile.provider}: no response within ${ctx.timeoutMs} ms`,
      });
    }
    throw err;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    ctx.signal?.removeEventListener("abort", onCallerAbort);
  }
}

function aborted(ctx: CallContext, attempts: number): BucketryError {
  return new BucketryError({ provider: ctx.profile.provider, kind: "Aborted", retryable: false, attempts, message: `${ctx.profile.provider}: call aborted by the caller` });
}

/** Anything thrown during an attempt, as a BucketryError: network failures, aborts, middleware errors. */
function toBucketryError(ctx: CallContext, err: unknown): BucketryError {
  if (err instanceof BucketryError) return err;
  const provider = ctx.profile.provider;
  if (ctx.signal?.aborted) return aborted(ctx, 1);
  const e = err as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  if (e?.name === "AbortError" || e?.name === "TimeoutError") {
    return new BucketryError({ provider, kind: "Timeout", retryable: true, message: `${provider}: request timed out`, cause: err });
  }
  if (e?.name === "TypeError" && /fetch failed|network|Failed to fetch|terminated|socket/i.test(e.message ?? "")) {
    const code = e.cause?.code ?? e.code;
    return new BucketryError({ provider, kind: "Network", retryable: true, message: `${provider}: network error${code ? ` (${code})` : ""}`, cause: err });
  }
  if (e?.name === "XmlBodyError") {
    return new BucketryError({ provider, kind: "MalformedResponse", retryable: false, message: `${provider}: ${e.message}`, cause: err });
  }
  // Credential providers and session handshakes report through their own errors; keep their message.
  return new BucketryError({ provider, kind: "Unknown", retryable: false, message: `${provider}: ${e?.message ?? String(err)}`, cause: err });
}
