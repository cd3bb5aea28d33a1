// Everything that spans all providers, derived from the generated list of provider modules: the options and
// client unions of the root entry, `ENV`, and lookups for the root entry and the CLI. Nothing here runs at
// import time (the declarations are pure), so a bundle keeps only what it uses.
import type { EnvNames } from "./credentials.js";
import { clientFactories, providerModules } from "./generated/providers.js";
import { PROVIDERS, type Provider } from "./model.js";
import type { ProviderModule } from "./provider.js";

export { providerModules, PROVIDERS };

type Modules = (typeof providerModules)[number];
type OptionsOf<M> = M extends { create(options: infer O): unknown } ? O : never;
type ClientOf<M> = M extends { create(options: never): infer C } ? C : never;

/** The options of any provider (`provider` selects which). */
export type BucketClientOptions = OptionsOf<Modules>;

/** The client `createBucketClient` returns for options `O`: exactly its provider's operations. */
export type BucketClientFor<O extends { provider: Provider }> = ClientOf<Extract<Modules, { id: O["provider"] }>>;

type KeysOf<T> = T extends unknown ? keyof T : never;

/** What an option its provider does not take is typed as, so the compiler's message names the problem. */
export interface NotAnOptionOfThisProvider {
  readonly "check the option's spelling and the provider's options": never;
}

/**
 * Every key of `O` its provider does not take, typed so no value fits. A generic parameter skips TypeScript's
 * check for unknown properties, so without this a misspelled optional option (`retires`, `regoin`) compiled
 * and was silently ignored.
 */
export type OnlyKnownOptions<O extends BucketClientOptions> = Record<Exclude<keyof O, KeysOf<Extract<BucketClientOptions, { provider: O["provider"] }>>>, NotAnOptionOfThisProvider>;

/** A provider module as the registry's readers see it. */
export type AnyProviderModule = ProviderModule<Provider, { provider: Provider }, { provider: Provider }>;

const isProvider = (id: unknown): id is Provider => typeof id === "string" && Object.hasOwn(clientFactories, id);

/** The module of provider `id`, or undefined for an unknown id. */
export function providerModule(id: unknown): AnyProviderModule | undefined {
  return isProvider(id) ? (providerModules.find((m) => m.id === id) as unknown as AnyProviderModule) : undefined;
}

/** Provider `id`'s createBucketClient (its entry's: `bucketry/<id>`), or undefined for an unknown id. */
export function clientFactory(id: unknown): ((options: { provider: Provider }) => { provider: Provider }) | undefined {
  return isProvider(id) ? (clientFactories[id] as unknown as (options: { provider: Provider }) => { provider: Provider }) : undefined;
}

/** The environment variables each provider reads (documented in the README and `bucketry providers`). */
export const ENV: Record<Provider, EnvNames> = /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ providerModules.map((m) => [m.id, m.env])) as Record<Provider, EnvNames>;
