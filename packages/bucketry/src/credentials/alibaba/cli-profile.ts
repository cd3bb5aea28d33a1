// 3. aliyun CLI profiles (~/.aliyun/config.json): modes AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC.
import { hideSecrets } from "@bucketry/signing";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { parseJsonFile, readSourceFile } from "../files.js";
import { notConfigured, setting, sourceFailed, unsupportedSource, type CredentialProvider } from "../types.js";
import { ALIBABA_ENV, asWritten, context, staticSource, type Ctx, type ProfileOptions } from "./context.js";
import { fromEcsRamRole } from "./ecs-ram-role.js";
import { fromOidcRole } from "./oidc-role.js";
import { fromRamRoleArn } from "./ram-role-arn.js";

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
        // Exactly "true" in any case, untrimmed, as the official library tests it ("true\n" leaves the source on).
        if (ctx.env[ALIBABA_ENV.cliProfileDisabled]?.toLowerCase() === "true") throw notConfigured(name, `switched off by ${ALIBABA_ENV.cliProfileDisabled}=true`);
        const home = ctx.home();
        if (!home && ctx.io.available) throw notConfigured(name, "no home directory");
        const path = ctx.io.join(home, ".aliyun", "config.json");
        const conf = parseJsonFile(name, path, await readSourceFile(ctx.io, name, path, "aliyun CLI config")) as { current?: unknown; profiles?: unknown };
        // Entries that are not objects are skipped (a null left by a hand edit must not hide the others).
        const profiles = Array.isArray(conf?.profiles) ? (conf.profiles as unknown[]).filter((x): x is CliProfile => typeof x === "object" && x !== null) : [];
        if (profiles.length === 0) throw notConfigured(name, `no profiles in ${path}`);
        const profileName = options.profile ?? asWritten(ctx.env, ALIBABA_ENV.profile) ?? text(conf.current);
        if (!profileName) throw notConfigured(name, `${path} names no current profile and ${ALIBABA_ENV.profile} is not set`);
        inner = cliProfileSource(ctx, path, profiles, profileName, []);
      }
      const c = await inner.resolve();
      return hideSecrets({ ...c, source: `${name} ${inner.name}` });
    },
  };
}

/** `via`: the ChainableRamRoleArn profiles that led here through source_profile (a cycle is refused by name). */
function cliProfileSource(ctx: Ctx, path: string, profiles: CliProfile[], profileName: string, via: readonly string[]): CredentialProvider {
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
  // A role field the profile leaves out falls back to its environment variable, as the official library's
  // providers do; with neither, the error names both and the profile counts as configured (it failed).
  const required = (field: keyof CliProfile & string, envName: string): string => {
    const value = text(p[field]) ?? setting(ctx.env, envName);
    if (!value) throw sourceFailed(name, `profile "${profileName}" (${mode}) in ${path} has no ${field} (and ${envName} is not set)`);
    return value;
  };
  const duration = (...fields: (keyof CliProfile & string)[]): number | undefined => {
    const field = fields.find((f) => count(p[f]) !== undefined);
    const seconds = field === undefined ? undefined : count(p[field]);
    if (seconds !== undefined && seconds < 900) throw sourceFailed(name, `profile "${profileName}" (${mode}) in ${path}: ${field} must be at least 900 seconds`);
    return seconds;
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
        roleArn: required("ram_role_arn", ALIBABA_ENV.roleArn),
        roleSessionName: text(p.ram_session_name),
        durationSeconds: duration("expired_seconds"),
      });
    case "ChainableRamRoleArn": {
      const sourceProfile = text(p.source_profile);
      if (!sourceProfile) throw sourceFailed(name, `profile "${profileName}" (ChainableRamRoleArn) in ${path} has no source_profile`);
      const chain = [...via, profileName];
      if (chain.includes(sourceProfile)) {
        throw sourceFailed(name, `profiles in ${path} form a cycle through source_profile: ${[...chain.slice(chain.indexOf(sourceProfile)), sourceProfile].map((n) => `"${n}"`).join(" -> ")}; one of them must take its keys from another mode (AK, StsToken, EcsRamRole, …)`);
      }
      return fromRamRoleArn({
        ...stsOptions,
        name: label,
        credentials: cliProfileSource(ctx, path, profiles, sourceProfile, chain),
        roleArn: required("ram_role_arn", ALIBABA_ENV.roleArn),
        roleSessionName: text(p.ram_session_name),
        durationSeconds: duration("expired_seconds"),
      });
    }
    case "EcsRamRole":
      return fromEcsRamRole({ ...ctx.options, name: label, roleName: text(p.ram_role_name) });
    case "OIDC":
      return fromOidcRole({
        ...stsOptions,
        name: label,
        oidcTokenFile: required("oidc_token_file", ALIBABA_ENV.oidcTokenFile),
        oidcProviderArn: required("oidc_provider_arn", ALIBABA_ENV.oidcProviderArn),
        roleArn: required("ram_role_arn", ALIBABA_ENV.roleArn),
        roleSessionName: text(p.ram_session_name),
        // The Node library reads expired_seconds and then duration_seconds (the later wins); so do we.
        durationSeconds: duration("duration_seconds", "expired_seconds"),
      });
    case "CloudSSO":
    case "OAuth":
    case "External":
      // The official library signs in with these: moving on would use another source's identity instead.
      throw unsupportedSource(
        name,
        `profile "${profileName}" in ${path} has mode "${mode}", which Alibaba's library uses but bucketry does not support (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC), so the chain stops here: pass \`credentials\`, name another profile with ${ALIBABA_ENV.profile}, or set ${ALIBABA_ENV.cliProfileDisabled}=true`,
      );
    default:
      throw sourceFailed(name, `profile "${profileName}" has mode "${mode}", which bucketry does not support (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC)`);
  }
}
