// Public option and client shapes of the facade (DESIGN.md "Facade surface").
import type { Bucket, BucketAcl, Provider } from "./model.js";
import type { RetryBudget, RetryBudgetOptions, RetryOptions } from "./retry.js";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import type { HitachiCredentials } from "@bucketry/signing/hitachi-session";
import type { EnsClient } from "@bucketry/aliyun-ens";
import type { MpcClient } from "@bucketry/huaweicloud-mpc";
import type { BosClient } from "@bucketry/baidu-bos";
import type { HitachiClient } from "@bucketry/hitachi-vsp-one-object";
import type { OssClient } from "@bucketry/aliyun-oss";

/** The signed generated client behind each facade client (escape hatch for anything the facade does not cover). */
export interface RawClients {
  "aliyun-ens": EnsClient;
  "huaweicloud-mpc": MpcClient;
  "baidu-bos": BosClient;
  "hitachi-vsp-one-object": HitachiClient;
  "aliyun-oss": OssClient;
}

/** Options every provider accepts. */
export interface CommonOptions {
  /**
   * Base-URL override (a mock, a proxy, a private cloud). The spec's paths are appended to it; OSS and
   * BOS then address the bucket path-style (`{endpoint}/{bucket}/?acl`, `{endpoint}/v1/{bucket}?acl`).
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
   * successIncrement: 1 }`; pass one `RetryBudget` to several clients to share it; `false` for none.
   */
  retryBudget?: RetryBudgetOptions | RetryBudget | false | undefined;
  /**
   * Largest response body read, in bytes (default 10 MiB). A success body beyond it is a
   * `MalformedResponse` (read no further than the cap); an error body is cut at the cap.
   */
  maxResponseBytes?: number | undefined;
  /** Transport (default: `globalThis.fetch`, looked up at call time so MSW and test doubles apply). */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Base clock in epoch ms (default `Date.now`); the client adds the offset it learns from clock-skew errors. */
  clock?: (() => number) | undefined;
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

export interface AliyunEnsOptions extends CommonOptions {
  provider: "aliyun-ens";
  /** Default: the central endpoint ens.aliyuncs.com (all mainland-China regions). */
  region?: string | undefined;
  /** Omitted: Alibaba's default chain (environment, OIDC role, aliyun CLI profile, credentials file, ECS RAM role, credentials URI). */
  credentials?: CredentialSource<AccessKeyCredentials> | undefined;
  /** "v3" (ACS3-HMAC-SHA256, default) or "v1" (legacy RPC HMAC-SHA1 query signature). */
  signatureVersion?: "v3" | "v1" | undefined;
}

export interface AliyunOssOptions extends CommonOptions {
  provider: "aliyun-oss";
  /** Plain region id such as `cn-hangzhou`: used as-is in the V4 scope, as `oss-cn-hangzhou` in the host. */
  region: string;
  credentials?: CredentialSource<AccessKeyCredentials> | undefined;
  /** "v4" (OSS4-HMAC-SHA256, default) or "v1" (`OSS ak:sig`). */
  signatureVersion?: "v4" | "v1" | undefined;
}

export interface HuaweiMpcOptions extends CommonOptions {
  provider: "huaweicloud-mpc";
  /** Region id such as `cn-north-4`. */
  region: string;
  /**
   * Project id of that region (sent in the path and, with AK/SK, as X-Project-Id). Omitted:
   * HUAWEICLOUD_SDK_PROJECT_ID, the project id of the credentials' profile, else (Node, AK/SK) looked up
   * from IAM by region once per client (GET /v3/projects?name={region}), as the Huawei SDKs do.
   */
  projectId?: string | undefined;
  /** AK/SK (SDK-HMAC-SHA256), or `{ token }` for IAM token auth. Omitted: Huawei's default chain (environment, ~/.huaweicloud/credentials, ECS metadata). */
  credentials?: CredentialSource<AccessKeyCredentials> | { token: string } | undefined;
}

export interface BaiduBosOptions extends CommonOptions {
  provider: "baidu-bos";
  /** Region short name (`bj`, `gz`, `su`, …). Default `bj`. */
  region?: string | undefined;
  credentials?: CredentialSource<AccessKeyCredentials> | undefined;
  /**
   * "virtual-hosted" (default: `{bucket}.{region}.bcebos.com/?acl`; path-style fails for buckets created
   * after 2024-06-01) or "path" (`{region}.bcebos.com/v1/{bucket}?acl`, the seed page's form).
   * With `endpoint` the request is always path-style.
   */
  addressing?: "virtual-hosted" | "path" | undefined;
}

export interface HitachiOptions extends CommonOptions {
  provider: "hitachi-vsp-one-object";
  /** The management API base including `/mapi`, e.g. `https://admin.region1.cluster1/mapi`. */
  endpoint: string;
  /** A token, a password grant, or a function. Omitted: VSP_ONE_OBJECT_TOKEN, VSP_ONE_OBJECT_TOKEN_FILE (re-read when it changes), or VSP_ONE_OBJECT_USERNAME/_PASSWORD/_TOKEN_URL. */
  credentials?: HitachiCredentials | undefined;
}

export type BucketClientOptions = AliyunEnsOptions | AliyunOssOptions | HuaweiMpcOptions | BaiduBosOptions | HitachiOptions;

export interface ListBucketsOptions extends CallOptions {
  /** Only buckets whose name starts with this (ENS filters server-side; MPC and Hitachi filter the pages they receive). */
  prefix?: string | undefined;
  /** Buckets per request (ENS 1..100, default 100; Hitachi 1..1000, default 1000). */
  pageSize?: number | undefined;
}

export interface HitachiListBucketsOptions extends ListBucketsOptions {
  /** The user whose buckets to list: a number (3.3.x) or a UUID string (2.x / 3.0). */
  userId: number | string;
}

export interface PageOptions {
  /** Continuation from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | undefined;
}

export interface BucketPage<P extends "aliyun-ens" | "huaweicloud-mpc" | "hitachi-vsp-one-object"> {
  buckets: Bucket<P>[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface ListingClient<P extends "aliyun-ens" | "huaweicloud-mpc" | "hitachi-vsp-one-object", O> {
  readonly provider: P;
  /** The signed generated client (typed from the vendor's spec). */
  readonly raw: RawClients[P];
  /** Every bucket, page after page, holding at most one page in memory. */
  listBuckets(...options: OptionalArg<O>): AsyncIterable<Bucket<P>>;
  /** One page and its continuation. */
  listBucketsPage(...options: OptionalArg<O & PageOptions>): Promise<BucketPage<P>>;
}

export interface AclClient<P extends "baidu-bos" | "aliyun-oss"> {
  readonly provider: P;
  /** The signed generated client (typed from the vendor's spec). */
  readonly raw: RawClients[P];
  getBucketAcl(bucket: string, options?: CallOptions): Promise<BucketAcl<P>>;
}

/** An options argument that may be left out when none of its fields is required. */
export type OptionalArg<O> = {} extends O ? [options?: O] : [options: O];

export type BucketClientFor<O extends { provider: Provider }> = O extends { provider: "aliyun-ens" }
  ? ListingClient<"aliyun-ens", ListBucketsOptions>
  : O extends { provider: "huaweicloud-mpc" }
    ? ListingClient<"huaweicloud-mpc", ListBucketsOptions>
    : O extends { provider: "hitachi-vsp-one-object" }
      ? ListingClient<"hitachi-vsp-one-object", HitachiListBucketsOptions>
      : O extends { provider: "baidu-bos" }
        ? AclClient<"baidu-bos">
        : O extends { provider: "aliyun-oss" }
          ? AclClient<"aliyun-oss">
          : never;
