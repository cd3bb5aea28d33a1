// Alibaba Cloud's default credential chain, as @alicloud/credentials (DefaultCredentialsProvider) and
// credentials-go resolve it, in the same order and with the same variables, files and formats:
//
//   1. environment          ALIBABA_CLOUD_ACCESS_KEY_ID / _ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN]
//   2. oidc-role            ALIBABA_CLOUD_ROLE_ARN + _OIDC_PROVIDER_ARN + _OIDC_TOKEN_FILE [+ _ROLE_SESSION_NAME]
//                           → STS AssumeRoleWithOIDC (unsigned; the OIDC token is the proof)
//   3. cli-profile          ~/.aliyun/config.json, profile ALIBABA_CLOUD_PROFILE or the file's "current";
//                           modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC
//                           (off with ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)
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
import { signAcsRpcV1 } from "@bucketry/signing/acs-rpc-v1";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { io as platformIo } from "#credential-io";
import { credentialChain, type CredentialChain } from "./chain.js";
import { parseIni, parseJsonFile, readSourceFile } from "./files.js";
import type { CredentialIo } from "./io.js";
import { jsonBody, parseExpiration, send, str, type Fetch } from "./request.js";
import {
  CredentialSourceError,
  METADATA_DISABLED_ENV,
  isTrue,
  notConfigured,
  processEnv,
  setting,
  sourceFailed,
  type CredentialProvider,
  type Env,
  type ResolvedCredentials,
  type SourceOptions,
} from "./types.js";

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

/** The Alibaba chain's sources, in order (for messages, `bucketry providers` and the README). */
export const ALIBABA_CHAIN_SOURCES = ["environment", "oidc-role", "cli-profile", "credentials-file", "ecs-ram-role", "credentials-uri"] as const;

export const ALIBABA_METADATA_ENDPOINT = "http://100.100.100.200";
const STS_VERSION = "2015-04-01";
const DEFAULT_DURATION_SECONDS = 3600;
const METADATA_TOKEN_TTL_SECONDS = 21600;
// The libraries' timeouts: metadata 1 s connect + 1 s read; STS and credentials URI 5 s connect + 10 s read.
const METADATA_TIMEOUT_MS = 2_000;
const STS_TIMEOUT_MS = 15_000;

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

interface Ctx {
  env: Env;
  fetch: Fetch | undefined;
  clock: () => number;
  io: CredentialIo;
  home: () => string;
  options: AlibabaSourceOptions;
}

