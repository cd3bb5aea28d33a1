// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.
// Add a vendor to redocly.yaml and write packages/bucketry/src/providers/<id>.ts; `npm run generate` rewrites this file
// and `npm test` fails when it is stale.

import { createBucketClient as aliyunEnsClient, providerModule as aliyunEns } from "../providers/aliyun-ens.js";
import { createBucketClient as huaweicloudMpcClient, providerModule as huaweicloudMpc } from "../providers/huaweicloud-mpc.js";
import { createBucketClient as baiduBosClient, providerModule as baiduBos } from "../providers/baidu-bos.js";
import { createBucketClient as hitachiVspOneObjectClient, providerModule as hitachiVspOneObject } from "../providers/hitachi-vsp-one-object.js";
import { createBucketClient as aliyunOssClient, providerModule as aliyunOss } from "../providers/aliyun-oss.js";

/** Every provider module, in the order of redocly.yaml's `apis`. */
export const providerModules = [aliyunEns, huaweicloudMpc, baiduBos, hitachiVspOneObject, aliyunOss] as const;

/** Each provider's createBucketClient: all the root entry needs of a module (a bundle keeps no CLI or docs facts). */
export const clientFactories = {
  "aliyun-ens": aliyunEnsClient,
  "huaweicloud-mpc": huaweicloudMpcClient,
  "baidu-bos": baiduBosClient,
  "hitachi-vsp-one-object": hitachiVspOneObjectClient,
  "aliyun-oss": aliyunOssClient,
};
