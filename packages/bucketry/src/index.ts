// bucketry: one typed facade over five vendors' bucket APIs. See README.md.
export { createBucketClient } from "./client.js";
export { BucketryError, isBucketryError, type ErrorKind } from "./errors.js";
export { PROVIDERS } from "./model.js";
export type { AclProvider, Bucket, BucketAcl, CannedAcl, Grant, Grantee, ListingProvider, Provider, RawAclRecords, RawBucketRecords } from "./model.js";
export type {
  AclClient,
  AliyunEnsOptions,
  AliyunOssOptions,
  BaiduBosOptions,
  BucketClientFor,
  BucketClientOptions,
  BucketPage,
  CallOptions,
  CommonOptions,
  HitachiListBucketsOptions,
  HitachiOptions,
  HuaweiMpcOptions,
  ListBucketsOptions,
  ListingClient,
  PageOptions,
  RawClients,
} from "./options.js";
export { RetryBudget } from "./retry.js";
export type { RetryBudgetOptions, RetryBudgetStats, RetryInfo, RetryOptions } from "./retry.js";
export { ENV } from "./credentials.js";
export type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
export type { HitachiCredentials } from "@bucketry/signing/hitachi-session";

// Escape hatches: each vendor's generated client package, as namespaces.
export * as aliyunEns from "@bucketry/aliyun-ens";
export * as huaweicloudMpc from "@bucketry/huaweicloud-mpc";
export * as baiduBos from "@bucketry/baidu-bos";
export * as hitachiVspOneObject from "@bucketry/hitachi-vsp-one-object";
export * as aliyunOss from "@bucketry/aliyun-oss";
