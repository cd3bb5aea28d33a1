// The five vendor adapters, in the order the specs are listed (redocly.yaml). The runtime does not import this
// list: src/mock.ts hands it over.
import type { VendorAdapter } from "../adapter.js";
import { aliyunEns } from "./aliyun-ens.js";
import { aliyunOss } from "./aliyun-oss.js";
import { baiduBos } from "./baidu-bos.js";
import { hitachiVspOneObject } from "./hitachi-vsp-one-object.js";
import { huaweicloudMpc } from "./huaweicloud-mpc.js";

export const vendorAdapters: readonly VendorAdapter[] = [aliyunEns, huaweicloudMpc, baiduBos, hitachiVspOneObject, aliyunOss];
