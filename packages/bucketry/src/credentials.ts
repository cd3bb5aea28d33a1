// Where each provider's credentials come from when the caller passes none: the vendor's default chain
// (src/credentials/: environment, profile files, roles, instance metadata — on Node; the environment
// elsewhere), as each provider module names it (its variables, its chain, its expired-credentials codes). Complete keys in the environment are used as they are and checked at once; otherwise the
// chain runs before the first request, and a chain that finds nothing is a Configuration error listing
// every source it tried (InvalidCredentials when a configured source failed).
import { hideSecrets } from "@bucketry/signing";
import type { BucketryError } from "./errors.js";
import type { Provider } from "./model.js";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
// The chain and token-file sources are Node-only (undefined elsewhere), so browser bundles leave them out.
import { chainedAccessKeys } from "#credential-defaults";
import { hasProcessEnv, optionalSetting, processEnv, type Env } from "./credentials/env.js";
import { permissionDenial } from "./credentials/io.js";
import { assertAccessKeyCredentials, assertToken, credentialsError, credentialsFunctionFailed, isHeaderSafe, missing, trimmedKeys } from "./credentials/checks.js";
import type { AccessKeyFacts, EnvNames, RememberSecrets } from "./credentials/facts.js";

export { assertAccessKeyCredentials, assertToken, credentialsError, isHeaderSafe, trimmedKeys };
export type { AccessKeyFacts, EnvNames, RememberSecrets };

export type { Env };

/** The process environment where there is one (Node, Deno, Bun), else nothing. */
export const defaultEnv = processEnv;

/**
 * " or set VARS" where there is a process environment to set them in; elsewhere (a browser, a Worker without
 * nodejs_compat) the variables cannot work, so the message says where the keys come from instead.
 */
export const orSet = (vars: string): string =>
  hasProcessEnv() ? ` or set ${vars}` : " (no process environment here: pass them, e.g. from a Worker's env)";

/** Access-key credentials from the provider's environment variables (with the IAM endpoint, where the vendor reads one). */
export function accessKeyFromEnv(provider: Provider, names: EnvNames, env: Env = defaultEnv()): AccessKeyCredentials & { iamEndpoint?: string } {
  const id = env[names.accessKeyId!]?.trim();
  const secret = env[names.accessKeySecret!]?.trim();
  const unset = [!id && names.accessKeyId, !secret && names.accessKeySecret].filter(Boolean);
  if (unset.length) {
    throw missing(provider, `no credentials: pass \`credentials: { accessKeyId, accessKeySecret }\`${orSet(unset.join(" and "))}`);
  }
  const token = names.securityToken ? optionalSetting(env, names.securityToken) : undefined;
  const iamEndpoint = names.iamEndpoint ? optionalSetting(env, names.iamEndpoint) : undefined;
  return hideSecrets({ accessKeyId: id!, accessKeySecret: secret!, ...(token ? { securityToken: token } : {}), ...(iamEndpoint ? { iamEndpoint } : {}) });
}


/** What a client lends its credential source: its clock, and a slot for the expired-credentials hook. */
export interface CredentialHost {
  clock: { now: () => number };
  /** Set when the credentials can be refreshed: true = dropped them, retry the call once. */
  refreshCredentials?: ((error: BucketryError, attemptStartedAt: number) => boolean) | undefined;
}

/**
 * Runs `read`, which reads the environment; a runtime's refusal (Deno without --allow-env) becomes a
 * Configuration error that says so, instead of the runtime's own error.
 */
export function readingEnv<T>(provider: Provider, read: () => T): T {
  try {
    return read();
  } catch (err) {
    const denied = permissionDenial(err);
    if (denied) throw missing(provider, `no credentials given, and the environment cannot be read: ${denied} (or pass \`credentials\`)`);
    throw err;
  }
}

/** No `credentials` option: complete keys in the environment, else the vendor's default chain (on Node). */
function accessKeysFromEnvOrChain(provider: Provider, facts: AccessKeyFacts, env?: Env, remember?: RememberSecrets, host?: CredentialHost): CredentialSource {
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
  return checkedKeys(provider, accessKeyFromEnv(provider, names, e), remember);
}

/** `value` once it is well-formed access keys (else a Configuration error), its secrets remembered for redaction. */
function checkedKeys(provider: Provider, value: unknown, remember: RememberSecrets | undefined): AccessKeyCredentials {
  assertAccessKeyCredentials(provider, value);
  remember?.(value.accessKeySecret, value.securityToken);
  return value;
}

/**
 * The access-key source for a client: the option (validated now, or per call for a function); else complete
 * keys in the vendor's environment variables (checked now); else the vendor's default chain, cached and
 * refreshed ahead of expiry (see credentials/refreshing-cache.ts), one refresh in flight per client.
 */
export function accessKeySource(provider: Provider, facts: AccessKeyFacts, option: CredentialSource | undefined, env?: Env, remember?: RememberSecrets, host?: CredentialHost): CredentialSource {
  if (option === undefined) return readingEnv(provider, () => accessKeysFromEnvOrChain(provider, facts, env, remember, host));
  if (typeof option === "function") {
    return async () => {
      let value: unknown;
      try {
        value = await option();
      } catch (err) {
        throw credentialsFunctionFailed(provider, err);
      }
      return checkedKeys(provider, value, remember);
    };
  }
  return checkedKeys(provider, option, remember);
}

// ---------------------------------------------------------------------------------------------------
// `bucketry whoami`: which source supplies a client's credentials — never a secret.

export interface CredentialsDescription {
  provider: Provider;
  /** Where they came from: "options", "environment", "cli-profile default (RamRoleArn)", "ecs-ram-role", "token-file …". */
  source: string;
  /**
   * The access key id masked to its last 4 characters; for a bearer token, its fingerprint (`tokenFingerprint`):
   * nothing of the token itself.
   */
  id?: string | undefined;
  /** ISO 8601 expiry of temporary credentials. */
  expiration?: string | undefined;
  /** Temporary credentials (with a security token): when `expiration` is absent, their source gave none. */
  temporary?: true | undefined;
  /** Huawei: the project id the client uses (given, from the source, or looked up from IAM). */
  projectId?: string | undefined;
}

/** "****abcd": the last 4 characters only (nothing of a value of 8 characters or fewer). */
export function maskId(value: string): string {
  return value.length > 8 ? `****${value.slice(-4)}` : "****";
}

/**
 * "sha256:1a2b3c4d": the first 8 hex digits of the token's SHA-256. It tells two tokens apart (is this the one I
 * expect?) without showing any character of the token: a token's tail, unlike an access key id's, is part of
 * the secret.
 */
export async function tokenFingerprint(token: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return `sha256:${Array.from(digest.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Access keys as a chain source reports them (where from, until when, what else the source knows). */
export type DescribedKeys = AccessKeyCredentials & { source?: string | undefined; expiration?: number | undefined; projectId?: string | undefined; iamEndpoint?: string | undefined };

/**
 * Resolves the access keys a client given `option` would use and says where they came from; `keys` are the
 * keys themselves (for a module that reads more from them, e.g. Huawei's project id), absent for a token.
 */
export async function describeAccessKeys(provider: Provider, facts: AccessKeyFacts, option: unknown, env: Env = defaultEnv()): Promise<{ description: CredentialsDescription; keys?: DescribedKeys }> {
  if (option !== undefined && typeof option === "object" && option !== null && "token" in option) {
    return { description: { provider, source: "options (IAM token)", id: await tokenFingerprint(String((option as { token: unknown }).token)) } };
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
  if (value.securityToken) description.temporary = true;
  return { description, keys: value };
}
