// Where each provider's credentials come from when the caller passes none: the environment variables
// the vendors' own SDKs and CLIs read (each provider module names its own). A missing or empty value is a
// Configuration error that names exactly what to set, raised before any request.
import { BucketryError } from "./errors.js";
import type { Provider } from "./model.js";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import type { HitachiCredentials } from "@bucketry/signing/hitachi-session";

/** The environment variables a provider reads (its module's `env`; `ENV` lists them all). */
export interface EnvNames {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  projectId?: string;
  token?: string;
  username?: string;
  password?: string;
  tokenUrl?: string;
  clientId?: string;
}

type Env = Record<string, string | undefined>;

const defaultEnv = (): Env => (typeof process !== "undefined" && process.env ? process.env : {});

function missing(provider: Provider, what: string): BucketryError {
  return new BucketryError({ provider, kind: "Configuration", message: `${provider}: ${what}` });
}

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

/**
 * Values sent in a header (key ids, security tokens, bearer tokens) must be visible ASCII: anything else
 * would make the transport throw an error that quotes the value. The check names the field, never the value.
 */
export function isHeaderSafe(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

const NOT_HEADER_SAFE = "contains a character that cannot be sent in an HTTP header (space, control character or non-ASCII): check for a stray newline or quote";

/** Checks credentials given as an object (functions are checked on each call, see `checkedSource`). */
export function assertAccessKeyCredentials(provider: Provider, value: unknown): asserts value is AccessKeyCredentials {
  const c = value as Partial<AccessKeyCredentials> | null;
  if (!c || typeof c !== "object") throw missing(provider, "`credentials` must be { accessKeyId, accessKeySecret, securityToken? } or a function returning it");
  if (typeof c.accessKeyId !== "string" || c.accessKeyId.trim() === "") throw missing(provider, "credentials.accessKeyId is missing or empty");
  if (typeof c.accessKeySecret !== "string" || c.accessKeySecret.trim() === "") throw missing(provider, "credentials.accessKeySecret is missing or empty");
  if (c.securityToken !== undefined && (typeof c.securityToken !== "string" || c.securityToken === "")) {
    throw missing(provider, "credentials.securityToken, when given, must be a non-empty string");
  }
  if (!isHeaderSafe(c.accessKeyId)) throw missing(provider, `credentials.accessKeyId ${NOT_HEADER_SAFE}`);
  if (!isHeaderSafe(c.accessKeySecret)) throw missing(provider, `credentials.accessKeySecret ${NOT_HEADER_SAFE}`);
  if (c.securityToken !== undefined && !isHeaderSafe(c.securityToken)) throw missing(provider, `credentials.securityToken ${NOT_HEADER_SAFE}`);
}

/** Checks a bearer/IAM token the same way (never echoing it). */
export function assertToken(provider: Provider, token: unknown, what = "credentials.token"): asserts token is string {
  if (typeof token !== "string" || token.trim() === "") throw missing(provider, `${what} is missing or empty`);
  if (!isHeaderSafe(token)) throw missing(provider, `${what} ${NOT_HEADER_SAFE}`);
}

/** Called with every credential value a client is given or obtains, so its errors can redact them. */
export type RememberSecrets = (...values: unknown[]) => void;

/** The access-key source for a client: the option (validated now, or per call for a function), else env (`names`). */
export function accessKeySource(provider: Provider, names: EnvNames, option: CredentialSource | undefined, env?: Env, remember?: RememberSecrets): CredentialSource {
  if (option === undefined) {
    const c = accessKeyFromEnv(provider, names, env);
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
    `no credentials: pass \`credentials: { token }\` (or { username, password, tokenUrl }) or set ${names.token} (or ${names.username}, ${names.password} and ${names.tokenUrl})`,
  );
}
