// createBucketClient: one entry point for every provider; the client type follows `provider`. It hands the
// options to that provider's own createBucketClient (src/providers/<id>.ts, the one `bucketry/<id>` exports).
import { BucketryError } from "./errors.js";
import { quoted } from "./providers/common.js";
import { PROVIDERS, type Provider } from "./model.js";
import { clientFactory, type BucketClientFor, type BucketClientOptions } from "./registry.js";

/** Provider `P`'s options (distributes over a union of providers). */
type OptionsFor<P extends Provider> = P extends Provider ? Extract<BucketClientOptions, { provider: P }> : never;

// Only `provider` is inferred: the options parameter is then a concrete type, so TypeScript's check for
// unknown properties reaches nested objects too (`retry: { baseDelay }`, `credentials: { securityTokn }`).
export function createBucketClient<P extends Provider>(options: { provider: P } & OptionsFor<P>): BucketClientFor<{ provider: P }> {
  if (!options || typeof options !== "object") {
    throw new BucketryError({ kind: "Configuration", message: `createBucketClient needs options with a provider: one of ${PROVIDERS.join(", ")}` });
  }
  const provider = (options as { provider?: unknown }).provider;
  const create = clientFactory(provider);
  if (!create) {
    throw new BucketryError({ kind: "Configuration", message: `unknown provider ${quoted(provider)}: use one of ${PROVIDERS.join(", ")}` });
  }
  return create(options as { provider: Provider }) as BucketClientFor<{ provider: P }>;
}
