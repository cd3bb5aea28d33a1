// generated from specs/aliyun-ens.yaml, specs/huaweicloud-mpc.yaml, specs/baidu-bos.yaml, specs/hitachi-vsp-one-object.yaml, specs/aliyun-oss.yaml by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

import * as aliyunEns from "./aliyun-ens.js";
import * as huaweicloudMpc from "./huaweicloud-mpc.js";
import * as baiduBos from "./baidu-bos.js";
import * as hitachiVspOneObject from "./hitachi-vsp-one-object.js";
import * as aliyunOss from "./aliyun-oss.js";

/** The generated module of each vendor: `spec`, one handler factory per operation, and `handlers`. */
export interface Vendors {
  "aliyun-ens": typeof aliyunEns;
  "huaweicloud-mpc": typeof huaweicloudMpc;
  "baidu-bos": typeof baiduBos;
  "hitachi-vsp-one-object": typeof hitachiVspOneObject;
  "aliyun-oss": typeof aliyunOss;
}

/** The generated module of each vendor, by provider id. */
export const vendors: Vendors = {
  "aliyun-ens": aliyunEns,
  "huaweicloud-mpc": huaweicloudMpc,
  "baidu-bos": baiduBos,
  "hitachi-vsp-one-object": hitachiVspOneObject,
  "aliyun-oss": aliyunOss,
};

export { aliyunEns, huaweicloudMpc, baiduBos, hitachiVspOneObject, aliyunOss };
