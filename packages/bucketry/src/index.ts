// bucketry: one typed facade over the providers' bucket APIs. See README.md. `bucketry/<provider>` is the same
// facade for one provider (a smaller bundle).
export { createBucketClient } from "./client.js";
export { ENV, PROVIDERS } from "./registry.js";
export type { BucketClientFor, BucketClientOptions } from "./registry.js";
export * from "./surface.js";
export type { AliyunEnsClient, AliyunEnsOptions } from "./providers/aliyun-ens.js";
export type { HuaweiMpcClient, HuaweiMpcOptions } from "./providers/huaweicloud-mpc.js";
export type { BaiduBosClient, BaiduBosOptions } from "./providers/baidu-bos.js";
export type { HitachiListBucketsOptions, HitachiOptions, HitachiVspOneObjectClient } from "./providers/hitachi-vsp-one-object.js";
export type { AliyunOssClient, AliyunOssOptions } from "./providers/aliyun-oss.js";
export type { HitachiCredentials } from "@bucketry/signing/hitachi-session";

// Escape hatches: each vendor's generated client package, as namespaces.
export * as aliyunEns from "@bucketry/aliyun-ens";
export * as huaweicloudMpc from "@bucketry/huaweicloud-mpc";
export * as baiduBos from "@bucketry/baidu-bos";
export * as hitachiVspOneObject from "@bucketry/hitachi-vsp-one-object";
export * as aliyunOss from "@bucketry/aliyun-oss";
