// Public option and client shapes of the facade (the README's "The facade" section shows them in use).
// Each provider's own options and client type live in its module (src/providers/<id>.ts), which adds its
// generated client to `RawClients`; the unions over all providers are in registry.ts.
import type { AclProvider, Bucket, BucketAcl, ListingProvider, Provider } from "./model.js";
import type { RetryBudget, RetryBudgetOptions, RetryOptions } from "./retry.js";

/**
 * The signed generated client behind each facade client (escape hatch for anything the facade does not cover),
 * by provider. Each provider's module adds its own entry to this interface.
 */
export interface RawClients {}

/** Options every provider accepts. */
export interface CommonOptions {
  /**
   * Base-URL override (a mock, a proxy, a private cloud). The spec's paths are appended to it. OSS and BOS
   * address the bucket path-style (`{endpoint}/{bucket}/?acl`, `{endpoint}/v1/{bucket}?acl`) when its host is
   * an IP address or `localhost`, and virtual-hosted (`{bucket}.{host}`) otherwise; their `addressing` and
   * `cname` options override that. A blank string is refused, not read as "the vendor's own endpoint".
   */
  endpoint?: string | undefined;
  /** Retry policy; `false` makes one attempt. Default: 3 attempts, full-jitter backoff from 200 ms, capped at 20 s. */
  retry?: RetryOptions | false | undefined;
  /** Per-attempt timeout in ms. Default 30 000; `0` disables it. */
  timeoutMs?: number | undefined;
  /**
   * Total time for one call in ms — every attempt, backoff and Retry-After wait included. When it runs out
   * the call fails with kind `Timeout` (`retryable: false`); a retry whose delay would end past it is not
   * attempted. Default: none (`0` is none too).
   */
  deadlineMs?: number | undefined;
  /**
   * Client-wide retry budget (a token bucket, like the AWS SDK's retry quota): each retry takes `retryCost`
   * tokens (`timeoutCost` after a timeout or network error), each success gives back what its last retry
   * took (or `successIncrement`). When empty, failures are returned without retrying, so an outage adds at
   * most `capacity / retryCost` extra requests. Default `{ capacity: 500, retryCost: 5, timeoutCost: 10,
   * successIncrement: 1 }`; a retry signed with a clock corrected since the failed attempt takes nothing (once per call); pass one `RetryBudget` to
   * several clients to share it; `false` for none.
   */
  retryBudget?: RetryBudgetOptions | RetryBudget | false | undefined;
  /**
   * Largest response body read, in bytes (default 10 MiB). A success body beyond it is a
   * `MalformedResponse` (read no further than the cap); an error body is cut at 64 KiB, whatever the cap
   * (its code and message are all that is read from it).
   */
  maxResponseBytes?: number | undefined;
  /**
   * Transport. Default: on Node, the keep-alive HTTP/1.1 transport of `@bucketry/signing/fetch`
   * (`platformTransport`), which does not call `globalThis.fetch` — a stub of `globalThis.fetch` does not see
   * its requests; an interceptor of `node:http`'s `request` (MSW, nock) does. Elsewhere `globalThis.fetch`,
   * looked up at call time so MSW and test doubles apply. Pass a function here to send every attempt through it.
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Base clock in epoch ms (default `Date.now`); the client adds the offset it learns from clock-skew errors. */
  clock?: (() => number) | undefined;
  /**
   * Called with what a response carried that bucketry left out instead of failing the call: an optional field
   * of a vendor record with a value it cannot read (ENS `BucketAcl: "default"`, a date in another format) is
   * dropped from the normalized record — the vendor's value stays in `raw` — and reported here. Default:
   * ignored. Called synchronously while the page is read; an exception it throws (or a rejection of the promise it returns) is ignored.
   */
  onWarning?: ((warning: BucketryWarning) => void) | undefined;
}

/** The keys of `CommonOptions`, for the check that refuses an option no provider takes (a typo: `endPoint`). */
export const COMMON_OPTION_KEYS = ["endpoint", "retry", "timeoutMs", "deadlineMs", "retryBudget", "maxResponseBytes", "fetch", "clock", "onWarning"] as const satisfies readonly (keyof CommonOptions)[];

/** What `onWarning` receives: an optional vendor value bucketry dropped instead of failing the call. */
export interface BucketryWarning {
  provider: Provider;
  /** What was dropped: a field of a vendor record (the only kind so far). */
  kind: "DroppedField";
  /** The bucket whose record it was. */
  bucket: string;
  /** The normalized field left out (`acl`, `createdAt`, `id`, `ownerDisplayName`). */
  field: string;
  /** Where the value is in the vendor record (`BucketAcl`, `CreateTime`, `creation_date`); the record is the result's `raw`. */
  from: string;
  /** The vendor's value as received. */
  value: unknown;
  /** Why it could not be read (`expected a canned ACL, got "default"`). */
  reason: string;
  /** The same in one line, for a log. */
  message: string;
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call (in flight or during a backoff wait): it fails with kind `Aborted`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call (overrides the client's). */
  timeoutMs?: number | undefined;
  /** Total time for this call, retries included (overrides the client's `deadlineMs`). */
  deadlineMs?: number | undefined;
  retry?: RetryOptions | false | undefined;
}

/**
 * Options of a listing. `listBuckets` fetches its pages as you iterate, each page one call: `timeoutMs`,
 * `deadlineMs` and `retry` apply to each page's request, not to the whole listing (whose length depends on
 * your loop too). To bound a whole listing, pass `signal: AbortSignal.timeout(ms)`.
 */
export interface ListBucketsOptions extends CallOptions {
  /** Only buckets whose name starts with this (ENS filters server-side; MPC and Hitachi filter the pages they receive). */
  prefix?: string | undefined;
  /** Buckets per request (ENS 1..100, default 100; Hitachi 1..1000, default 1000). */
  pageSize?: number | undefined;
}

export interface PageOptions {
  /**
   * Continuation from the previous page's `nextCursor`; omit for the first page. It continues at the page size
   * of the page that gave it: leave `pageSize` out, or pass the same one (ENS refuses another).
   */
  cursor?: string | undefined;
}

/** One page of `listBucketsPage`. Without a type argument, a page of any listing provider (as `Bucket` is). */
export interface BucketPage<P extends ListingProvider = ListingProvider> {
  buckets: Bucket<P>[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface ListingClient<P extends ListingProvider & keyof RawClients, O> {
  readonly provider: P;
  /** The signed generated client (typed from the vendor's spec). */
  readonly raw: RawClients[P];
  /** Every bucket, page after page, holding at most one page in memory. */
  listBuckets(...options: OptionalArg<O>): AsyncIterable<Bucket<P>>;
  /** One page and its continuation. */
  listBucketsPage(...options: OptionalArg<O & PageOptions>): Promise<BucketPage<P>>;
}

export interface AclClient<P extends AclProvider & keyof RawClients> {
  readonly provider: P;
  /** The signed generated client (typed from the vendor's spec). */
  readonly raw: RawClients[P];
  getBucketAcl(bucket: string, options?: CallOptions): Promise<BucketAcl<P>>;
}

/** An options argument that may be left out when none of its fields is required. */
export type OptionalArg<O> = {} extends O ? [options?: O] : [options: O];
