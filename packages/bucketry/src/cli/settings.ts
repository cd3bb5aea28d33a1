// From flags, the selected profile and the environment to `createBucketClient` options. Precedence: flag,
// then profile, then the CLI's BUCKETRY_<PROVIDER>_* variables, then (credentials only) the vendors' own
// variables, which the facade reads itself — so its "set X" messages name them. What is common to every
// provider is resolved here; the provider's module (`cli.options`) makes its options from that context.
import type { Provider } from "../model.js";
import type { CliContext } from "../provider.js";
import type { BucketClientOptions } from "../registry.js";
import type { RetryOptions } from "../retry.js";
import { hideSecrets, type AccessKeyCredentials } from "@bucketry/signing";
import { loadProfile, type ProfileEntry } from "./config.js";
import { BucketryError } from "../errors.js";
import { CliError, EXIT, UsageError } from "./exit.js";
import { CREDENTIAL_VARIABLES, envPrefix, moduleOf } from "./providers.js";

export interface ConnectionFlags {
  region?: string | undefined;
  endpoint?: string | undefined;
  profile?: string | undefined;
  signatureVersion?: string | undefined;
  timeout?: string | undefined;
  retries?: string | undefined;
  /** The provider's own flags (`--project-id`), by name without dashes. */
  own?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface Resolved {
  options: BucketClientOptions;
  entry: ProfileEntry;
  /** What the provider's module reads the CLI's settings from (its `callOptions` too). */
  context: CliContext;
  /**
   * Where the credentials the CLI passes as options come from (the profile, or BUCKETRY_<PROVIDER>_*
   * variables), for `whoami`; undefined when the library finds them itself.
   */
  credentialsFrom: string | undefined;
  /** Where the endpoint comes from when no --endpoint gave it (the profile, or BUCKETRY_<PROVIDER>_ENDPOINT). */
  endpointFrom?: string | undefined;
}

const nonEmpty = (v: string | undefined) => (v !== undefined && v.trim() !== "" ? v.trim() : undefined);

export function positiveInt(value: string | undefined, flag: string, command: string, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    // Past the largest safe integer, ">= 1" would read as satisfied: name the upper bound then.
    const range = max === Number.MAX_SAFE_INTEGER && !(/^\d+$/.test(value) && Number(value) > max) ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be an integer ${range}, got "${value}"`, command);
  }
  return Number(value);
}

/** Half a key pair, said with where each half is set (never its value). */
function halfAPair(has: string, lacks: string, hint: string): CliError {
  return new CliError(`${has} is set but ${lacks} is not: ${hint}`, EXIT.auth);
}

/**
 * `profile`: where the entry comes from ("profile work in ~/.config/bucketry/config.json"), for messages.
 * `readsKeys`: the provider's module lists BUCKETRY_<PROVIDER>_ACCESS_KEY_* among its variables (Hitachi, which
 * takes a token, does not: those variables are refused before this, see `unreadCredentialVariables`).
 */
function accessKeyFrom(entry: ProfileEntry, env: NodeJS.ProcessEnv, prefix: string, provider: Provider, profile: string | undefined, readsKeys: boolean): AccessKeyCredentials | undefined {
  if (entry.accessKeyId !== undefined || entry.accessKeySecret !== undefined) {
    const where = (key: string) => `"${key}" of the "${provider}" entry (${profile})`;
    const hasId = nonEmpty(entry.accessKeyId) !== undefined;
    const hasSecret = nonEmpty(entry.accessKeySecret) !== undefined;
    if (!hasId && !hasSecret) throw new CliError(`the "${provider}" entry (${profile}) has accessKeyId or accessKeySecret, but neither holds a value: give both, or leave both out`, EXIT.auth);
    if (!hasId) throw halfAPair(where("accessKeySecret"), where("accessKeyId"), "give both in the profile");
    if (!hasSecret) throw halfAPair(where("accessKeyId"), where("accessKeySecret"), "give both in the profile");
    const c = { accessKeyId: entry.accessKeyId!, accessKeySecret: entry.accessKeySecret! };
    return hideSecrets(entry.securityToken ? { ...c, securityToken: entry.securityToken } : c);
  }
  // A security token belongs to the key pair it was issued with: alone, it would be dropped while other keys
  // (the environment's) are used without it.
  if (nonEmpty(entry.securityToken) !== undefined) {
    throw new CliError(`"securityToken" of the "${provider}" entry (${profile}) is set without "accessKeyId" and "accessKeySecret": give the key pair it was issued with beside it`, EXIT.auth);
  }
  if (!readsKeys) return undefined;
  const id = nonEmpty(env[`${prefix}_ACCESS_KEY_ID`]);
  const secret = nonEmpty(env[`${prefix}_ACCESS_KEY_SECRET`]);
  if (id === undefined && secret === undefined) {
    if (nonEmpty(env[`${prefix}_SECURITY_TOKEN`]) !== undefined) {
      throw new CliError(`${prefix}_SECURITY_TOKEN is set without ${prefix}_ACCESS_KEY_ID and ${prefix}_ACCESS_KEY_SECRET: set the key pair it was issued with, or unset it`, EXIT.auth);
    }
    return undefined; // the facade reads the vendor's variables
  }
  const both = `set both, or neither to use the vendor's own variables`;
  if (id === undefined) throw halfAPair(`${prefix}_ACCESS_KEY_SECRET`, `${prefix}_ACCESS_KEY_ID`, both);
  if (secret === undefined) throw halfAPair(`${prefix}_ACCESS_KEY_ID`, `${prefix}_ACCESS_KEY_SECRET`, both);
  const token = nonEmpty(env[`${prefix}_SECURITY_TOKEN`]);
  return hideSecrets(token ? { accessKeyId: id, accessKeySecret: secret, securityToken: token } : { accessKeyId: id, accessKeySecret: secret });
}

/**
 * The CLI's credential variables set for `provider` that it does not read (a key pair or security token for
 * Hitachi, which takes a token; a token for an access-key provider): ignored, they would leave the command running
 * with other credentials (the vendor's variables) while the user believes theirs are used. Refused instead, naming
 * the ones it reads, as a profile entry's keys the provider does not use are (config.ts).
 */
function unreadCredentialVariables(provider: Provider, prefix: string, reads: readonly string[], env: NodeJS.ProcessEnv): CliError | undefined {
  const unread = CREDENTIAL_VARIABLES.filter((suffix) => !reads.includes(suffix) && nonEmpty(env[`${prefix}_${suffix}`]) !== undefined).map((suffix) => `${prefix}_${suffix}`);
  if (!unread.length) return undefined;
  const its = reads.filter((suffix) => CREDENTIAL_VARIABLES.includes(suffix)).map((suffix) => `${prefix}_${suffix}`);
  const one = unread.length === 1;
  return new CliError(
    `${unread.join(" and ")} ${one ? "is" : "are"} set, but ${provider} does not read ${one ? "it" : "them"}: unset ${one ? "it" : "them"}. ${provider} reads its credentials from ${its.length ? `${its.join(", ")} or ` : ""}the vendor's variables (\`bucketry providers\` lists them)`,
    EXIT.auth,
  );
}

/** --debug's notes, as client hooks: each retry, and a vendor value the table shows as "-" (dropped, not failed). */
export function debugHooks(debug: (line: string) => void): { onRetry: NonNullable<RetryOptions["onRetry"]>; onWarning: NonNullable<CliContext["common"]["onWarning"]> } {
  return {
    onRetry: ({ attempt, delayMs, error }) => debug(`attempt ${attempt} failed (${error.kind}${error.code ? ` ${error.code}` : ""}); retrying in ${delayMs} ms`),
    onWarning: (warning) => debug(`warning: ${warning.message}`),
  };
}

/**
 * `regionOptional`: a command that sends nothing a region changes (whoami: credentials are found the same way in
 * every region) takes none: the options then carry no region instead of the command failing for the lack of one.
 */
export function resolveClient(provider: Provider, flags: ConnectionFlags, env: NodeJS.ProcessEnv, command: string, debug?: (line: string) => void, regionOptional = false): Resolved {
  const profileName = nonEmpty(flags.profile) ?? nonEmpty(env.BUCKETRY_PROFILE);
  const loaded = profileName ? loadProfile(profileName, env, nonEmpty(flags.profile) ? `--profile ${profileName}` : `BUCKETRY_PROFILE=${profileName}`) : undefined;
  // A profile named on the command line that has nothing for this provider would quietly use other
  // credentials (the environment's): say so instead. (BUCKETRY_PROFILE may cover only some providers.)
  if (loaded && nonEmpty(flags.profile) && loaded.profile[provider] === undefined) {
    const has = Object.keys(loaded.profile);
    throw new CliError(`--profile ${profileName} has no "${provider}" entry in ${loaded.path}${has.length ? ` (it has: ${has.join(", ")})` : ""}`, EXIT.auth);
  }
  const entry: ProfileEntry = loaded?.profile[provider] ?? {};
  const prefix = envPrefix(provider);
  const endpoint = nonEmpty(flags.endpoint) ?? nonEmpty(entry.endpoint) ?? nonEmpty(env[`${prefix}_ENDPOINT`]);
  const region = nonEmpty(flags.region) ?? nonEmpty(entry.region) ?? nonEmpty(env[`${prefix}_REGION`]);
  const signatureVersion = nonEmpty(flags.signatureVersion) ?? nonEmpty(entry.signatureVersion);
  const profileWhere = loaded ? `profile ${profileName} in ${loaded.path}` : undefined;
  // Where the signature version came from, as the message should name it.
  const versionFrom = nonEmpty(flags.signatureVersion) !== undefined ? "--signature-version" : `"signatureVersion" of the "${provider}" entry (${profileWhere})`;
  const timeoutMs = positiveInt(flags.timeout, "--timeout", command, 0, 2_147_483_647); // what a timer holds
  const maxAttempts = positiveInt(flags.retries, "--retries", command, 1);

  const common: CliContext["common"] = {};
  if (endpoint) common.endpoint = endpoint;
  if (timeoutMs !== undefined) common.timeoutMs = timeoutMs;
  const retry: RetryOptions = {};
  if (maxAttempts !== undefined) retry.maxAttempts = maxAttempts;
  const hooks = debug ? debugHooks(debug) : undefined;
  if (hooks) retry.onRetry = hooks.onRetry;
  if (Object.keys(retry).length) common.retry = retry;
  if (hooks) common.onWarning = hooks.onWarning;

  const facts = moduleOf(provider).cli;
  const unread = unreadCredentialVariables(provider, prefix, facts.env, env);
  if (unread) throw unread;
  // A region the provider has no use for would be ignored without a word: a typo'd --provider, or a wrong guess.
  if (facts.region === undefined && region !== undefined) {
    const from = nonEmpty(flags.region) !== undefined ? "--region" : nonEmpty(entry.region) !== undefined ? `"region" in the "${provider}" entry (${profileWhere})` : `${prefix}_REGION`;
    throw new UsageError(`${provider} takes no region (${from}): its --endpoint says where it is`, command);
  }
  if (signatureVersion !== undefined && !facts.signatureVersions.includes(signatureVersion)) {
    throw new UsageError(
      facts.signatureVersions.length === 0
        ? `${versionFrom}: ${provider} has a single signature scheme; leave it out`
        : `${versionFrom} for ${provider} is one of ${facts.signatureVersions.join(", ")}, got "${signatureVersion}"`,
      command,
    );
  }
  const context: CliContext = {
    provider,
    prefix,
    common,
    endpoint,
    region,
    signatureVersion,
    accessKey: accessKeyFrom(entry, env, prefix, provider, profileWhere, facts.env.includes("ACCESS_KEY_ID")),
    flags: flags.own ?? {},
    entry,
    env,
    needRegion() {
      if (!region && regionOptional) return ""; // no region in the options (accessKeyCliOptions leaves an empty one out)
      if (!region) throw new UsageError(`${provider} needs --region (or ${prefix}_REGION, or "region" in the profile)`, command);
      return region;
    },
    usage(message): never {
      throw new UsageError(message, command);
    },
  };
  const fromProfile = [entry.accessKeyId, entry.accessKeySecret, entry.token, entry.username].some((v) => v !== undefined);
  // Only the credential variables this provider reads (its module's `cli.env`) can be where its credentials are from.
  const fromEnv = CREDENTIAL_VARIABLES.filter((name) => facts.env.includes(name) && name !== "SECURITY_TOKEN").find((name) => nonEmpty(env[`${prefix}_${name}`]) !== undefined);
  const credentialsFrom = fromProfile ? `profile ${profileName} (${loaded!.path})` : fromEnv ? `${prefix}_${fromEnv}` : undefined;
  // A refused endpoint the user did not type (a variable set long ago, a profile) is named by where it is set.
  const endpointFrom = !endpoint || nonEmpty(flags.endpoint) ? undefined : nonEmpty(entry.endpoint) ? `"endpoint" of the "${provider}" entry (${profileWhere})` : `${prefix}_ENDPOINT`;
  return { options: facts.options(context) as BucketClientOptions, entry, context, credentialsFrom, endpointFrom };
}

/** `make()` (a client made from resolved options); a Configuration error naming the endpoint also says where it was set. */
export function namingEndpointSource<T>(endpointFrom: string | undefined, make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (endpointFrom && err instanceof BucketryError && err.kind === "Configuration" && /\bendpoint\b/.test(err.message)) err.message += ` (endpoint from ${endpointFrom})`;
    throw err;
  }
}
