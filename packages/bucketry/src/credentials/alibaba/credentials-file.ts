// 4. the credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE or ~/.alibabacloud/credentials, ini): types access_key,
// sts, ram_role_arn, ecs_ram_role, oidc_role_arn.
import { hideSecrets } from "@bucketry/signing";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { parseIni, readSourceFile } from "../files.js";
import { CredentialSourceError, notConfigured, setting, sourceFailed, type CredentialProvider } from "../types.js";
import { ALIBABA_ENV, asWritten, context, staticSource, type Ctx, type ProfileOptions } from "./context.js";
import { fromEcsRamRole } from "./ecs-ram-role.js";
import { fromOidcRole } from "./oidc-role.js";
import { fromRamRoleArn } from "./ram-role-arn.js";

/** Alibaba's ini credentials file. Reads the file once; role types are kept and refreshed. */
export function fromAlibabaCredentialsFile(options: ProfileOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = "credentials-file";
  let inner: CredentialProvider | undefined;
  return {
    name,
    async resolve() {
      if (inner === undefined) {
        const named = asWritten(ctx.env, ALIBABA_ENV.credentialsFile);
        let path = named;
        if (!path) {
          const home = ctx.home();
          if (!home && ctx.io.available) throw notConfigured(name, "no home directory");
          path = ctx.io.join(home, ".alibabacloud", "credentials");
        }
        let text: string;
        try {
          text = await readSourceFile(ctx.io, name, path, "credentials file");
        } catch (err) {
          // A file the environment names explicitly is configured: its absence is a failure, not "nothing here".
          if (named && err instanceof CredentialSourceError && !err.configured) throw sourceFailed(name, `${ALIBABA_ENV.credentialsFile} names ${path.trim() === path ? path : JSON.stringify(path)}, which cannot be read (${err.message})`);
          throw err;
        }
        const ini = parseIni(text, { npmIni: true }); // @alicloud/credentials reads it with npm `ini`
        const namedProfile = options.profile ?? asWritten(ctx.env, ALIBABA_ENV.profile);
        const profile = namedProfile ?? "default";
        const section = ini[profile];
        if (!section?.type) throw (namedProfile ? sourceFailed : notConfigured)(name, `${path} has no [${profile}] section with a type`);
        inner = iniSource(ctx, path, profile, section);
      }
      const c = await inner.resolve();
      return hideSecrets({ ...c, source: `${name} ${inner.name}` });
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
  // A role key the section leaves out falls back to its environment variable, as the official library's
  // providers do; with neither, the error names both and the section counts as configured (it failed).
  const required = (key: string, envName: string): string => {
    const value = s[key] || setting(ctx.env, envName);
    if (!value) throw sourceFailed(name, `[${profile}] in ${path} (${type}) has no ${key} (and ${envName} is not set)`);
    return value;
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
      return fromRamRoleArn({ ...ctx.options, name: label, credentials: needKeys(), roleArn: required("role_arn", ALIBABA_ENV.roleArn), roleSessionName: s.role_session_name || undefined, policy: s.policy || undefined });
    case "ecs_ram_role":
      return fromEcsRamRole({ ...ctx.options, name: label, roleName: s.role_name || undefined });
    case "oidc_role_arn":
      return fromOidcRole({
        ...ctx.options,
        name: label,
        roleArn: required("role_arn", ALIBABA_ENV.roleArn),
        oidcProviderArn: required("oidc_provider_arn", ALIBABA_ENV.oidcProviderArn),
        oidcTokenFile: required("oidc_token_file_path", ALIBABA_ENV.oidcTokenFile),
        roleSessionName: s.role_session_name || undefined,
      });
    default:
      throw sourceFailed(name, `[${profile}] in ${path} has type "${type}"; supported: access_key, sts, ram_role_arn, ecs_ram_role, oidc_role_arn`);
  }
}
