// The contract of a provider module (src/providers/<id>.ts): everything bucketry knows about one provider —
// its options and client types, environment variables, error profile, page limits, adapter, CLI facts and docs
// labels. The root entry, the CLI, `ENV` and the docs portal read these facts from the generated list of modules
// (src/generated/providers.ts, written from redocly.yaml); a provider's own entry (`bucketry/<id>`) imports its
// module alone. Types, plus the two small helpers every module's entry function uses.
import type { AccessKeyCredentials } from "@bucketry/signing";
import type { CredentialsDescription, EnvNames } from "./credentials.js";
import { INSPECT, providerError, type BucketryError } from "./errors.js";
import { quoted } from "./providers/common.js";
import type { ErrorProfile } from "./http.js";
import type { Provider } from "./model.js";
import { COMMON_OPTION_KEYS, type BucketryWarning, type CommonOptions } from "./options.js";
import type { FieldTable } from "./providers/mapping.js";
import type { RetryOptions } from "./retry.js";

/** Page sizes a listing vendor accepts (`pageSize`, the CLI's `--limit`). */
export interface PageLimits {
  max: number;
  /** What the facade asks for when `pageSize` is left out. */
  default: number;
  /** The server applies `prefix` (else the facade filters the pages it receives, and a page may match nothing). */
  serverPrefix: boolean;
  /** The vendor's name for what continues a listing, for messages (`pageToken`). */
  cursorName: string;
}

/** What one profile of the CLI's config file may say about one provider (every field optional). */
export interface ProfileEntry {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** Hitachi bearer token, or a Huawei IAM token (X-Auth-Token). */
  token?: string;
  username?: string;
  password?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  realm?: string;
  scope?: string;
  region?: string;
  endpoint?: string;
  projectId?: string;
  userId?: number | string;
  signatureVersion?: string;
}

/** What the CLI turns into a provider's options: flags, then the profile, then BUCKETRY_<PROVIDER>_* variables. */
export interface CliContext {
  provider: Provider;
  /** `BUCKETRY_ALIYUN_OSS`: prefix of the CLI's own variables for this provider. */
  prefix: string;
  /** Options every provider takes, already resolved (endpoint, timeoutMs, retry). */
  common: { endpoint?: string; timeoutMs?: number; retry?: RetryOptions; onWarning?: (warning: BucketryWarning) => void };
  endpoint: string | undefined;
  region: string | undefined;
  signatureVersion: string | undefined;
  /** Access keys from the profile or BUCKETRY_<PROVIDER>_ACCESS_KEY_*; undefined: the facade reads the vendor's variables. */
  accessKey: AccessKeyCredentials | undefined;
  /** Values of this provider's own flags (`CliFacts.flags`), by flag name without dashes. */
  flags: Readonly<Record<string, string | undefined>>;
  entry: ProfileEntry;
  env: Readonly<Record<string, string | undefined>>;
  /** The region, or a usage error naming the flag, the variable and the profile key. */
  needRegion(): string;
  /** Ends the command with a usage error (exit 2). */
  usage(message: string): never;
}

/** What `bucketry mock` and `bucketry demo` know of a running mock server, for one provider. */
export interface MockFacts {
  /** The facade options that point a client at the mock. */
  options: Readonly<Record<string, unknown>> & { endpoint: string; region?: string; projectId?: string };
  /** The mock's test credentials for this provider. */
  credentials: AccessKeyCredentials | { token: string };
  /** The mock's data set (seeded buckets and users); a provider module reads the fields of its own vendor. */
  state: object;
}

/** One line of `bucketry mock`'s output: the vendor's own variable when it has one, else the CLI's. */
export interface MockEnvLine {
  /** The vendor's variable (used unless another provider already set it to a different value). */
  vendor?: string | undefined;
  /** The CLI's variable for it: BUCKETRY_<PROVIDER>_ and this suffix (`ACCESS_KEY_ID`). */
  cli: string;
  value: string;
}

