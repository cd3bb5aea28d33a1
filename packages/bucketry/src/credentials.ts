// Where each provider's credentials come from when the caller passes none: the vendor's default chain
// (src/credentials/: environment, profile files, roles, instance metadata — on Node; the environment
// elsewhere), as each provider module names it (its variables, its chain, its expired-credentials codes). Complete keys in the environment are used as they are and checked at once; otherwise the
// chain runs before the first request, and a chain that finds nothing is a Configuration error listing
// every source it tried (InvalidCredentials when a configured source failed).
import type { BucketryError } from "./errors.js";
import type { Provider } from "./model.js";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import type { HitachiCredentials } from "@bucketry/signing/hitachi-session";
// The chain and token-file sources are Node-only (undefined elsewhere), so browser bundles leave them out.
import { chainedAccessKeys, tokenFileCredentials } from "#credential-defaults";
import { assertAccessKeyCredentials, assertToken, credentialsError, isHeaderSafe, missing } from "./credentials/checks.js";
import type { AccessKeyFacts, EnvNames, RememberSecrets } from "./credentials/facts.js";

export { assertAccessKeyCredentials, assertToken, credentialsError, isHeaderSafe };
export type { AccessKeyFacts, EnvNames, RememberSecrets };

type Env = Record<string, string | undefined>;

const defaultEnv = (): Env => (typeof process !== "undefined" && process.env ? process.env : {});

/** Access-key credentials from the provider's environment variables. */
export function accessKeyFromEnv(provider: Provider, names: EnvNames, env: Env = defaultEnv()): AccessKeyCredentials {
  const id = env[names.accessKeyId!]?.trim();
  const secret = env[names.accessKeySecret!]?.trim();
  const unset = [!id && names.accessKeyId, !secret && names.accessKeySecret].filter(Boolean);
  if (unset.length) {
    throw missing(provider, `no credentials: pass \`credentials: { accessKeyId, accessKeySecret }\` or set ${unset.join(" and ")}`);
  }
  const token = names.securityToken ? env[names.securityToken]?.trim() : undefined;
  return token ? { accessKeyId: id!, accessKeySecret: secret!, securityToken: token } : { accessKeyId: id!, accessKeySecret: secret! };
}


/** What a client lends its credential source: its clock, and a slot for the expired-credentials hook. */
export interface CredentialHost {
  clock: { now: () => number };
  /** Set when the credentials can be refreshed: true = dropped them, retry the call once. */
  refreshCredentials?: ((error: BucketryError, attemptStartedAt: number) => boolean) | undefined;
}

/**
 * The access-key source for a client: the option (validated now, or per call for a function); else complete
 * keys in the vendor's environment variables (checked now); else the vendor's default chain, cached and
 * refreshed ahead of expiry (see credentials/refreshing-cache.ts), one refresh in flight per client.
 */
export function accessKeySource(provider: Provider, facts: AccessKeyFacts, option: CredentialSource | undefined, env?: Env, remember?: RememberSecrets, host?: CredentialHost): CredentialSource {
  if (option === undefined) {
    const e = env ?? defaultEnv();
    const names = facts.env;
    // Complete keys in the environment are used as they are; otherwise the vendor's default chain (on Node).
    const complete = e[names.accessKeyId!]?.trim() && e[names.accessKeySecret!]?.trim();
    const chained = complete || chainedAccessKeys === undefined ? undefined : chainedAccessKeys(provider, facts, e, remember, host?.clock.now);
    if (chained !== undefined) {
      const expiredCodes = facts.expiredCodes;
      if (host) host.refreshCredentials = (error, since) => error.code !== undefined && expiredCodes.includes(error.code) && chained.invalidate(since);
      return chained.source;
    }
    const c = accessKeyFromEnv(provider, names, e);
    assertAccessKeyCredentials(provider, c);
    remember?.(c.accessKeySecret, c.securityToken);
    return c;
  }
  if (typeof option === "function") {
    return async () => {
      const value = await option();
      assertAccessKeyCredentials(provider, value);
      remember?.(value.accessKeySecret, value.securityToken);
      return value;
    };
  }
  assertAccessKeyCredentials(provider, option);
  remember?.(option.accessKeySecret, option.securityToken);
  return option;
}

