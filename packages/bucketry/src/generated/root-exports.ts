// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.
// Add a vendor to redocly.yaml and write packages/bucketry/src/providers/<id>.ts; `npm run generate` rewrites this file
// and `npm test` fails when it is stale.

// The root entry's per-provider exports (src/index.ts re-exports this file): the types each provider module declares,
// and each vendor's generated client package as a namespace (the escape hatch to the raw client).
export type { AliyunEnsClient, AliyunEnsOptions } from "../providers/aliyun-ens.js";
export type { HuaweiMpcBaseOptions, HuaweiMpcClient, HuaweiMpcOptions } from "../providers/huaweicloud-mpc.js";
export type { BaiduBosBaseOptions, BaiduBosClient, BaiduBosOptions } from "../providers/baidu-bos.js";
export type { HitachiListBucketsOptions, HitachiOptions, HitachiVspOneObjectClient } from "../providers/hitachi-vsp-one-object.js";
export type { AliyunOssBaseOptions, AliyunOssClient, AliyunOssOptions } from "../providers/aliyun-oss.js";

export * as aliyunEns from "@bucketry/aliyun-ens";
export * as huaweicloudMpc from "@bucketry/huaweicloud-mpc";
export * as baiduBos from "@bucketry/baidu-bos";
export * as hitachiVspOneObject from "@bucketry/hitachi-vsp-one-object";
export * as aliyunOss from "@bucketry/aliyun-oss";