/** Everything the `bucketry` command needs to know about a provider. */
export interface CliFacts<O> {
  /** Short name in help lines (`OSS`). */
  label: string;
  /** `--region` in the help: an example, `optional`, or undefined when the provider takes no region. */
  region?: string | undefined;
  /** Accepted `--signature-version` values, default first (none: the flag is refused). */
  signatureVersions: readonly string[];
  /** Set when the provider signs no request, saying how it authenticates instead (`bucketry sign` refuses it). */
  signsNoRequest?: string | undefined;
  /**
   * For a request the client sends before the operation's own (which `bucketry sign`, sending nothing, cannot
   * answer): a usage message saying what to pass instead; undefined for the operation's request.
   */
  signRefuses?(request: Request): string | undefined;
  /** Flags the command needs for this provider (shown by `bucketry providers`). */
  required: readonly string[];
  /**
   * The provider's own flags, by name without dashes (`project-id`): read into the context's `flags`. `call`:
   * an option of the operation (a listing's user), not of the client (`bucketry whoami` takes the others).
   */
  flags?: Readonly<Record<string, { placeholder: string; help: string; call?: boolean | undefined }>> | undefined;
  /** The CLI's variables for this provider beyond _ENDPOINT and _REGION (suffixes: `PROJECT_ID`). */
  env: readonly string[];
  /** Help examples of the provider's command, whole lines as typed. */
  examples: readonly string[];
  /** The provider's entry in the config-file example of `bucketry --help`. */
  profileExample: Readonly<Record<string, string | number>>;
  /** Profile keys beyond the common ones, as the help describes them (`Huawei "token" (IAM X-Auth-Token)`). */
  profileKeys?: string | undefined;
  /**
   * The profile-entry keys this provider reads besides `endpoint`, `region` and `signatureVersion` (which the
   * CLI checks itself): any other key in its entry is refused, not ignored while other credentials are used.
   */
  profileFields: readonly (keyof ProfileEntry)[];
  /** The client options (`createBucketClient`). */
  options(ctx: CliContext): O;
  /** Options every call of the command needs (a listing's `userId`). */
  callOptions?(ctx: CliContext): Record<string, unknown>;
  /** The variables that point the CLI at a mock (beyond _ENDPOINT and _REGION, which every provider gets). */
  mockEnv(mock: MockFacts): MockEnvLine[];
  /** The vendor's default credential chain, in the order it is tried (`bucketry providers` lists it). */
  credentialChain: readonly string[];
  /** `bucketry whoami`: where the credentials of a client with these options come from (never a secret). */
  describeCredentials(options: O, env: Readonly<Record<string, string | undefined>>): Promise<CredentialsDescription>;
  /** A note for the last line of `bucketry mock`'s output (`Hitachi users: 0, 1, 2`). */
  mockNote?(mock: MockFacts): string | undefined;
  /** Options `bucketry demo` passes to the provider's operation against the mock. */
  mockCallOptions?(mock: MockFacts): Record<string, unknown>;
}

/** What the docs portal shows for a provider (scripts/build-site.mjs). */
export interface DocsFacts {
  /** The vendor record the normalized model is read from (`BucketInfo`). */
  record: string;
  /** The adapter's own mapping table (the code that normalizes responses reads it too). */
  fields: FieldTable;
  /** The docs' words for fields whose converter is the adapter's own and says nothing itself (by normalized field). */
  fieldWords?: Readonly<Record<string, string>> | undefined;
  /** Pagination of each paged operation, by operationId; any other operation answers in one response. */
  pagination?: Readonly<Record<string, string>> | undefined;
  /**
   * The facade sample for this provider: the options of `createBucketClient` (without `provider`) and the
   * argument of its operation (a listing's options, or the bucket of `getBucketAcl`). `npm run size` bundles it
   * from the provider's own entry.
   */
  sample: { options: Readonly<Record<string, unknown>>; argument?: unknown };
}

/**
 * One provider: its facts and its adapter. `O` is its options type (`provider: P` included), `C` its client.
 * The module object is read by the registry consumers only; a provider's entry function uses `create` alone,
 * so the CLI and docs facts are not in a bundle that imports `bucketry/<id>`.
 */
export interface ProviderModule<P extends Provider = Provider, O extends { provider: P } = { provider: P }, C = unknown> {
  id: P;
  /** The vendor and product (`Alibaba Cloud OSS`). */
  vendor: string;
  /** The facade operation its client has. */
  operation: "listBuckets" | "getBucketAcl";
  /** The vendor operations the facade calls. */
  operations: readonly string[];
  /** Auth schemes, default first. */
  auth: readonly string[];
  /** Options the types require besides `provider`. */
  requiredOptions: readonly string[];
  /** The vendor's environment variables the facade reads when no credentials are passed. */
  env: EnvNames;
  errors: ErrorProfile;
  /** Listing providers that page: what `pageSize` may be. */
  pageLimits?: PageLimits | undefined;
  create(options: O): C;
  cli: CliFacts<O>;
  docs: DocsFacts;
}

