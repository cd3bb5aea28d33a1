/**
 * bucketry/credentials: every vendor's default chain and each of its sources, usable without the facade
 * (e.g. `acs3Signer({ credentials: refreshing(alibabaCredentialChain()).get })` on a bare generated client).
 * File and metadata sources need Node; elsewhere the file sources report themselves as not configured.
 *
 * @module bucketry/credentials
 */
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
  type TransientKind,
} from "./types.js";
// Named by public options and fields (`io`, `env`), so a program can name them too.
export type { CredentialIo, FileStamp } from "./io.js";
export type { Env } from "./env.js";
export { ALIBABA_CHAIN_SOURCES, alibabaCredentialChain, type AlibabaChainOptions } from "./alibaba-chain.js";
export { ALIBABA_ENV, type AlibabaSourceOptions, type ProfileOptions } from "./alibaba/context.js";
export { alibabaStsEndpoint } from "./alibaba/sts.js";
export { fromAlibabaEnv } from "./alibaba/environment.js";
export { fromOidcRole, type OidcRoleOptions } from "./alibaba/oidc-role.js";
export { fromRamRoleArn, type RamRoleArnOptions } from "./alibaba/ram-role-arn.js";
export { fromAliyunCliProfile } from "./alibaba/cli-profile.js";
export { fromAlibabaCredentialsFile } from "./alibaba/credentials-file.js";
export { ALIBABA_METADATA_ENDPOINT, fromEcsRamRole, type EcsRamRoleOptions } from "./alibaba/ecs-ram-role.js";
export { fromCredentialsUri, type CredentialsUriOptions } from "./alibaba/credentials-uri.js";
export {
  HUAWEI_CHAIN_SOURCES,
  HUAWEI_ENV,
  HUAWEI_METADATA_ENDPOINT,
  HUAWEI_REFRESH_MARGIN_MS,
  fromHuaweiEcsMetadata,
  fromHuaweiEnv,
  fromHuaweiProfile,
  huaweiCredentialChain,
  type HuaweiChainOptions,
  type HuaweiCredentials,
  type HuaweiSourceOptions,
} from "./huawei-chain.js";
export { huaweiIamEndpoint, huaweiProjectId, type ProjectIdOptions } from "./huawei-project-id.js";
export { BAIDU_CHAIN_SOURCES, BAIDU_ENV, BAIDU_STS_ENDPOINT, baiduCredentialChain, fromBaiduEnv, fromBaiduSts, type BaiduStsOptions } from "./baidu.js";
export { HITACHI_TOKEN_FILE_ENV, hitachiTokenFile, type TokenFileOptions, type TokenFileSource } from "./hitachi-token-file.js";

import { RefreshingCredentials, type RefreshOptions } from "./refreshing-cache.js";
import type { CredentialProvider, ResolvedCredentials } from "./types.js";

/** A source cached and refreshed ahead of expiry; pass its `get` as a signer's `credentials`. */
export function refreshing<C extends ResolvedCredentials>(provider: CredentialProvider<C>, options?: RefreshOptions): RefreshingCredentials<C> {
  return new RefreshingCredentials(provider, options);
}
