// bucketry/credentials: every vendor's default chain and each of its sources, usable without the facade
// (e.g. `acs3Signer({ credentials: refreshing(alibabaCredentialChain()).get })` on a bare generated client).
// File and metadata sources need Node; elsewhere the file sources report themselves as not configured.
export { credentialChain, type CredentialChain } from "./chain.js";
export { RefreshingCredentials, DEFAULT_REFRESH_MARGIN_MS, type CredentialsInfo, type RefreshOptions } from "./refreshing-cache.js";
export {
  CredentialChainError,
  CredentialSourceError,
  METADATA_DISABLED_ENV,
  type CredentialProvider,
  type ResolvedCredentials,
  type SourceAttempt,
  type SourceOptions,
} from "./types.js";
export {
  ALIBABA_CHAIN_SOURCES,
  ALIBABA_ENV,
  ALIBABA_METADATA_ENDPOINT,
  alibabaCredentialChain,
  alibabaStsEndpoint,
  fromAlibabaCredentialsFile,
  fromAlibabaEnv,
  fromAliyunCliProfile,
  fromCredentialsUri,
  fromEcsRamRole,
  fromOidcRole,
  fromRamRoleArn,
  type AlibabaChainOptions,
  type AlibabaSourceOptions,
  type CredentialsUriOptions,
  type EcsRamRoleOptions,
  type OidcRoleOptions,
  type ProfileOptions,
  type RamRoleArnOptions,
} from "./alibaba-chain.js";
export {
  HUAWEI_CHAIN_SOURCES,
  HUAWEI_ENV,
  HUAWEI_METADATA_ENDPOINT,
  HUAWEI_REFRESH_MARGIN_MS,
  fromHuaweiEcsMetadata,
  fromHuaweiEnv,
  fromHuaweiProfile,
  huaweiCredentialChain,
  huaweiIamEndpoint,
  huaweiProjectId,
  type HuaweiChainOptions,
  type HuaweiCredentials,
  type HuaweiSourceOptions,
  type ProjectIdOptions,
} from "./huawei-chain.js";
export { BAIDU_CHAIN_SOURCES, BAIDU_ENV, BAIDU_STS_ENDPOINT, baiduCredentialChain, fromBaiduEnv, fromBaiduSts, type BaiduStsOptions } from "./baidu.js";
export { HITACHI_TOKEN_FILE_ENV, hitachiTokenFile, type TokenFileOptions, type TokenFileSource } from "./hitachi-token-file.js";

import { RefreshingCredentials, type RefreshOptions } from "./refreshing-cache.js";
import type { CredentialProvider, ResolvedCredentials } from "./types.js";

/** A source cached and refreshed ahead of expiry; pass its `get` as a signer's `credentials`. */
export function refreshing<C extends ResolvedCredentials>(provider: CredentialProvider<C>, options?: RefreshOptions): RefreshingCredentials<C> {
  return new RefreshingCredentials(provider, options);
}
