// Retries with full-jitter exponential backoff (AWS SDK v3's standard strategy): delay is uniform in
// [0, min(cap, base * 2^attempt)], or what the server asked for (Retry-After / x-acs-retry-after),
// capped. Every attempt goes back through the middleware chain, so it is signed afresh.
import { BucketryError } from "./errors.js";

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** Delay before the next attempt, in ms. */
  delayMs: number;
  error: BucketryError;
}

export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  maxAttempts?: number;
  /** Backoff base in ms. Default 200. */
  baseDelayMs?: number;
  /** Upper bound for any single delay, including a server's Retry-After. Default 20 000. */
  maxDelayMs?: number;
  /** Called before each retry (logging, metrics). */
  onRetry?: (info: RetryInfo) => void;
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
  if (!option) return base;
  const r = { ...base, ...Object.fromEntries(Object.entries(option).filter(([, v]) => v !== undefined)) } as ResolvedRetry;
  if (!Number.isInteger(r.maxAttempts) || r.maxAttempts < 1) throw new RangeError("retry.maxAttempts must be an integer >= 1");
  if (!(r.baseDelayMs >= 0) || !(r.maxDelayMs >= 0)) throw new RangeError("retry delays must be >= 0 ms");
  return r;
}

export function backoffDelay(attempt: number, policy: ResolvedRetry, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
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
