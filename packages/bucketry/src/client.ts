// createBucketClient: one entry point for every provider; the client type follows `provider`. It hands the
// options to that provider's own createBucketClient (src/providers/<id>.ts, the one `bucketry/<id>` exports).
import { BucketryError } from "./errors.js";
import { PROVIDERS, type Provider } from "./model.js";
import { clientFactory, type BucketClientFor, type BucketClientOptions, type OnlyKnownOptions } from "./registry.js";

// `const`: the provider's literal must survive inference for OnlyKnownOptions to pick that provider's keys.
export function createBucketClient<const O extends BucketClientOptions>(options: O & OnlyKnownOptions<O>): BucketClientFor<O> {
  if (!options || typeof options !== "object") {
    throw new BucketryError({ kind: "Configuration", message: `createBucketClient needs options with a provider: one of ${PROVIDERS.join(", ")}` });
  }
  const provider = (options as { provider?: unknown }).provider;
  const create = clientFactory(provider);
  if (!create) {
    throw new BucketryError({ kind: "Configuration", message: `unknown provider ${JSON.stringify(provider)}: use one of ${PROVIDERS.join(", ")}` });
  }
  return create(options as { provider: Provider }) as BucketClientFor<O>;
}
