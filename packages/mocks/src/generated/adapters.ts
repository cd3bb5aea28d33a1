// generated from redocly.yaml (apis) by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// The runtime does not import this list: src/mock.ts hands it over.

import type { VendorAdapter } from "../adapter.js";
import { aliyunEns } from "../vendors/aliyun-ens.js";
import { huaweicloudMpc } from "../vendors/huaweicloud-mpc.js";
import { baiduBos } from "../vendors/baidu-bos.js";
import { hitachiVspOneObject } from "../vendors/hitachi-vsp-one-object.js";
import { aliyunOss } from "../vendors/aliyun-oss.js";

/** One adapter per vendor, in the order redocly.yaml lists the specs. */
export const vendorAdapters: readonly VendorAdapter[] = [aliyunEns, huaweicloudMpc, baiduBos, hitachiVspOneObject, aliyunOss];
