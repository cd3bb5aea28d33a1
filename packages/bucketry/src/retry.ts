// Retries with full-jitter exponential backoff (AWS SDK v3's standard strategy): delay is uniform in
// [0, min(cap, base * 2^(attempt-1))] — after a throttling answer, in [c/2, c] with c = min(cap, base * 2^attempt) —
// or what the server asked for (Retry-After / x-acs-retry-after), never shortened: a longer wait than the cap
// fails the call at once. Every attempt goes back through the middleware chain, so it is signed afresh.
//
// A client-wide retry budget (AWS's "retry quota", a token bucket) keeps an outage from multiplying the
// load: each retry takes tokens (5; 10 after a timeout or network error), a call that succeeds gives back
// what its last retry took (or 1 when it needed none), and when the bucket is empty failures are returned
// at once instead of retried. Over any stretch of calls, retries <= capacity / retryCost + what successes
// refund, so during a full outage at most capacity / retryCost (= 100 by default) extra requests are sent.
import { BucketryError, type ErrorKind } from "./errors.js";

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** Delay before the next attempt, in ms. */
  delayMs: number;
  error: BucketryError;
}

export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  maxAttempts?: number | undefined;
  /** Backoff base in ms. Default 200. */
  baseDelayMs?: number | undefined;
  /**
   * Upper bound for any single delay. Default 20 000. A server's Retry-After is not cut to it (a retry sent before
   * the server's time is refused again): one longer fails the call at once, its error carrying `retryAfterMs`.
   */
  maxDelayMs?: number | undefined;
  /** Called before each retry (logging, metrics); what it throws, or the promise it returns rejects with, is ignored. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

export interface ResolvedRetry {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

export const DEFAULT_RETRY: ResolvedRetry = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 20_000 };

export function resolveRetry(option: RetryOptions | false | undefined, base: ResolvedRetry = DEFAULT_RETRY): ResolvedRetry {
  if (option === false) return { ...base, maxAttempts: 1 };
  if (option === undefined || option === null) return base;
  if (typeof option !== "object") throw new RangeError("retry must be false or { maxAttempts, baseDelayMs, maxDelayMs, onRetry }");
  const r = { ...base, ...Object.fromEntries(Object.entries(option).filter(([, v]) => v !== undefined)) } as ResolvedRetry;
  if (!Number.isInteger(r.maxAttempts) || r.maxAttempts < 1) throw new RangeError("retry.maxAttempts must be an integer >= 1");
  if (!(r.baseDelayMs >= 0) || !(r.maxDelayMs >= 0) || !Number.isFinite(r.baseDelayMs) || !Number.isFinite(r.maxDelayMs)) {
    throw new RangeError("retry.baseDelayMs and retry.maxDelayMs must be finite numbers of milliseconds >= 0");
  }
  if (r.onRetry !== undefined && typeof r.onRetry !== "function") throw new RangeError("retry.onRetry must be a function");
  return r;
}

/**
 * The wait before retrying after `attempt` failed. After a throttling answer without a Retry-After, the ceiling is
 * doubled and the lower half skipped: full jitter could ask the throttled server again at once (AWS SDK v3 backs
 * off from a base 5× larger after throttling, 500 ms instead of 100, full jitter still).
 */
export function backoffDelay(attempt: number, policy: ResolvedRetry, random: () => number = Math.random, throttled?: boolean): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (throttled ? attempt : attempt - 1));
  return Math.floor(throttled ? ((1 + random()) * ceiling) / 2 : random() * ceiling);
}

export interface RetryBudgetOptions {
  /** Tokens in a full bucket (and at start). Default 500. */
  capacity?: number | undefined;
  /** Tokens a retry takes. Default 5. */
  retryCost?: number | undefined;
  /** Tokens a retry after a timeout or network error takes. Default 10. */
  timeoutCost?: number | undefined;
  /** Tokens a call that succeeded at its first attempt gives back. Default 1. */
  successIncrement?: number | undefined;
}

export interface RetryBudgetStats {
  /** Tokens now in the bucket. */
  available: number;
  capacity: number;
  /** Retries the budget allowed. */
  granted: number;
  /** Retries the budget refused (the error was returned instead). */
  denied: number;
}

const TRANSIENT: ReadonlySet<ErrorKind> = new Set(["Timeout", "Network"]);

/**
 * A token bucket shared by every call of a client (or of several clients, when one instance is passed to
 * each as `retryBudget`). Single-threaded JavaScript needs no locking.
 */
export class RetryBudget {
  readonly capacity: number;
  readonly retryCost: number;
  readonly timeoutCost: number;
  readonly successIncrement: number;
  #available: number;
  #granted = 0;
  #denied = 0;

  constructor(options: RetryBudgetOptions = {}) {
    const { capacity = 500, retryCost = 5, timeoutCost = 10, successIncrement = 1 } = options;
    for (const [name, value] of Object.entries({ capacity, retryCost, timeoutCost, successIncrement })) {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError(`retryBudget.${name} must be a finite number >= 0`);
    }
    this.capacity = capacity;
    this.retryCost = retryCost;
    this.timeoutCost = timeoutCost;
    this.successIncrement = successIncrement;
    this.#available = capacity;
  }

  /** Takes the cost of retrying after `kind`; returns the tokens taken, or undefined when the bucket is too low. */
  acquire(kind: ErrorKind): number | undefined {
    const cost = TRANSIENT.has(kind) ? this.timeoutCost : this.retryCost;
    if (cost > this.#available) {
      this.#denied++;
      return undefined;
    }
    this.#available -= cost;
    this.#granted++;
    return cost;
  }

  /** A call succeeded: give back what its last retry took, or `successIncrement` if it needed none. */
  release(lastRetryCost: number | undefined): void {
    this.#available = Math.min(this.capacity, this.#available + (lastRetryCost ?? this.successIncrement));
  }

  get available(): number {
    return this.#available;
  }

  stats(): RetryBudgetStats {
    return { available: this.#available, capacity: this.capacity, granted: this.#granted, denied: this.#denied };
  }

  toJSON(): RetryBudgetStats {
    return this.stats();
  }
}

export function resolveRetryBudget(option: RetryBudgetOptions | RetryBudget | false | undefined): RetryBudget | undefined {
  if (option === false) return undefined;
  if (option instanceof RetryBudget) return option;
  // Another copy of this module (two bundles of bucketry) makes a budget that fails instanceof; accept it by shape.
  const like = option as Partial<RetryBudget> | undefined;
  if (like && typeof like.acquire === "function" && typeof like.release === "function") return option as RetryBudget;
  if (option !== undefined && (typeof option !== "object" || option === null)) throw new RangeError("retryBudget must be false, a RetryBudget or { capacity, retryCost, timeoutCost }");
  return new RetryBudget(option ?? {});
}

/**
 * Calls a user's hook (onRetry, onWarning): what it throws is ignored, and so is the promise an async hook returns
 * when it rejects — left alone, that rejection would be unhandled, and Node ends the process on one.
 */
export function callHook<T>(hook: ((value: T) => unknown) | undefined, value: T): void {
  try {
    Promise.resolve(hook?.(value)).catch(() => undefined);
  } catch {
    // A failing logging/metrics hook does not fail the call.
  }
}

/** Resolves after `ms`, or rejects early when `signal` aborts; leaves no timer behind either way. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
