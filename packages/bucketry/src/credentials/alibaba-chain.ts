// Alibaba Cloud's default credential chain, as @alicloud/credentials (DefaultCredentialsProvider) and
// credentials-go resolve it, in the same order and with the same variables, files and formats:
//
//   1. environment          ALIBABA_CLOUD_ACCESS_KEY_ID / _ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN]
//   2. oidc-role            ALIBABA_CLOUD_ROLE_ARN + _OIDC_PROVIDER_ARN + _OIDC_TOKEN_FILE [+ _ROLE_SESSION_NAME]
//                           → STS AssumeRoleWithOIDC (unsigned; the OIDC token is the proof)
//   3. cli-profile          ~/.aliyun/config.json, profile ALIBABA_CLOUD_PROFILE or the file's "current";
//                           modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC
//                           (off with ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true); the library's CloudSSO, OAuth
//                           and External modes stop the chain with an error (no other source's identity)
//   4. credentials-file     ALIBABA_CLOUD_CREDENTIALS_FILE or ~/.alibabacloud/credentials (ini), section
//                           ALIBABA_CLOUD_PROFILE or "default"; types access_key, sts, ram_role_arn,
//                           ecs_ram_role, oidc_role_arn
//   5. ecs-ram-role         instance metadata at 100.100.100.200 (hardened mode: a metadata token first,
//                           plain requests as fallback unless ALIBABA_CLOUD_IMDSV1_DISABLED=true); role from
//                           ALIBABA_CLOUD_ECS_METADATA or the metadata service; off with
//                           ALIBABA_CLOUD_ECS_METADATA_DISABLED=true or BUCKETRY_METADATA_DISABLED=true
//   6. credentials-uri      ALIBABA_CLOUD_CREDENTIALS_URI → JSON { AccessKeyId, AccessKeySecret, SecurityToken, Expiration }
//
// RamRoleArn assumes the role with STS AssumeRole, signed (RPC HMAC-SHA1) with the source keys by
// @bucketry/signing's RPC signer. The STS host follows ALIBABA_CLOUD_STS_REGION and
// ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: sts.aliyuncs.com, sts.{region}.aliyuncs.com, sts-vpc.{region}.aliyuncs.com.
//
// One module per source under ./alibaba/; this one orders them.
import { credentialChain, type CredentialChain } from "./chain.js";
import type { ProfileOptions } from "./alibaba/context.js";
import { fromAlibabaCredentialsFile } from "./alibaba/credentials-file.js";
import { fromAliyunCliProfile } from "./alibaba/cli-profile.js";
import { fromCredentialsUri } from "./alibaba/credentials-uri.js";
import { fromEcsRamRole } from "./alibaba/ecs-ram-role.js";
import { fromAlibabaEnv } from "./alibaba/environment.js";
import { fromOidcRole } from "./alibaba/oidc-role.js";

/** The Alibaba chain's sources, in order (for messages, `bucketry providers` and the README). */
export const ALIBABA_CHAIN_SOURCES = ["environment", "oidc-role", "cli-profile", "credentials-file", "ecs-ram-role", "credentials-uri"] as const;

export type AlibabaChainOptions = ProfileOptions;

/** Alibaba's default chain (see the top of this file). */
export function alibabaCredentialChain(options: AlibabaChainOptions = {}): CredentialChain {
  return credentialChain("Alibaba Cloud", [
    fromAlibabaEnv(options),
    fromOidcRole(options),
    fromAliyunCliProfile(options),
    fromAlibabaCredentialsFile(options),
    fromEcsRamRole(options),
    fromCredentialsUri(options),
  ]);
}