/** `BUCKETRY_ALIYUN_OSS`: prefix of the CLI's own variables for a provider (`_ENDPOINT`, `_REGION`, …). */
export function envPrefix(provider: Provider): string {
  return `BUCKETRY_${provider.toUpperCase().replace(/-/g, "_")}`;
}

/** The first value that is a non-blank string, trimmed (flag, profile, variable precedence). */
export function firstNonBlank(...values: Array<string | undefined>): string | undefined {
  for (const v of values) if (v !== undefined && v.trim() !== "") return v.trim();
  return undefined;
}

/** The CLI's options for a provider that signs with access keys: common options, keys, region, signature version. */
export function accessKeyCliOptions<P extends Provider>(ctx: CliContext & { provider: P }, region: "required" | "optional") {
  const where = ctx.region ?? (region === "required" ? ctx.needRegion() : undefined);
  return {
    provider: ctx.provider,
    ...ctx.common,
    ...(ctx.accessKey ? { credentials: ctx.accessKey } : {}),
    ...(where ? { region: where } : {}),
    ...(ctx.signatureVersion ? { signatureVersion: ctx.signatureVersion } : {}),
  };
}

/** `bucketry mock`'s variables for an access-key provider: the mock's keys under the vendor's variable names. */
export function accessKeyMockEnv(names: EnvNames, mock: MockFacts): MockEnvLine[] {
  const keys = mock.credentials as AccessKeyCredentials;
  return [
    { vendor: names.accessKeyId, cli: "ACCESS_KEY_ID", value: keys.accessKeyId },
    { vendor: names.accessKeySecret, cli: "ACCESS_KEY_SECRET", value: keys.accessKeySecret },
  ];
}

/**
 * Options of a provider's own entry (`bucketry/<id>`): the same as the root entry's, `provider` optional
 * (distributed over a union of option forms, so each form keeps what it requires).
 */
export type EntryOptions<O extends { provider: string }> = O extends unknown ? Omit<O, "provider"> & { provider?: O["provider"] | undefined } : never;

/** Clients hold credentials in closures only; inspecting or serializing one shows just the provider. */
export function withSafeInspect<T extends { provider: string }>(client: T): T {
  const summary = () => ({ provider: client.provider });
  Object.defineProperty(client, "toJSON", { value: summary, enumerable: false });
  Object.defineProperty(client, INSPECT, { value: () => `BucketClient ${JSON.stringify(summary())}`, enumerable: false });
  return client;
}

/** The keys of a provider's options besides `provider` and the common ones (over every form of a union). */
export type OwnOptionKey<O> = O extends unknown ? Exclude<keyof O, "provider" | keyof CommonOptions> & string : never;

/** `K` when it lists every own option key of `O`; else a type no list fits, naming the keys it lacks. */
export type EveryOwnOptionKey<O, K extends readonly string[]> = [Exclude<OwnOptionKey<O>, K[number]>] extends [never] ? K : { "option keys missing from the list": Exclude<OwnOptionKey<O>, K[number]> };

/**
 * An option the provider does not take, as a Configuration error naming the closest one it does — else undefined.
 * TypeScript catches a typo in an object literal only: options built first, read from JSON or passed from
 * JavaScript reached the provider, which read the keys it knows and ignored `endPoint` (the signed request then
 * went to the vendor's public host), `regoin` or `retires`.
 */
function unknownOption(id: Provider, options: object, ownKeys: readonly string[], known: readonly string[]): BucketryError | undefined {
  // Inherited keys too (options made with Object.create(defaults)): the provider reads them like its own. An
  // inherited method (a prototype written the ES5 way) is the object's behaviour, not an option.
  for (const key in options) {
    if (key === "provider" || known.includes(key)) continue;
    if (!Object.hasOwn(options, key) && typeof (options as Record<string, unknown>)[key] === "function") continue;
    // The closest known key, when it is close for the key's length (a hint, not a guess at any cost).
    const lower = key.toLowerCase();
    let near: string | undefined;
    let best = Math.min(3, Math.floor(key.length / 2));
    for (const k of known) {
      const d = editDistance(k.toLowerCase(), lower);
      if (d <= best && (near === undefined || d < best)) [near, best] = [k, d];
    }
    return providerError(
      id,
      "Configuration",
      `unknown option ${JSON.stringify(key.slice(0, 40))}${near ? ` (did you mean ${near}?)` : ""}; ${id} takes ${ownKeys.length ? `${ownKeys.join(", ")} and ` : ""}the common options (${COMMON_OPTION_KEYS.join(", ")})`,
    );
  }
  return undefined;
}

