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

/** The providers whose command is `command`, in registry order. */
export function providersFor(command: ProviderInfo["command"]): AnyProviderModule[] {
  return providerModules.map((m) => m as unknown as AnyProviderModule).filter((m) => commandOf(m) === command);
}

/** The CLI's per-provider variables (read when the flag and the profile say nothing). */
export function cliEnvNames(provider: Provider): string[] {
  const p = envPrefix(provider);
  return [`${p}_ENDPOINT`, `${p}_REGION`, ...moduleOf(provider).cli.env.map((suffix) => `${p}_${suffix}`)];
}

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
