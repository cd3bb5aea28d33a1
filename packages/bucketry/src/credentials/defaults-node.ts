// The default chain per provider on Node (package.json "imports" #credential-defaults, condition "node").
import type { Provider } from "../model.js";
import { alibabaCredentialChain } from "./alibaba-chain.js";
import { baiduCredentialChain } from "./baidu.js";
import { hitachiTokenFile } from "./hitachi-token-file.js";
import { HUAWEI_REFRESH_MARGIN_MS, huaweiCredentialChain } from "./huawei-chain.js";
import type { DefaultChain, DefaultChainOptions } from "./defaults.js";

export function defaultChain(provider: Exclude<Provider, "hitachi-vsp-one-object">, options: DefaultChainOptions): DefaultChain {
  switch (provider) {
    case "aliyun-ens":
    case "aliyun-oss":
      return { chain: alibabaCredentialChain(options) };
    case "huaweicloud-mpc":
      return { chain: huaweiCredentialChain(options), refreshMarginMs: HUAWEI_REFRESH_MARGIN_MS };
    case "baidu-bos":
      return { chain: baiduCredentialChain(options) };
  }
}

export { hitachiTokenFile };

export { huaweiProjectId as projectIdLookup } from "./huawei-chain.js";
