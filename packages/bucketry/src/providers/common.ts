// Plumbing every adapter shares: option checks, the per-call context, the late-bound transport.
import { BucketryError } from "../errors.js";
import type { ErrorProfile } from "../http.js";
import type { Provider } from "../model.js";
import type { CallOptions, CommonOptions } from "../options.js";
import { resolveRetry, type ResolvedRetry } from "../retry.js";
import { SkewClock, type CallContext } from "../runtime.js";

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ClientState {
  profile: ErrorProfile;
  retry: ResolvedRetry;
  clock: SkewClock;
  timeoutMs: number | undefined;
  fetch: (request: Request) => Promise<Response>;
}

export function configError(provider: Provider, message: string): BucketryError {
  return new BucketryError({ provider, kind: "Configuration", message: `${provider}: ${message}` });
}

/** A usable base URL, or a Configuration error saying what is wrong with it. */
export function checkEndpoint(provider: Provider, endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw configError(provider, `endpoint "${endpoint}" is not an absolute URL (expected e.g. http://127.0.0.1:9000)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw configError(provider, `endpoint must be http(s), got ${url.protocol}`);
  if (url.username || url.password) throw configError(provider, "endpoint must not contain user info; pass credentials separately");
  if (url.search || url.hash) throw configError(provider, "endpoint must not contain a query or fragment");
  return url.href.replace(/\/+$/, "");
}

export function requireString(provider: Provider, name: string, value: unknown, example: string): string {
  if (typeof value !== "string" || value.trim() === "") throw configError(provider, `\`${name}\` is required (e.g. ${example})`);
  return value.trim();
}

export function clientState(profile: ErrorProfile, options: CommonOptions): ClientState {
  const provider = profile.provider;
  let retry: ResolvedRetry;
  try {
    retry = resolveRetry(options.retry);
  } catch (err) {
    throw configError(provider, (err as Error).message);
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout < 0) throw configError(provider, "timeoutMs must be a number of milliseconds >= 0");
  const custom = options.fetch;
  return {
    profile,
    retry,
    clock: new SkewClock(options.clock),
    timeoutMs: timeout === 0 ? undefined : timeout,
    // Late-bound: resolved at call time so MSW (and other patches applied after creation) apply.
    fetch: custom ?? ((request: Request) => globalThis.fetch(request)),
  };
}

export function callContext(state: ClientState, call: CallOptions | undefined): CallContext {
  let retry = state.retry;
  if (call?.retry !== undefined) {
    try {
      retry = resolveRetry(call.retry, state.retry);
    } catch (err) {
      throw configError(state.profile.provider, (err as Error).message);
    }
  }
  const timeout = call?.timeoutMs ?? state.timeoutMs;
  return { profile: state.profile, retry, clock: state.clock, timeoutMs: timeout === 0 ? undefined : timeout, signal: call?.signal };
}

export function checkPageSize(provider: Provider, value: number | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw configError(provider, `pageSize must be an integer from 1 to ${max}, got ${String(value)}`);
  return value;
}
