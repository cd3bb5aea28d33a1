import type { Provider } from "../types.js";
import type { VendorAdapter } from "./adapter.js";
import { aliyunEns } from "./aliyun-ens.js";
import { aliyunOss } from "./aliyun-oss.js";
import { baiduBos } from "./baidu-bos.js";
import { hitachiVspOneObject } from "./hitachi-vsp-one-object.js";
import { huaweicloudMpc } from "./huaweicloud-mpc.js";

export const adapters: Record<Provider, VendorAdapter> = {
  "aliyun-ens": aliyunEns,
  "huaweicloud-mpc": huaweicloudMpc,
  "baidu-bos": baiduBos,
  "hitachi-vsp-one-object": hitachiVspOneObject,
  "aliyun-oss": aliyunOss,
};
