// The default chain of each vendor family on Node (package.json "imports" #credential-defaults, condition "node").
// A provider module passes its family's factory to accessKeySource (src/credentials.ts).
import { alibabaCredentialChain } from "./alibaba-chain.js";
import { baiduCredentialChain } from "./baidu.js";
import { hitachiTokenFile } from "./hitachi-token-file.js";
import { HUAWEI_REFRESH_MARGIN_MS, huaweiCredentialChain } from "./huawei-chain.js";
import type { DefaultChainFactory } from "./defaults.js";
import { RefreshingCredentials, type RefreshOptions } from "./refreshing-cache.js";
import type { CredentialProvider, ResolvedCredentials } from "./types.js";

/** Alibaba Cloud (ENS, OSS). */
export const alibabaDefaultChain: DefaultChainFactory | undefined = (options) => ({ chain: alibabaCredentialChain(options) });

/** Huawei Cloud (MPC). */
export const huaweiDefaultChain: DefaultChainFactory | undefined = (options) => ({ chain: huaweiCredentialChain(options), refreshMarginMs: HUAWEI_REFRESH_MARGIN_MS });

/** Baidu AI Cloud (BOS). */
export const baiduDefaultChain: DefaultChainFactory | undefined = (options) => ({ chain: baiduCredentialChain(options) });

export { hitachiTokenFile };

/** A chain's answers cached and refreshed ahead of expiry (what a client uses as its credential source). */
export const refreshingCredentials = <C extends ResolvedCredentials>(chain: CredentialProvider<C>, options?: RefreshOptions): RefreshingCredentials<C> =>
  new RefreshingCredentials(chain, options);

/** Huawei: IAM's project id for a client's keys, failures already reported as the facade reports them. */
export { lookUpHuaweiProjectId as projectIdLookup } from "./chained.js";

export { chainedAccessKeys, tokenFileCredentials } from "./chained.js";
