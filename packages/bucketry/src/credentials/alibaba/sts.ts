// STS as the OIDC-role and RAM-role sources call it: its endpoint, its form encoding and its answer.
import { hideSecrets } from "@bucketry/signing";
import { jsonBody, parseExpiration, str, withoutUserInfo } from "../request.js";
import { isTrue, setting, sourceFailed, statusTransient, type Env, type ResolvedCredentials } from "../types.js";
import { ALIBABA_ENV } from "./context.js";

export const STS_VERSION = "2015-04-01";
export const DEFAULT_DURATION_SECONDS = 3600;
// The libraries' timeout for STS and the credentials URI: 5 s connect + 10 s read.
export const STS_TIMEOUT_MS = 15_000;

/**
 * `alibabaStsEndpoint`, refusing (as `source`'s failure) one that is not a URL, naming the setting it comes
 * from: an sts_endpoint that is neither a URL nor a host name, or an STS region that cannot be a host's part.
 */
export function usableStsEndpoint(source: string, options: Parameters<typeof alibabaStsEndpoint>[0], env: Env): string {
  const endpoint = alibabaStsEndpoint(options, env);
  // User info has no place in an STS endpoint; with a "/" in its password, the text even parses, as a host named
  // like the user: the signed request would go there.
  if (options.stsEndpoint?.includes("@")) {
    throw sourceFailed(source, `the STS endpoint ${JSON.stringify(withoutUserInfo(options.stsEndpoint))} (a profile's sts_endpoint, or the stsEndpoint option) must not hold user info (user:password@)`);
  }
  if (URL.canParse(`${endpoint}/`)) return endpoint;
  const from = options.stsEndpoint
    ? `the STS endpoint ${JSON.stringify(withoutUserInfo(options.stsEndpoint))} (a profile's sts_endpoint, or the stsEndpoint option) is neither a URL nor a host name`
    : `the STS region ${JSON.stringify(options.stsRegion ?? setting(env, ALIBABA_ENV.stsRegion))} (${ALIBABA_ENV.stsRegion}, or the stsRegion option) is not a region id`;
  throw sourceFailed(source, from);
}

/** The STS base URL the libraries would use. */
export function alibabaStsEndpoint(options: { stsEndpoint?: string | undefined; stsRegion?: string | undefined; enableVpc?: boolean | undefined }, env: Env): string {
  if (options.stsEndpoint) return options.stsEndpoint.includes("://") ? options.stsEndpoint.replace(/\/+$/, "") : `https://${options.stsEndpoint}`;
  const region = options.stsRegion ?? setting(env, ALIBABA_ENV.stsRegion);
  const vpc = options.enableVpc ?? isTrue(env[ALIBABA_ENV.vpcEndpointEnabled]);
  if (!region) return "https://sts.aliyuncs.com";
  return vpc ? `https://sts-vpc.${region}.aliyuncs.com` : `https://sts.${region}.aliyuncs.com`;
}

export function stsCredentials(source: string, action: string, status: number, text: string): ResolvedCredentials {
  const body = jsonBody(text);
  if (status !== 200) {
    // Code and request id only: an STS message can quote the string to sign, which holds the source's token.
    const code = str(body?.Code);
    const requestId = str(body?.RequestId);
    throw sourceFailed(source, `STS ${action} refused (HTTP ${status}${code ? ` ${code}` : ""}${requestId ? `, request id ${requestId}` : ""})`, statusTransient(status));
  }
  const c = body?.Credentials as Record<string, unknown> | undefined;
  const accessKeyId = str(c?.AccessKeyId);
  const accessKeySecret = str(c?.AccessKeySecret);
  const securityToken = str(c?.SecurityToken);
  if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(source, `STS ${action} answered without Credentials.AccessKeyId, AccessKeySecret and SecurityToken`);
  const expiration = parseExpiration(c?.Expiration);
  return hideSecrets({ accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source });
}

export function form(params: Record<string, string | undefined>): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return out.join("&");
}

export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
