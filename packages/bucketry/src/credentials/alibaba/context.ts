// What every source of Alibaba's chain shares: the variables it reads, its options, and how a source reaches the
// environment, the clock, files and the network.
import { hideSecrets } from "@bucketry/signing";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { io as platformIo } from "#credential-io";
import type { CredentialIo } from "../io.js";
import type { Fetch } from "../request.js";
import { processEnv, type CredentialProvider, type Env, type SourceOptions } from "../types.js";

export const ALIBABA_ENV = {
  accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
  roleArn: "ALIBABA_CLOUD_ROLE_ARN",
  oidcProviderArn: "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
  oidcTokenFile: "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
  roleSessionName: "ALIBABA_CLOUD_ROLE_SESSION_NAME",
  profile: "ALIBABA_CLOUD_PROFILE",
  cliProfileDisabled: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
  credentialsFile: "ALIBABA_CLOUD_CREDENTIALS_FILE",
  ecsMetadata: "ALIBABA_CLOUD_ECS_METADATA",
  ecsMetadataDisabled: "ALIBABA_CLOUD_ECS_METADATA_DISABLED",
  imdsV1Disabled: "ALIBABA_CLOUD_IMDSV1_DISABLED",
  credentialsUri: "ALIBABA_CLOUD_CREDENTIALS_URI",
  stsRegion: "ALIBABA_CLOUD_STS_REGION",
  vpcEndpointEnabled: "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED",
} as const;

/**
 * A profile or file variable as @alicloud/credentials reads it: as it is, "" counting as unset. Not trimmed: the
 * library looks up " prod" or opens " /etc/creds" as written and, failing, moves on to the next source, so a
 * trimmed value here would pick other credentials than it does on the same machine (here the failure is reported).
 */
export const asWritten = (env: Env, name: string): string | undefined => env[name] || undefined;

export interface AlibabaSourceOptions extends SourceOptions {
  /**
   * STS endpoint: a host (`sts.cn-hangzhou.aliyuncs.com`, reached over https) or a URL (`http://127.0.0.1:8080`).
   * Default from ALIBABA_CLOUD_STS_REGION / ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED, else sts.aliyuncs.com.
   */
  stsEndpoint?: string | undefined;
  /** Instance-metadata base URL (default http://100.100.100.200). */
  metadataEndpoint?: string | undefined;
  /** Metadata and STS timeouts in ms (defaults 2 000 and 15 000, as the official libraries). */
  metadataTimeoutMs?: number | undefined;
  stsTimeoutMs?: number | undefined;
  /** @internal File access (tests: the Node one). */
  io?: CredentialIo | undefined;
}

export interface ProfileOptions extends AlibabaSourceOptions {
  /** Profile name (default ALIBABA_CLOUD_PROFILE, then the CLI's "current" / the file's "default"). */
  profile?: string | undefined;
}

export interface Ctx {
  env: Env;
  fetch: Fetch | undefined;
  clock: () => number;
  io: CredentialIo;
  home: () => string;
  options: AlibabaSourceOptions;
}

export function context(options: AlibabaSourceOptions): Ctx {
  const io = options.io ?? platformIo;
  return {
    env: options.env ?? processEnv(),
    fetch: options.fetch,
    clock: options.clock ?? Date.now,
    io,
    home: () => options.homedir ?? io.homedir(),
    options,
  };
}

/** Keys a profile holds as they are (AK, StsToken / access_key, sts). */
export function staticSource(name: string, keys: AccessKeyCredentials): CredentialProvider {
  return { name, resolve: async () => hideSecrets({ ...keys, source: name }) };
}
