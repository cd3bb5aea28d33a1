// RAM role ARN: STS AssumeRole from source keys (the CLI's RamRoleArn / ChainableRamRoleArn profiles, the
// credentials file's ram_role_arn type).
import { signAcsRpcV1 } from "@bucketry/signing/acs-rpc-v1";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { send } from "../request.js";
import { notConfigured, setting, sourceFailed, type CredentialProvider } from "../types.js";
import { ALIBABA_ENV, context, type AlibabaSourceOptions } from "./context.js";
import { DEFAULT_DURATION_SECONDS, STS_TIMEOUT_MS, STS_VERSION, usableStsEndpoint, form, stsCredentials } from "./sts.js";

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
      const url = new URL(`${usableStsEndpoint(name, options, ctx.env)}/`);
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