/** Levenshtein distance (short names only: options here, the CLI's flags). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * A provider's `createBucketClient` for its own entry: the root entry's checks and inspection guard, with
 * `provider` optional (when given, it must be this one). `ownKeys`: every option the provider takes besides the
 * common ones (the compiler checks the list is whole); any other key is refused.
 */
export function entryFunction<P extends Provider, O extends { provider: P }, C extends { provider: P }, const K extends readonly OwnOptionKey<O>[]>(
  id: P,
  create: (options: O) => C,
  ownKeys: K & EveryOwnOptionKey<O, K>,
): (options: EntryOptions<O>) => C {
  // Every key the provider reads: the unknown-option check and the provider-less copy share it.
  const known: readonly string[] = [...ownKeys, ...COMMON_OPTION_KEYS];
  return (options) => {
    if (!options || typeof options !== "object") {
      throw providerError(id, "Configuration", "createBucketClient needs an options object");
    }
    const given = (options as { provider?: unknown }).provider;
    if (given !== undefined && given !== id) {
      throw providerError(id, "Configuration", `this entry creates ${id} clients only, got provider ${quoted(given)}`);
    }
    const unknown = unknownOption(id, options, ownKeys, known);
    if (unknown) throw unknown;
    // Without `provider`, the options the provider takes are read into a plain object that adds it: a spread
    // (`{ ...options }`) kept only own enumerable keys, and dropped an endpoint inherited from a defaults object
    // or a class getter. Each is read on `options` itself, so a getter runs on its own object (a class's private
    // field), and what the provider gets is a plain object of own keys.
    let withProvider: object = options;
    if (given === undefined) {
      const copy: Record<string, unknown> = { provider: id };
      for (const key of known) if (key in options) copy[key] = (options as Record<string, unknown>)[key];
      withProvider = copy;
    }
    return withSafeInspect(create(withProvider as unknown as O));
  };
}

/**
 * The flags for how a bucket is addressed (the same names as the client options); `defaults` says the provider's
 * rule. Call it marked `/* @__PURE__ *\/`: a bundler then drops the provider module's CLI facts from
 * applications that never read them (unmarked, the call kept them in every provider entry's bundle).
 */
export const addressingCliFlags = (defaults: string) =>
  ({
    addressing: { placeholder: "STYLE", help: `virtual-hosted or path (default: ${defaults})` },
    cname: { placeholder: "true|false", help: "true: --endpoint is the bucket's own domain (GET /?acl on it)" },
  }) as const;

/**
 * A provider flag's value, else its BUCKETRY_<PROVIDER>_<SUFFIX> variable's (non-blank, trimmed), with the name of
 * where it came from: a usage error names what the user set (a variable they set is not a flag they typed).
 */
export function flagOrVariable(ctx: CliContext, flag: string, suffix: string): { value: string; from: string } | undefined {
  const typed = firstNonBlank(ctx.flags[flag]);
  if (typed !== undefined) return { value: typed, from: `--${flag}` };
  const variable = `${ctx.prefix}_${suffix}`;
  const set = firstNonBlank(ctx.env[variable]);
  return set === undefined ? undefined : { value: set, from: variable };
}

/** `addressing` and `cname` from --addressing / --cname or BUCKETRY_<PROVIDER>_ADDRESSING / _CNAME. */
export function addressingCliOptions(ctx: CliContext): { addressing?: "virtual-hosted" | "path"; cname?: boolean } {
  const givenAddressing = flagOrVariable(ctx, "addressing", "ADDRESSING");
  const addressing = givenAddressing?.value;
  if (addressing !== undefined && addressing !== "virtual-hosted" && addressing !== "path") return ctx.usage(`${givenAddressing!.from} must be virtual-hosted or path, got ${addressing}`);
  const givenCname = flagOrVariable(ctx, "cname", "CNAME");
  const cname = givenCname?.value;
  if (cname !== undefined && cname !== "true" && cname !== "false") return ctx.usage(`${givenCname!.from} must be true or false, got ${cname}`);
  return { ...(addressing ? { addressing } : {}), ...(cname ? { cname: cname === "true" } : {}) };
}
