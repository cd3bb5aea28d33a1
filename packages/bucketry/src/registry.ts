// Everything that spans all providers, derived from the generated list of provider modules: the options and
// client unions of the root entry, `ENV`, and lookups for the root entry and the CLI.
import type { EnvNames } from "./credentials.js";
import { providerModules } from "./generated/providers.js";
import { PROVIDERS, type Provider } from "./model.js";
import type { ProviderModule } from "./provider.js";

export { providerModules };

type Modules = (typeof providerModules)[number];
type OptionsOf<M> = M extends { create(options: infer O): unknown } ? O : never;
type ClientOf<M> = M extends { create(options: never): infer C } ? C : never;

/** The options of any provider (`provider` selects which). */
export type BucketClientOptions = OptionsOf<Modules>;

/** The client `createBucketClient` returns for options `O`: exactly its provider's operations. */
export type BucketClientFor<O extends { provider: Provider }> = ClientOf<Extract<Modules, { id: O["provider"] }>>;

/** A provider module as the registry's readers see it. */
export type AnyProviderModule = ProviderModule<Provider, { provider: Provider }, { provider: Provider }>;

const byId = new Map<string, AnyProviderModule>(providerModules.map((m) => [m.id, m as unknown as AnyProviderModule]));

/** The module of provider `id`, or undefined for an unknown id. */
export function providerModule(id: unknown): AnyProviderModule | undefined {
  return typeof id === "string" ? byId.get(id) : undefined;
}

/** The environment variables each provider reads (documented in the README and `bucketry providers`). */
export const ENV: Record<Provider, EnvNames> = Object.fromEntries(providerModules.map((m) => [m.id, m.env])) as Record<Provider, EnvNames>;

export { PROVIDERS };
