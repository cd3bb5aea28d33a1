// What the CLI knows about each provider: its operations, auth schemes, and the variables it reads.
import { ENV } from "../credentials.js";
import { PROVIDERS, type AclProvider, type ListingProvider, type Provider } from "../model.js";
import { UsageError } from "./exit.js";

export interface ProviderInfo {
  provider: Provider;
  vendor: string;
  /** CLI command for the provider's operation. */
  command: "list-buckets" | "get-acl";
  operations: string[];
  auth: string[];
  required: string[];
}

export const PROVIDER_INFO: Record<Provider, ProviderInfo> = {
  "aliyun-ens": {
    provider: "aliyun-ens",
    vendor: "Alibaba Cloud ENS",
    command: "list-buckets",
    operations: ["ListBuckets"],
    auth: ["ACS3-HMAC-SHA256", "RPC HMAC-SHA1 (--signature-version v1)"],
    required: [],
  },
  "huaweicloud-mpc": {
    provider: "huaweicloud-mpc",
    vendor: "Huawei Cloud MPC",
    command: "list-buckets",
    operations: ["GET /v1/{project_id}/buckets"],
    auth: ["SDK-HMAC-SHA256", "X-Auth-Token (profile token)"],
    required: ["--region"],
  },
  "baidu-bos": {
    provider: "baidu-bos",
    vendor: "Baidu AI Cloud BOS",
    command: "get-acl",
    operations: ["GetBucketAcl"],
    auth: ["bce-auth-v1"],
    required: [],
  },
  "hitachi-vsp-one-object": {
    provider: "hitachi-vsp-one-object",
    vendor: "Hitachi VSP One Object",
    command: "list-buckets",
    operations: ["POST /v1/user/list_buckets", "GET /v1/csrf"],
    auth: ["bearer token + CSRF session", "password grant"],
    required: ["--endpoint", "--user-id"],
  },
  "aliyun-oss": {
    provider: "aliyun-oss",
    vendor: "Alibaba Cloud OSS",
    command: "get-acl",
    operations: ["GetBucketAcl"],
    auth: ["OSS4-HMAC-SHA256", "OSS V1 (--signature-version v1)"],
    required: ["--region"],
  },
};

/** `BUCKETRY_ALIYUN_OSS` — prefix of the CLI's own per-provider variables (`_ENDPOINT`, `_REGION`, …). */
export function envPrefix(provider: Provider): string {
  return `BUCKETRY_${provider.toUpperCase().replace(/-/g, "_")}`;
}

/** The CLI's per-provider variables (read when the flag and the profile say nothing). */
export function cliEnvNames(provider: Provider): string[] {
  const p = envPrefix(provider);
  const names = [`${p}_ENDPOINT`, `${p}_REGION`];
  if (provider === "huaweicloud-mpc") names.push(`${p}_PROJECT_ID`);
  if (provider === "hitachi-vsp-one-object") names.push(`${p}_USER_ID`, `${p}_TOKEN`);
  else names.push(`${p}_ACCESS_KEY_ID`, `${p}_ACCESS_KEY_SECRET`, `${p}_SECURITY_TOKEN`);
  return names;
}

/** The vendors' own variables the facade reads. */
export function vendorEnvNames(provider: Provider): string[] {
  return Object.values(ENV[provider]).filter((v): v is string => typeof v === "string");
}

export function parseProvider(value: string | undefined, command: string): Provider {
  if (value === undefined) throw new UsageError(`--provider is required: one of ${PROVIDERS.join(", ")}`, command);
  if (!(PROVIDERS as readonly string[]).includes(value)) throw new UsageError(`unknown provider "${value}": one of ${PROVIDERS.join(", ")}`, command);
  return value as Provider;
}

export function listingProvider(provider: Provider): ListingProvider {
  if (PROVIDER_INFO[provider].command !== "list-buckets") {
    throw new UsageError(`${provider} documents no bucket listing (its operation is GetBucketAcl): use \`bucketry get-acl --provider ${provider} --bucket NAME\``, "list-buckets");
  }
  return provider as ListingProvider;
}

export function aclProvider(provider: Provider): AclProvider {
  if (PROVIDER_INFO[provider].command !== "get-acl") {
    throw new UsageError(`${provider} documents no bucket ACL operation (its operation is bucket listing): use \`bucketry list-buckets --provider ${provider}\``, "get-acl");
  }
  return provider as AclProvider;
}

/** Each provider's default credential chain, in the order it is tried (the README lists the same). */
export const CREDENTIAL_CHAINS: Record<Provider, readonly string[]> = {
  "aliyun-ens": ["environment", "oidc-role", "cli-profile (~/.aliyun/config.json)", "credentials-file (~/.alibabacloud/credentials)", "ecs-ram-role (100.100.100.200)", "credentials-uri"],
  "aliyun-oss": ["environment", "oidc-role", "cli-profile (~/.aliyun/config.json)", "credentials-file (~/.alibabacloud/credentials)", "ecs-ram-role (100.100.100.200)", "credentials-uri"],
  "huaweicloud-mpc": ["environment", "profile-file (~/.huaweicloud/credentials)", "ecs-metadata (169.254.169.254)"],
  "baidu-bos": ["environment"],
  "hitachi-vsp-one-object": ["VSP_ONE_OBJECT_TOKEN", "VSP_ONE_OBJECT_TOKEN_FILE", "password grant (VSP_ONE_OBJECT_USERNAME/_PASSWORD/_TOKEN_URL)"],
};