function context(options: AlibabaSourceOptions): Ctx {
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

// ---------------------------------------------------------------------------------------------------
// 1. environment

/** ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / ALIBABA_CLOUD_SECURITY_TOKEN. */
export function fromAlibabaEnv(options: SourceOptions = {}): CredentialProvider {
  const name = "environment";
  return {
    name,
    async resolve() {
      const env = options.env ?? processEnv();
      const accessKeyId = setting(env, ALIBABA_ENV.accessKeyId);
      const accessKeySecret = setting(env, ALIBABA_ENV.accessKeySecret);
      if (!accessKeyId) throw notConfigured(name, accessKeySecret ? `${ALIBABA_ENV.accessKeyId} is not set` : `${ALIBABA_ENV.accessKeyId} and ${ALIBABA_ENV.accessKeySecret} are not set`);
      if (!accessKeySecret) throw notConfigured(name, `${ALIBABA_ENV.accessKeySecret} is not set (${ALIBABA_ENV.accessKeyId} is)`);
      const securityToken = setting(env, ALIBABA_ENV.securityToken);
      return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}), source: name };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// STS

/** The STS base URL the libraries would use. */
export function alibabaStsEndpoint(options: { stsEndpoint?: string | undefined; stsRegion?: string | undefined; enableVpc?: boolean | undefined }, env: Env): string {
  if (options.stsEndpoint) return options.stsEndpoint.includes("://") ? options.stsEndpoint.replace(/\/+$/, "") : `https://${options.stsEndpoint}`;
  const region = options.stsRegion ?? setting(env, ALIBABA_ENV.stsRegion);
  const vpc = options.enableVpc ?? isTrue(env[ALIBABA_ENV.vpcEndpointEnabled]);
  if (!region) return "https://sts.aliyuncs.com";
  return vpc ? `https://sts-vpc.${region}.aliyuncs.com` : `https://sts.${region}.aliyuncs.com`;
}

function stsCredentials(source: string, action: string, status: number, text: string): ResolvedCredentials {
  const body = jsonBody(text);
  if (status !== 200) {
    // Code and request id only: an STS message can quote the string to sign, which holds the source's token.
    const code = str(body?.Code);
    const requestId = str(body?.RequestId);
    throw sourceFailed(source, `STS ${action} refused (HTTP ${status}${code ? ` ${code}` : ""}${requestId ? `, request id ${requestId}` : ""})`);
  }
  const c = body?.Credentials as Record<string, unknown> | undefined;
  const accessKeyId = str(c?.AccessKeyId);
  const accessKeySecret = str(c?.AccessKeySecret);
  const securityToken = str(c?.SecurityToken);
  if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(source, `STS ${action} answered without Credentials.AccessKeyId, AccessKeySecret and SecurityToken`);
  const expiration = parseExpiration(c?.Expiration);
  return { accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source };
}

function form(params: Record<string, string | undefined>): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return out.join("&");
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

// ---------------------------------------------------------------------------------------------------
// 2. OIDC role

export interface OidcRoleOptions extends AlibabaSourceOptions {
  roleArn?: string | undefined;
  oidcProviderArn?: string | undefined;
  oidcTokenFile?: string | undefined;
  roleSessionName?: string | undefined;
  durationSeconds?: number | undefined;
  policy?: string | undefined;
  stsRegion?: string | undefined;
  enableVpc?: boolean | undefined;
  /** Source name in messages (default "oidc-role"). */
  name?: string | undefined;
}

/** STS AssumeRoleWithOIDC with the token in `oidcTokenFile` (re-read on every refresh: Kubernetes rotates it). */
export function fromOidcRole(options: OidcRoleOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = options.name ?? "oidc-role";
  return {
    name,
    async resolve() {
      const roleArn = options.roleArn ?? setting(ctx.env, ALIBABA_ENV.roleArn);
      const providerArn = options.oidcProviderArn ?? setting(ctx.env, ALIBABA_ENV.oidcProviderArn);
      const tokenFile = options.oidcTokenFile ?? setting(ctx.env, ALIBABA_ENV.oidcTokenFile);
      const unset = [!roleArn && ALIBABA_ENV.roleArn, !providerArn && ALIBABA_ENV.oidcProviderArn, !tokenFile && ALIBABA_ENV.oidcTokenFile].filter(Boolean);
      if (unset.length) throw notConfigured(name, `${unset.join(", ")} ${unset.length === 1 ? "is" : "are"} not set`);
      const duration = options.durationSeconds ?? DEFAULT_DURATION_SECONDS;
      if (duration < 900) throw sourceFailed(name, "session duration must be at least 900 seconds");
      const token = (await readSourceFile(ctx.io, name, tokenFile!, "OIDC token file")).trim();
      if (!token) throw sourceFailed(name, `OIDC token file ${tokenFile} is empty`);
      const base = alibabaStsEndpoint(options, ctx.env);
      const query = form({ Version: STS_VERSION, Action: "AssumeRoleWithOIDC", Format: "JSON", Timestamp: isoSeconds(ctx.clock()) });
      const body = form({
        OIDCProviderArn: providerArn,
        OIDCToken: token,
        RoleArn: roleArn,
        Policy: options.policy,
        RoleSessionName: options.roleSessionName ?? setting(ctx.env, ALIBABA_ENV.roleSessionName) ?? `bucketry-${ctx.clock()}`,
        DurationSeconds: String(duration),
      });
      const res = await send(ctx.fetch, name, {
        method: "POST",
        url: `${base}/?${query}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        timeoutMs: options.stsTimeoutMs ?? STS_TIMEOUT_MS,
      });
      return stsCredentials(name, "AssumeRoleWithOIDC", res.status, res.text);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// RAM role ARN (STS AssumeRole from source keys)

export interface RamRoleArnOptions extends AlibabaSourceOptions {
  /** The keys that assume the role: a source (refreshed as it needs) or fixed keys. */
  credentials: CredentialProvider | AccessKeyCredentials;
  roleArn?: string | undefined;
  roleSessionName?: string | undefined;
  durationSeconds?: number | undefined;
  policy?: string | undefined;
  externalId?: string | undefined;
  stsRegion?: string | undefined;
  enableVpc?: boolean | undefined;
  /** Source name in messages (default "ram-role-arn"). */
  name?: string | undefined;
}

/** STS AssumeRole, signed with the source keys by @bucketry/signing's RPC (HMAC-SHA1) signer. */
export function fromRamRoleArn(options: RamRoleArnOptions): CredentialProvider {
  const ctx = context(options);
  const name = options.name ?? "ram-role-arn";
  const source = options.credentials;
  return {
    name,
    async resolve() {
      const roleArn = options.roleArn ?? setting(ctx.env, ALIBABA_ENV.roleArn);
      if (!roleArn) throw notConfigured(name, `no role ARN (${ALIBABA_ENV.roleArn} is not set)`);
      const duration = options.durationSeconds ?? DEFAULT_DURATION_SECONDS;
      if (duration < 900) throw sourceFailed(name, "session duration must be at least 900 seconds");
      const keys: AccessKeyCredentials = "resolve" in source ? await source.resolve() : source;
      const url = new URL(`${alibabaStsEndpoint(options, ctx.env)}/`);
      url.search = form({ Version: STS_VERSION, Action: "AssumeRole", Format: "JSON" });
      const body = form({
        RoleArn: roleArn,
        Policy: options.policy,
        ExternalId: options.externalId,
        RoleSessionName: options.roleSessionName ?? setting(ctx.env, ALIBABA_ENV.roleSessionName) ?? `bucketry-${ctx.clock()}`,
        DurationSeconds: String(duration),
      });
      const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", "x-acs-credentials-provider": "resolve" in source ? source.name : "static_ak" });
      const signable = { method: "POST", url, headers, body: new TextEncoder().encode(body) };
      await signAcsRpcV1(signable, { credentials: { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, securityToken: keys.securityToken }, clock: ctx.clock, format: "JSON" });
      const res = await send(ctx.fetch, name, {
        method: "POST",
        url: signable.url.href,
        headers: Object.fromEntries(headers),
        body,
        timeoutMs: options.stsTimeoutMs ?? STS_TIMEOUT_MS,
      });
      return stsCredentials(name, "AssumeRole", res.status, res.text);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// 5. ECS RAM role (instance metadata)

export interface EcsRamRoleOptions extends AlibabaSourceOptions {
  /** The instance's RAM role (default ALIBABA_CLOUD_ECS_METADATA, else asked from the metadata service). */
  roleName?: string | undefined;
  /** Only hardened mode (metadata token required); default ALIBABA_CLOUD_IMDSV1_DISABLED=true. */
  disableImdsV1?: boolean | undefined;
  name?: string | undefined;
}

/** Temporary keys of the ECS instance's RAM role from the metadata service. */
export function fromEcsRamRole(options: EcsRamRoleOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = options.name ?? "ecs-ram-role";
  const base = (options.metadataEndpoint ?? ALIBABA_METADATA_ENDPOINT).replace(/\/+$/, "");
  const timeoutMs = options.metadataTimeoutMs ?? METADATA_TIMEOUT_MS;

  const get = async (path: string, token: string | null) => {
    try {
      return await send(ctx.fetch, name, { method: "GET", url: `${base}${path}`, headers: token === null ? {} : { "x-aliyun-ecs-metadata-token": token }, timeoutMs });
    } catch (err) {
      // Nothing answering at the metadata address: not an ECS instance (or metadata blocked).
      if (err instanceof CredentialSourceError) throw notConfigured(name, `${err.message} (not an ECS instance?)`);
      throw err;
    }
  };

  return {
    name,
    async resolve() {
      if (isTrue(ctx.env[ALIBABA_ENV.ecsMetadataDisabled])) throw notConfigured(name, `switched off by ${ALIBABA_ENV.ecsMetadataDisabled}=true`);
      if (isTrue(ctx.env[METADATA_DISABLED_ENV])) throw notConfigured(name, `switched off by ${METADATA_DISABLED_ENV}=true`);
      const v1Disabled = options.disableImdsV1 ?? isTrue(ctx.env[ALIBABA_ENV.imdsV1Disabled]);

      const metadataToken = async (): Promise<string | null> => {
        let res;
        try {
          res = await send(ctx.fetch, name, { method: "PUT", url: `${base}/latest/api/token`, headers: { "x-aliyun-ecs-metadata-token-ttl-seconds": String(METADATA_TOKEN_TTL_SECONDS) }, timeoutMs });
        } catch (err) {
          if (!v1Disabled) return null;
          throw err instanceof CredentialSourceError ? notConfigured(name, `${err.message} (not an ECS instance?)`) : err;
        }
        if (res.status === 200) return res.text;
        if (v1Disabled) throw sourceFailed(name, `metadata token request answered HTTP ${res.status} (hardened mode is required by ${ALIBABA_ENV.imdsV1Disabled})`);
        return null;
      };
      /** With the token; without it as the fallback when plain requests are allowed (as the libraries do). */
      const getWithFallback = async (path: string, token: string | null) => {
        let res;
        try {
          res = await get(path, token);
        } catch (err) {
          if (token !== null && !v1Disabled) return get(path, null);
          throw err;
        }
        if (res.status !== 200 && token !== null && !v1Disabled) return get(path, null);
        return res;
      };

      let roleName = options.roleName ?? setting(ctx.env, ALIBABA_ENV.ecsMetadata);
      if (!roleName) {
        const res = await getWithFallback("/latest/meta-data/ram/security-credentials/", await metadataToken());
        if (res.status === 404) throw notConfigured(name, "the instance has no RAM role attached");
        if (res.status !== 200) throw sourceFailed(name, `role name request answered HTTP ${res.status}`);
        roleName = res.text.trim();
        if (!roleName) throw notConfigured(name, "the instance has no RAM role attached");
      }
      const res = await getWithFallback(`/latest/meta-data/ram/security-credentials/${encodeURIComponent(roleName)}`, await metadataToken());
      if (res.status !== 200) throw sourceFailed(name, `credentials request for role ${roleName} answered HTTP ${res.status}`);
      const data = jsonBody(res.text);
      const accessKeyId = str(data?.AccessKeyId);
      const accessKeySecret = str(data?.AccessKeySecret);
      const securityToken = str(data?.SecurityToken);
      if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(name, "the metadata service answered without AccessKeyId, AccessKeySecret and SecurityToken");
      if (data?.Code !== "Success") throw sourceFailed(name, "the metadata service answered Code other than Success");
      const expiration = parseExpiration(data.Expiration);
      return { accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source: name };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// 6. credentials URI

export interface CredentialsUriOptions extends AlibabaSourceOptions {
  /** Default ALIBABA_CLOUD_CREDENTIALS_URI. */
  uri?: string | undefined;
  name?: string | undefined;
}

/** GET a URI answering `{ AccessKeyId, AccessKeySecret, SecurityToken, Expiration }` (a sidecar, a vault agent). */
export function fromCredentialsUri(options: CredentialsUriOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = options.name ?? "credentials-uri";
  return {
    name,
    async resolve() {
      const uri = options.uri ?? setting(ctx.env, ALIBABA_ENV.credentialsUri);
      if (!uri) throw notConfigured(name, `${ALIBABA_ENV.credentialsUri} is not set`);
      const res = await send(ctx.fetch, name, { method: "GET", url: uri, timeoutMs: options.stsTimeoutMs ?? STS_TIMEOUT_MS });
      if (res.status !== 200) throw sourceFailed(name, `answered HTTP ${res.status}`);
      const data = jsonBody(res.text);
      if (data === undefined) throw sourceFailed(name, "answered something other than a JSON object");
      const accessKeyId = str(data.AccessKeyId);
      const accessKeySecret = str(data.AccessKeySecret);
      const securityToken = str(data.SecurityToken);
      if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(name, "answered without AccessKeyId, AccessKeySecret and SecurityToken");
      const expiration = parseExpiration(data.Expiration);
      return { accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source: name };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// 3. aliyun CLI profiles (~/.aliyun/config.json)

export interface ProfileOptions extends AlibabaSourceOptions {
  /** Profile name (default ALIBABA_CLOUD_PROFILE, then the CLI's "current" / the file's "default"). */
  profile?: string | undefined;
}

interface CliProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
  ram_role_arn?: unknown;
  ram_session_name?: unknown;
  expired_seconds?: unknown;
  duration_seconds?: unknown;
  sts_region?: unknown;
  sts_endpoint?: unknown;
  enable_vpc?: unknown;
  ram_role_name?: unknown;
  oidc_token_file?: unknown;
  oidc_provider_arn?: unknown;
  source_profile?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const count = (v: unknown): number | undefined => (typeof v === "number" && v > 0 ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);

/** The aliyun CLI's profiles. Reads the file once; sources that refresh (roles) are kept and refreshed. */
export function fromAliyunCliProfile(options: ProfileOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = "cli-profile";
  let inner: CredentialProvider | undefined;
  return {
    name,
    async resolve() {
      if (inner === undefined) {
        if (isTrue(ctx.env[ALIBABA_ENV.cliProfileDisabled])) throw notConfigured(name, `switched off by ${ALIBABA_ENV.cliProfileDisabled}=true`);
        const home = ctx.home();
        if (!home && ctx.io.available) throw notConfigured(name, "no home directory");
        const path = ctx.io.join(home, ".aliyun", "config.json");
        const conf = parseJsonFile(name, path, await readSourceFile(ctx.io, name, path, "aliyun CLI config")) as { current?: unknown; profiles?: unknown };
        const profiles = Array.isArray(conf?.profiles) ? (conf.profiles as CliProfile[]) : [];
        if (profiles.length === 0) throw notConfigured(name, `no profiles in ${path}`);
        const profileName = options.profile ?? setting(ctx.env, ALIBABA_ENV.profile) ?? text(conf.current);
        if (!profileName) throw notConfigured(name, `${path} names no current profile and ${ALIBABA_ENV.profile} is not set`);
        inner = cliProfileSource(ctx, path, profiles, profileName, 0);
      }
      const c = await inner.resolve();
      return { ...c, source: `${name} ${inner.name}` };
    },
  };
}

function cliProfileSource(ctx: Ctx, path: string, profiles: CliProfile[], profileName: string, depth: number): CredentialProvider {
  const name = "cli-profile";
  const p = profiles.find((x) => x.name === profileName);
  if (!p) throw sourceFailed(name, `no profile named "${profileName}" in ${path}`);
  const mode = text(p.mode) ?? "";
  const label = `${profileName} (${mode})`;
  const needKeys = (): AccessKeyCredentials => {
    const accessKeyId = text(p.access_key_id);
    const accessKeySecret = text(p.access_key_secret);
    if (!accessKeyId || !accessKeySecret) throw sourceFailed(name, `profile "${profileName}" (${mode}) has no access_key_id and access_key_secret`);
    return { accessKeyId, accessKeySecret };
  };
  const stsOptions = {
    ...ctx.options,
    ...(text(p.sts_region) ? { stsRegion: text(p.sts_region) } : {}),
    ...(text(p.sts_endpoint) && !ctx.options.stsEndpoint ? { stsEndpoint: text(p.sts_endpoint) } : {}),
    ...(p.enable_vpc === true ? { enableVpc: true } : {}),
  };
  switch (mode) {
    case "AK": {
      const keys = needKeys();
      return staticSource(label, keys);
    }
    case "StsToken": {
      const keys = needKeys();
      const securityToken = text(p.sts_token);
      if (!securityToken) throw sourceFailed(name, `profile "${profileName}" (StsToken) has no sts_token`);
      return staticSource(label, { ...keys, securityToken });
    }
    case "RamRoleArn":
      return fromRamRoleArn({
        ...stsOptions,
        name: label,
        credentials: needKeys(),
        roleArn: text(p.ram_role_arn) ?? "",
        roleSessionName: text(p.ram_session_name),
        durationSeconds: count(p.expired_seconds),
      });
    case "ChainableRamRoleArn": {
      const sourceProfile = text(p.source_profile);
      if (!sourceProfile || depth > 8) throw sourceFailed(name, `profile "${profileName}" (ChainableRamRoleArn) has no usable source_profile`);
      return fromRamRoleArn({
        ...stsOptions,
        name: label,
        credentials: cliProfileSource(ctx, path, profiles, sourceProfile, depth + 1),
        roleArn: text(p.ram_role_arn) ?? "",
        roleSessionName: text(p.ram_session_name),
        durationSeconds: count(p.expired_seconds),
      });
    }
    case "EcsRamRole":
      return fromEcsRamRole({ ...ctx.options, name: label, roleName: text(p.ram_role_name) });
    case "OIDC":
      return fromOidcRole({
        ...stsOptions,
        name: label,
        oidcTokenFile: text(p.oidc_token_file),
        oidcProviderArn: text(p.oidc_provider_arn),
        roleArn: text(p.ram_role_arn),
        roleSessionName: text(p.ram_session_name),
        // The Node library reads expired_seconds and then duration_seconds (the later wins); so do we.
        durationSeconds: count(p.duration_seconds) ?? count(p.expired_seconds),
      });
    default:
      throw sourceFailed(name, `profile "${profileName}" has mode "${mode}", which bucketry does not support (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC)`);
  }
}

function staticSource(name: string, keys: AccessKeyCredentials): CredentialProvider {
  return { name, resolve: async () => ({ ...keys, source: name }) };
}

// ---------------------------------------------------------------------------------------------------
// 4. the credentials file (~/.alibabacloud/credentials, ini)

/** Alibaba's ini credentials file. Reads the file once; role types are kept and refreshed. */
export function fromAlibabaCredentialsFile(options: ProfileOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = "credentials-file";
  let inner: CredentialProvider | undefined;
  return {
    name,
    async resolve() {
      if (inner === undefined) {
        let path = setting(ctx.env, ALIBABA_ENV.credentialsFile);
        if (!path) {
          const home = ctx.home();
          if (!home && ctx.io.available) throw notConfigured(name, "no home directory");
          path = ctx.io.join(home, ".alibabacloud", "credentials");
        }
        const ini = parseIni(await readSourceFile(ctx.io, name, path, "credentials file"));
        const profile = options.profile ?? setting(ctx.env, ALIBABA_ENV.profile) ?? "default";
        const section = ini[profile];
        if (!section?.type) throw notConfigured(name, `${path} has no [${profile}] section with a type`);
        inner = iniSource(ctx, path, profile, section);
      }
      const c = await inner.resolve();
      return { ...c, source: `${name} ${inner.name}` };
    },
  };
}

function iniSource(ctx: Ctx, path: string, profile: string, s: Record<string, string>): CredentialProvider {
  const name = "credentials-file";
  const type = s.type!;
  const label = `[${profile}] (${type})`;
  const needKeys = (): AccessKeyCredentials => {
    if (!s.access_key_id || !s.access_key_secret) throw sourceFailed(name, `[${profile}] in ${path} (${type}) has no access_key_id and access_key_secret`);
    return { accessKeyId: s.access_key_id, accessKeySecret: s.access_key_secret };
  };
  switch (type) {
    case "access_key":
      return staticSource(label, needKeys());
    case "sts": {
      const keys = needKeys();
      if (!s.security_token) throw sourceFailed(name, `[${profile}] in ${path} (sts) has no security_token`);
      return staticSource(label, { ...keys, securityToken: s.security_token });
    }
    case "ram_role_arn":
      return fromRamRoleArn({ ...ctx.options, name: label, credentials: needKeys(), roleArn: s.role_arn ?? "", roleSessionName: s.role_session_name || undefined, policy: s.policy || undefined });
    case "ecs_ram_role":
      return fromEcsRamRole({ ...ctx.options, name: label, roleName: s.role_name || undefined });
    case "oidc_role_arn":
      return fromOidcRole({
        ...ctx.options,
        name: label,
        roleArn: s.role_arn || undefined,
        oidcProviderArn: s.oidc_provider_arn || undefined,
        oidcTokenFile: s.oidc_token_file_path || undefined,
        roleSessionName: s.role_session_name || undefined,
      });
    default:
      throw sourceFailed(name, `[${profile}] in ${path} has type "${type}"; supported: access_key, sts, ram_role_arn, ecs_ram_role, oidc_role_arn`);
  }
}

// ---------------------------------------------------------------------------------------------------
// the chain

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
