// What the CLI knows about each provider — its operations, auth schemes, the variables it reads — comes from
// the provider modules (src/providers/<id>.ts) through the generated registry.
import type { AclProvider, ListingProvider, Provider } from "../model.js";
import { envPrefix } from "../provider.js";
import { providerModule, providerModules, PROVIDERS, type AnyProviderModule } from "../registry.js";
import { UsageError } from "./exit.js";

export { envPrefix };

export interface ProviderInfo {
  provider: Provider;
  vendor: string;
  /** CLI command for the provider's operation. */
  command: "list-buckets" | "get-acl";
  operations: string[];
  auth: string[];
  required: string[];
}

/** The CLI command of a provider's operation. */
export const commandOf = (m: AnyProviderModule): ProviderInfo["command"] => (m.operation === "listBuckets" ? "list-buckets" : "get-acl");

export const PROVIDER_INFO = Object.fromEntries(
  providerModules.map((m) => [
    m.id,
    { provider: m.id, vendor: m.vendor, command: commandOf(m as unknown as AnyProviderModule), operations: [...m.operations], auth: [...m.auth], required: [...m.cli.required] },
  ]),
) as Record<Provider, ProviderInfo>;

/** The module of a provider the CLI has already parsed. */
export function moduleOf(provider: Provider): AnyProviderModule {
  return providerModule(provider)!;
}

/** Every provider module, in registry order. */
export function allProviders(): AnyProviderModule[] {
  return providerModules.map((m) => m as unknown as AnyProviderModule);
}

/** The providers whose command is `command`, in registry order. */
export function providersFor(command: ProviderInfo["command"]): AnyProviderModule[] {
  return allProviders().filter((m) => commandOf(m) === command);
}

/**
 * The suffixes of the CLI's per-provider variables (BUCKETRY_<PROVIDER>_<SUFFIX>) a provider reads: ENDPOINT, REGION
 * when it takes a region (one that takes none refuses _REGION), and its module's own (`cli.env`).
 */
export function cliEnvSuffixes(m: AnyProviderModule): string[] {
  return ["ENDPOINT", ...(m.cli.region !== undefined ? ["REGION"] : []), ...m.cli.env];
}

/** The CLI's per-provider variables (read when the flag and the profile say nothing). */
export function cliEnvNames(provider: Provider): string[] {
  const p = envPrefix(provider);
  return cliEnvSuffixes(moduleOf(provider)).map((suffix) => `${p}_${suffix}`);
}

/**
 * The CLI's credential variables (suffixes of BUCKETRY_<PROVIDER>_), whichever provider reads them: an access key
 * pair and its security token, or a bearer token. Which of them a provider reads is its module's `cli.env`; one it
 * does not read is refused (`unreadCredentialVariables`), as its profile entry's keys are.
 */
export const CREDENTIAL_VARIABLES: readonly string[] = ["ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "SECURITY_TOKEN", "TOKEN"];

/** The vendors' own variables the facade reads. */
export function vendorEnvNames(provider: Provider): string[] {
  return Object.values(moduleOf(provider).env).filter((v): v is string => typeof v === "string");
}

export function parseProvider(value: string | undefined, command: string): Provider {
  if (value === undefined) throw new UsageError(`--provider is required: one of ${PROVIDERS.join(", ")}`, command);
  if (!(PROVIDERS as readonly string[]).includes(value)) throw new UsageError(`unknown provider "${value}": one of ${PROVIDERS.join(", ")}`, command);
  return value as Provider;
}

export function listingProvider(provider: Provider): ListingProvider {
  if (PROVIDER_INFO[provider].command !== "list-buckets") {
    throw new UsageError(`${provider} documents no bucket listing (its operation is GetBucketAcl): use \`bucketry get-acl --provider ${provider} --bucket NAME\``, "list-buckets");
  }
  return provider as ListingProvider;
}

export function aclProvider(provider: Provider): AclProvider {
  if (PROVIDER_INFO[provider].command !== "get-acl") {
    throw new UsageError(`${provider} documents no bucket ACL operation (its operation is bucket listing): use \`bucketry list-buckets --provider ${provider}\``, "get-acl");
  }
  return provider as AclProvider;
}

/** Each provider's default credential chain, in the order it is tried (from its module; the README lists the same). */
export const CREDENTIAL_CHAINS = Object.fromEntries(providerModules.map((m) => [m.id, m.cli.credentialChain])) as Record<Provider, readonly string[]>;

/** The providers' own flags (`--project-id`) among `modules`: flag → the providers that take it. "client": only flags of client options. */
export function ownFlagOwners(modules: readonly AnyProviderModule[], which: "any" | "client" = "any"): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const m of modules) {
    for (const [flag, f] of Object.entries(m.cli.flags ?? {})) if (which === "any" || !f.call) owners.set(flag, [...(owners.get(flag) ?? []), m.id]);
  }
  return owners;
}

/** The values of the own flags given on the command line; a flag the provider does not take is a usage error. */
export function ownFlagValues(owners: Map<string, string[]>, flags: Readonly<Record<string, unknown>>, provider: Provider, command: string): Record<string, string | undefined> {
  const own: Record<string, string | undefined> = {};
  for (const [flag, takers] of owners) {
    const value = flags[flag] as string | undefined;
    if (value === undefined) continue;
    if (!takers.includes(provider)) throw new UsageError(`--${flag} applies to ${takers.join(", ")} only`, command);
    own[flag] = value;
  }
  return own;
}
