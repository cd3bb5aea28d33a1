// From flags, the selected profile and the environment to `createBucketClient` options. Precedence: flag,
// then profile, then the CLI's BUCKETRY_<PROVIDER>_* variables, then (credentials only) the vendors' own
// variables, which the facade reads itself — so its "set X" messages name them.
import { ENV } from "../credentials.js";
import type { Provider } from "../model.js";
import type { BucketClientOptions } from "../options.js";
import type { RetryOptions } from "../retry.js";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { loadProfile, type ProfileEntry } from "./config.js";
import { UsageError } from "./exit.js";
import { envPrefix } from "./providers.js";

export interface ConnectionFlags {
  region?: string | undefined;
  endpoint?: string | undefined;
  projectId?: string | undefined;
  profile?: string | undefined;
  signatureVersion?: string | undefined;
  timeout?: string | undefined;
  retries?: string | undefined;
}

export interface Resolved {
  options: BucketClientOptions;
  entry: ProfileEntry;
}

const nonEmpty = (v: string | undefined) => (v !== undefined && v.trim() !== "" ? v.trim() : undefined);

export function positiveInt(value: string | undefined, flag: string, command: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} must be an integer >= ${min}, got "${value}"`, command);
  return Number(value);
}

function accessKeyFrom(entry: ProfileEntry, env: NodeJS.ProcessEnv, prefix: string): AccessKeyCredentials | undefined {
  if (entry.accessKeyId !== undefined || entry.accessKeySecret !== undefined) {
    const c = { accessKeyId: entry.accessKeyId ?? "", accessKeySecret: entry.accessKeySecret ?? "" };
    return entry.securityToken ? { ...c, securityToken: entry.securityToken } : c;
  }
  const id = nonEmpty(env[`${prefix}_ACCESS_KEY_ID`]);
  const secret = nonEmpty(env[`${prefix}_ACCESS_KEY_SECRET`]);
  if (id === undefined && secret === undefined) return undefined; // the facade reads the vendor's variables
  const token = nonEmpty(env[`${prefix}_SECURITY_TOKEN`]);
  const c = { accessKeyId: id ?? "", accessKeySecret: secret ?? "" };
  return token ? { ...c, securityToken: token } : c;
}

export function resolveClient(provider: Provider, flags: ConnectionFlags, env: NodeJS.ProcessEnv, command: string, debug?: (line: string) => void): Resolved {
  const profileName = nonEmpty(flags.profile) ?? nonEmpty(env.BUCKETRY_PROFILE);
  const entry: ProfileEntry = profileName ? (loadProfile(profileName, env).profile[provider] ?? {}) : {};
  const prefix = envPrefix(provider);
  const endpoint = nonEmpty(flags.endpoint) ?? nonEmpty(entry.endpoint) ?? nonEmpty(env[`${prefix}_ENDPOINT`]);
  const region = nonEmpty(flags.region) ?? nonEmpty(entry.region) ?? nonEmpty(env[`${prefix}_REGION`]);
  const signatureVersion = nonEmpty(flags.signatureVersion) ?? nonEmpty(entry.signatureVersion);
  const timeoutMs = positiveInt(flags.timeout, "--timeout", command, 0);
  const maxAttempts = positiveInt(flags.retries, "--retries", command, 1);

  const common: { endpoint?: string; timeoutMs?: number; retry?: RetryOptions } = {};
  if (endpoint) common.endpoint = endpoint;
  if (timeoutMs !== undefined) common.timeoutMs = timeoutMs;
  const retry: RetryOptions = {};
  if (maxAttempts !== undefined) retry.maxAttempts = maxAttempts;
  if (debug) retry.onRetry = ({ attempt, delayMs, error }) => debug(`attempt ${attempt} failed (${error.kind}${error.code ? ` ${error.code}` : ""}); retrying in ${delayMs} ms`);
  if (Object.keys(retry).length) common.retry = retry;

  const checkSig = (allowed: readonly string[]) => {
    if (signatureVersion !== undefined && !allowed.includes(signatureVersion)) {
      throw new UsageError(`--signature-version for ${provider} is one of ${allowed.join(", ")}, got "${signatureVersion}"`, command);
    }
  };
  const needRegion = () => {
    if (!region) throw new UsageError(`${provider} needs --region (or ${prefix}_REGION, or "region" in the profile)`, command);
    return region;
  };
  const accessKey = accessKeyFrom(entry, env, prefix);
  const credentials = accessKey ? { credentials: accessKey } : {};

  let options: BucketClientOptions;
  switch (provider) {
    case "aliyun-ens":
      checkSig(["v3", "v1"]);
      options = { provider, ...common, ...credentials, ...(region ? { region } : {}), ...(signatureVersion ? { signatureVersion: signatureVersion as "v3" | "v1" } : {}) };
      break;
    case "aliyun-oss":
      checkSig(["v4", "v1"]);
      options = { provider, ...common, ...credentials, region: needRegion(), ...(signatureVersion ? { signatureVersion: signatureVersion as "v4" | "v1" } : {}) };
      break;
    case "baidu-bos":
      checkSig([]);
      options = { provider, ...common, ...credentials, ...(region ? { region } : {}) };
      break;
    case "huaweicloud-mpc": {
      checkSig([]);
      const projectId = nonEmpty(flags.projectId) ?? nonEmpty(entry.projectId) ?? nonEmpty(env[`${prefix}_PROJECT_ID`]) ?? nonEmpty(env[ENV[provider].projectId!]);
      const token = nonEmpty(entry.token);
      // No project id: the facade looks it up from IAM by region (AK/SK); a token needs one.
      if (!projectId && token && !accessKey) throw new UsageError(`huaweicloud-mpc with a token needs --project-id (or ${ENV[provider].projectId}, or "projectId" in the profile)`, command);
      options = { provider, ...common, region: needRegion(), ...(projectId ? { projectId } : {}), ...(token && !accessKey ? { credentials: { token } } : credentials) };
      break;
    }
    case "hitachi-vsp-one-object": {
      checkSig([]);
      if (!endpoint) throw new UsageError(`hitachi-vsp-one-object needs --endpoint (the MAPI base, e.g. https://admin.example.com/mapi; or ${prefix}_ENDPOINT)`, command);
      let hitachi: ProfileEntry | undefined;
      const token = nonEmpty(entry.token) ?? (entry.username === undefined ? nonEmpty(env[`${prefix}_TOKEN`]) : undefined);
      if (token) hitachi = { token };
      else if (entry.username !== undefined || entry.password !== undefined || entry.tokenUrl !== undefined) {
        hitachi = { username: entry.username ?? "", password: entry.password ?? "", tokenUrl: entry.tokenUrl ?? "", ...(entry.clientId ? { clientId: entry.clientId } : {}) };
      }
      options = { provider, ...common, endpoint, ...(hitachi ? { credentials: hitachi as never } : {}) };
      break;
    }
  }
  return { options, entry };
}
