// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.
// Add a vendor to redocly.yaml and write packages/bucketry/src/providers/<id>.ts; `npm run generate` rewrites this file
// and `npm test` fails when it is stale.

import { providerModule as aliyunEns } from "../providers/aliyun-ens.js";
import { providerModule as huaweicloudMpc } from "../providers/huaweicloud-mpc.js";
import { providerModule as baiduBos } from "../providers/baidu-bos.js";
import { providerModule as hitachiVspOneObject } from "../providers/hitachi-vsp-one-object.js";
import { providerModule as aliyunOss } from "../providers/aliyun-oss.js";

/** Every provider module, in the order of redocly.yaml's `apis`. */
export const providerModules = [aliyunEns, huaweicloudMpc, baiduBos, hitachiVspOneObject, aliyunOss] as const;
