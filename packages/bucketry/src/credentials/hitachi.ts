// Hitachi VSP One Object's credentials for the facade: a bearer token, or username/password/tokenUrl for the
// password grant, from the options or the environment (a token file on Node), and how `bucketry whoami`
// describes them — never a secret.
import { hideSecrets } from "@bucketry/signing";
import type { HitachiCredentials } from "@bucketry/signing/hitachi-session";
// The token-file source is Node-only (undefined elsewhere), so browser bundles leave it out.
import { tokenFileCredentials } from "#credential-defaults";
import { defaultEnv, orSet, tokenFingerprint, readingEnv, type CredentialsDescription, type Env } from "../credentials.js";
import { assertToken, credentialsFunctionFailed, missing } from "./checks.js";
import { optionalSetting } from "./env.js";
import type { EnvNames, RememberSecrets } from "./facts.js";

/** Hitachi credentials from options or env (`names`): a token, or username/password/tokenUrl for the password grant. */
export function hitachiCredentials(names: EnvNames, option: HitachiCredentials | undefined, env: Env = defaultEnv(), remember?: RememberSecrets): HitachiCredentials {
  const provider = "hitachi-vsp-one-object";
  if (option !== undefined) {
    if (typeof option === "function") {
      return async (request) => {
        let value: Awaited<ReturnType<typeof option>>;
        try {
          value = await option(request);
        } catch (err) {
          throw credentialsFunctionFailed(provider, err);
        }
        const token = (value as { token?: unknown } | undefined)?.token;
        // A value the session cannot use is reported by the session (stage "credentials") without echoing it.
        if (typeof token === "string") {
          remember?.(token);
          if (token !== "") assertToken(provider, token, "the token the credentials function returned");
        }
        return value;
      };
    }
    if (!option || typeof option !== "object") throw missing(provider, "`credentials` must be { token }, { username, password, tokenUrl } or a function returning { token }");
    if ("token" in option) {
      remember?.(option.token);
      assertToken(provider, option.token);
      return option;
    }
    const o = option as Partial<Record<"username" | "password" | "tokenUrl" | "clientSecret", unknown>>;
    remember?.(o.password, o.clientSecret);
    for (const key of ["username", "password", "tokenUrl"] as const) {
      if (typeof o[key] !== "string" || (o[key] as string).trim() === "") throw missing(provider, `credentials.${key} is missing or empty (password grant needs username, password and tokenUrl)`);
    }
    return option;
  }
  return readingEnv(provider, () => hitachiFromEnv(names, env, remember));
}

/** No `credentials` option: a token, a token file or the password grant's settings from the environment. */
function hitachiFromEnv(names: EnvNames, env: Env, remember?: RememberSecrets): HitachiCredentials {
  const provider = "hitachi-vsp-one-object";
  const token = optionalSetting(env, names.token!);
  if (token) {
    remember?.(token);
    assertToken(provider, token, names.token!);
    return hideSecrets({ token });
  }
  const tokenFile = optionalSetting(env, names.tokenFile!);
  if (tokenFile && tokenFileCredentials !== undefined) return tokenFileCredentials(names, tokenFile, env, remember);
  const username = env[names.username!]?.trim();
  const password = env[names.password!];
  const tokenUrl = env[names.tokenUrl!]?.trim();
  if (username && password && tokenUrl) {
    // The grant's optional fields: HCP for cloud scale 2.x takes a realm and `scope=*`, a confidential client a secret.
    const clientId = optionalSetting(env, names.clientId!);
    const clientSecret = optionalSetting(env, names.clientSecret!);
    const realm = optionalSetting(env, names.realm!);
    const scope = optionalSetting(env, names.scope!);
    remember?.(password, clientSecret);
    return hideSecrets({ username, password, tokenUrl, ...(clientId && { clientId }), ...(clientSecret && { clientSecret }), ...(realm && { realm }), ...(scope && { scope }) });
  }
  throw missing(
    provider,
    `no credentials: pass \`credentials: { token }\` (or { username, password, tokenUrl })${orSet(`${names.token} (${tokenFileCredentials !== undefined ? `or ${names.tokenFile}, ` : ""}or ${names.username}, ${names.password} and ${names.tokenUrl})`)}`,
  );
}

/** Resolves the Hitachi credentials a client given `option` would use and says where they came from. */
export async function describeHitachiCredentials(names: EnvNames, option: unknown, env: Env = defaultEnv()): Promise<CredentialsDescription> {
  const provider = "hitachi-vsp-one-object";
  const source: HitachiCredentials = hitachiCredentials(names, option as HitachiCredentials | undefined, env);
  if (typeof source === "function") {
    const from = option !== undefined ? "options (function)" : `token-file ${env[names.tokenFile!]?.trim() ?? ""}`;
    const value = (await source({ refresh: false })) as { token?: string };
    return { provider, source: from, ...(typeof value.token === "string" ? { id: await tokenFingerprint(value.token) } : {}) };
  }
  if ("token" in source) return { provider, source: option !== undefined ? "options" : `environment (${names.token})`, id: await tokenFingerprint(source.token) };
  return { provider, source: `password grant (${option !== undefined ? "options" : "environment"})` };
}
