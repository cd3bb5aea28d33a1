// Resolved credentials, cached until shortly before they expire, with at most one refresh in flight.
//
// Refresh margin: credentials are refreshed once less than `refreshMarginMs` of their life remains (default
// 15 minutes, the stale time of Alibaba's credentials libraries), or less than half of it for credentials
// that live shorter than twice the margin (so a 10-minute token is not refreshed on every call).
// Stale while revalidate: while stale credentials have not expired, every call gets them at once and the
// refresh runs in the background, so a slow source (a metadata endpoint, STS under load, an OIDC exchange)
// holds no call. Calls wait for the refresh only when there are no credentials, when they have expired, or
// after `invalidate` (a server refused them as expired).
// A refresh that fails while the old credentials still work keeps the old ones and is tried again after
// `retryFailedRefreshMs` (default 10 s); once they have expired the failure is the caller's error.
// A failure with no usable credentials to fall back on is returned as it is to every caller for a while before
// the source is asked again — 1 s after the first, doubling with each failure in a row up to 30 s; a success
// ends it — so that a source that is down (a metadata endpoint that refuses or never answers, an STS outage)
// is asked about once per interval however many calls run, instead of once per call.
import { sourceFailed, type CredentialProvider, type ResolvedCredentials } from "./types.js";
import { retryIn } from "./own-errors.js";

export const DEFAULT_REFRESH_MARGIN_MS = 15 * 60_000;
export const DEFAULT_RETRY_FAILED_REFRESH_MS = 10_000;
/** After a failure with no usable credentials: the first and the longest wait before the source is asked again. */
export const FAILURE_BACKOFF_MS = [1_000, 30_000] as const;

export interface RefreshOptions {
  /** Epoch-ms clock (default `Date.now`). */
  clock?: (() => number) | undefined;
  /** Refresh this long before expiry (default 15 minutes). */
  refreshMarginMs?: number | undefined;
  /** After a failed refresh that kept still-valid credentials, wait this long before trying again. */
  retryFailedRefreshMs?: number | undefined;
}

/** What the cache holds now (for `bucketry whoami`): never the secret. */
export interface CredentialsInfo {
  source: string;
  accessKeyId: string;
  expiration?: number | undefined;
  projectId?: string | undefined;
}

export class RefreshingCredentials<C extends ResolvedCredentials = ResolvedCredentials> {
  readonly #provider: CredentialProvider<C>;
  readonly #clock: () => number;
  readonly #margin: number;
  readonly #retryFailed: number;
  #current: C | undefined;
  #fetchedAt = 0;
  /** Successful fetches so far; `#current` from the first one means no other credentials were ever served. */
  #fetches = 0;
  #retryAt = 0;
  #inflight: Promise<C> | undefined;
  #refreshes = 0;
  /** Failures in a row with no usable credentials; the last one's error, returned until `#failedUntil`. */
  #failures = 0;
  #failure: unknown;
  #failedUntil = 0;

  constructor(provider: CredentialProvider<C>, options: RefreshOptions = {}) {
    this.#provider = provider;
    this.#clock = options.clock ?? Date.now;
    this.#margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.#retryFailed = options.retryFailedRefreshMs ?? DEFAULT_RETRY_FAILED_REFRESH_MS;
  }

  /** The source's name. */
  get name(): string {
    return this.#provider.name;
  }

  /** How many times the source was asked (the first resolve included). */
  get refreshes(): number {
    return this.#refreshes;
  }

  /**
   * Cached credentials while they have not expired (when stale, a refresh starts in the background);
   * otherwise the (one) refresh in flight.
   */
  readonly get = (): Promise<C> => {
    const current = this.#current;
    const now = this.#clock();
    if (current !== undefined && !expired(current, now)) {
      if (this.#inflight === undefined && now >= this.#retryAt && this.#stale(current, now)) {
        // Its failure keeps `current` (or reaches the callers that waited for it): nobody else awaits it here.
        (this.#inflight = this.#refresh(current)).catch(() => undefined);
      }
      return Promise.resolve(current);
    }
    if (this.#inflight === undefined && now < this.#failedUntil) return Promise.reject(this.#failure);
    return (this.#inflight ??= this.#refresh(current));
  };

  async #refresh(previous: C | undefined): Promise<C> {
    this.#refreshes++;
    try {
      const fresh = await this.#provider.resolve();
      if (expired(fresh, this.#clock())) {
        // Signing with them would only earn an "expired token" answer (and another refresh, for every call).
        throw sourceFailed(fresh.source, `gave credentials that expired at ${new Date(fresh.expiration!).toISOString()} (is this machine's clock right?)`);
      }
      this.#fetches++;
      this.#current = fresh;
      this.#fetchedAt = this.#clock();
      this.#retryAt = 0;
      this.#failures = 0;
      this.#failedUntil = 0;
      this.#failure = undefined;
      return fresh;
    } catch (err) {
      const now = this.#clock();
      // The old credentials still work: keep serving them, try again a little later.
      if (previous !== undefined && previous === this.#current && !expired(previous, now)) {
        this.#retryAt = now + this.#retryFailed;
        return previous;
      }
      this.#failures++;
      this.#failure = err;
      this.#failedUntil = now + Math.min(FAILURE_BACKOFF_MS[1], FAILURE_BACKOFF_MS[0] * 2 ** Math.min(this.#failures - 1, 30));
      if (typeof err === "object" && err !== null) retryIn.set(err, () => this.backoffMs());
      throw err;
    } finally {
      this.#inflight = undefined;
    }
  }

  /** Ms until a source that failed (with no usable credentials) is asked again; 0 when it would be asked now. */
  backoffMs(): number {
    return Math.max(0, this.#failedUntil - this.#clock());
  }

  #stale(c: C, now: number): boolean {
    if (c.expiration === undefined) return false;
    const life = c.expiration - this.#fetchedAt;
    const margin = Math.min(this.#margin, Math.max(0, life / 2));
    return now >= c.expiration - margin;
  }

  /**
   * The server refused credentials as expired in an attempt that started at `since` (this cache's clock):
   * drop them unless they were fetched after that attempt began (another call already refreshed). Returns
   * whether a retry can use different credentials.
   */
  invalidate(since: number): boolean {
    const current = this.#current;
    if (current === undefined) return true;
    // Fetched after the attempt began: another call refreshed them, and the attempt used older ones — unless
    // they are the first this cache ever fetched, which the attempt itself must have fetched and used.
    if (this.#fetchedAt > since && this.#fetches > 1) return true;
    // Long-lived keys: a refresh would return the same. Temporary ones (with a token) whose source gave no
    // readable expiry are dropped like any other, or a refused token would be used until the process ends.
    // Dropped also while a background refresh is in flight: the retry must wait for it, not get them again.
    if (current.expiration === undefined && current.securityToken === undefined) return this.#inflight !== undefined;
    this.#current = undefined;
    return true;
  }

  /** What is cached, without the secret (undefined before the first resolve). */
  info(): CredentialsInfo | undefined {
    const c = this.#current;
    if (c === undefined) return undefined;
    return { source: c.source, accessKeyId: c.accessKeyId, ...(c.expiration !== undefined ? { expiration: c.expiration } : {}), ...(c.projectId !== undefined ? { projectId: c.projectId } : {}) };
  }
}

const expired = (c: ResolvedCredentials, now: number): boolean => c.expiration !== undefined && now >= c.expiration;