/** Hitachi credentials from options or env (`names`): a token, or username/password/tokenUrl for the password grant. */
export function hitachiCredentials(names: EnvNames, option: HitachiCredentials | undefined, env: Env = defaultEnv(), remember?: RememberSecrets): HitachiCredentials {
  const provider = "hitachi-vsp-one-object";
  if (option !== undefined) {
    if (typeof option === "function") {
      return async () => {
        const value = await option();
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
  const token = env[names.token!]?.trim();
  if (token) {
    remember?.(token);
    assertToken(provider, token, names.token!);
    return { token };
  }
  const tokenFile = env[names.tokenFile!]?.trim();
  if (tokenFile && tokenFileCredentials !== undefined) return tokenFileCredentials(names, tokenFile, env, remember);
  const username = env[names.username!]?.trim();
  const password = env[names.password!];
  const tokenUrl = env[names.tokenUrl!]?.trim();
  if (username && password && tokenUrl) {
    remember?.(password);
    const clientId = env[names.clientId!]?.trim();
    return clientId ? { username, password, tokenUrl, clientId } : { username, password, tokenUrl };
  }
  throw missing(
    provider,
    `no credentials: pass \`credentials: { token }\` (or { username, password, tokenUrl }) or set ${names.token} (or ${names.tokenFile}, or ${names.username}, ${names.password} and ${names.tokenUrl})`,
  );
}

// ---------------------------------------------------------------------------------------------------
// `bucketry whoami`: which source supplies a client's credentials — never a secret.

export interface CredentialsDescription {
  provider: Provider;
  /** Where they came from: "options", "environment", "cli-profile default (RamRoleArn)", "ecs-ram-role", "token-file …". */
  source: string;
  /** The access key id (or bearer token) masked to its last 4 characters. */
  id?: string | undefined;
  /** ISO 8601 expiry of temporary credentials. */
  expiration?: string | undefined;
  /** Huawei: the project id the client uses (given, from the source, or looked up from IAM). */
  projectId?: string | undefined;
}

/** "****abcd": the last 4 characters only (nothing of a value of 8 characters or fewer). */
export function maskId(value: string): string {
  return value.length > 8 ? `****${value.slice(-4)}` : "****";
}

/** Access keys as a chain source reports them (where from, until when, what else the source knows). */
export type DescribedKeys = AccessKeyCredentials & { source?: string | undefined; expiration?: number | undefined; projectId?: string | undefined; iamEndpoint?: string | undefined };

/**
 * Resolves the access keys a client given `option` would use and says where they came from; `keys` are the
 * keys themselves (for a module that reads more from them, e.g. Huawei's project id), absent for a token.
 */
export async function describeAccessKeys(provider: Provider, facts: AccessKeyFacts, option: unknown, env: Env = defaultEnv()): Promise<{ description: CredentialsDescription; keys?: DescribedKeys }> {
  if (option !== undefined && typeof option === "object" && option !== null && "token" in option) {
    return { description: { provider, source: "options (IAM token)", id: maskId(String((option as { token: unknown }).token)) } };
  }
  const names = facts.env;
  let from: string;
  let value: DescribedKeys;
  const chain = option === undefined && !(env[names.accessKeyId!]?.trim() && env[names.accessKeySecret!]?.trim()) ? facts.chain?.({ env }) : undefined;
  if (chain !== undefined) {
    try {
      value = await chain.chain.resolve();
    } catch (err) {
      throw credentialsError(provider, err);
    }
    from = value.source ?? chain.chain.name;
  } else {
    const source = accessKeySource(provider, facts, option as CredentialSource | undefined, env);
    value = typeof source === "function" ? await source() : source;
    from = option === undefined ? "environment" : typeof option === "function" ? "options (function)" : "options";
  }
  const description: CredentialsDescription = { provider, source: from, id: maskId(value.accessKeyId) };
  if (value.expiration !== undefined) description.expiration = new Date(value.expiration).toISOString();
  return { description, keys: value };
}

/** Resolves the Hitachi credentials a client given `option` would use and says where they came from. */
export async function describeHitachiCredentials(names: EnvNames, option: unknown, env: Env = defaultEnv()): Promise<CredentialsDescription> {
  const provider = "hitachi-vsp-one-object";
  const source: HitachiCredentials = hitachiCredentials(names, option as HitachiCredentials | undefined, env);
  if (typeof source === "function") {
    const from = option !== undefined ? "options (function)" : `token-file ${env[names.tokenFile!]?.trim() ?? ""}`;
    const value = (await source()) as { token?: string };
    return { provider, source: from, ...(typeof value.token === "string" ? { id: maskId(value.token) } : {}) };
  }
  if ("token" in source) return { provider, source: option !== undefined ? "options" : `environment (${names.token})`, id: maskId(source.token) };
  return { provider, source: `password grant (${option !== undefined ? "options" : "environment"})` };
}
