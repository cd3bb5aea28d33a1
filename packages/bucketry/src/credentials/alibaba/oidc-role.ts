// 2. OIDC role: STS AssumeRoleWithOIDC (unsigned; the OIDC token is the proof).
import { readSourceFile } from "../files.js";
import { send } from "../request.js";
import { CredentialSourceError, notConfigured, setting, sourceFailed, stoppingFailure, type CredentialProvider } from "../types.js";
import { ALIBABA_ENV, context, type AlibabaSourceOptions } from "./context.js";
import { DEFAULT_DURATION_SECONDS, STS_TIMEOUT_MS, STS_VERSION, usableStsEndpoint, form, isoSeconds, stsCredentials } from "./sts.js";

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
      // Role, provider and token file are all set: RRSA is meant. A token file that cannot be read or is empty
      // stops the chain (the official library moves on, to the node's RAM role on ACK: another identity).
      const fromProfile = options.oidcTokenFile !== undefined;
      const named = fromProfile ? `named by the profile or ${ALIBABA_ENV.oidcTokenFile}` : `named by ${ALIBABA_ENV.oidcTokenFile}`;
      const undo = fromProfile ? "fix the profile" : `unset ${ALIBABA_ENV.roleArn}, ${ALIBABA_ENV.oidcProviderArn} and ${ALIBABA_ENV.oidcTokenFile}`;
      const fix = `put the OIDC token there (on ACK: enable RRSA for the pod's service account) or ${undo}; the chain stops here rather than sign as another identity`;
      let token: string;
      try {
        token = (await readSourceFile(ctx.io, name, tokenFile!, "OIDC token file")).trim();
      } catch (err) {
        if (err instanceof CredentialSourceError && ctx.io.available) throw stoppingFailure(name, `${err.message} (${named}, with the role and OIDC provider set): ${fix}`);
        throw err;
      }
      if (!token) throw stoppingFailure(name, `OIDC token file ${tokenFile} (${named}) is empty: ${fix}`);
      const base = usableStsEndpoint(name, options, ctx.env);
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
