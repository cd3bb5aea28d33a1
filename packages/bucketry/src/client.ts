// createBucketClient: one entry point for every provider; the client type follows `provider`. The provider's
// module (src/providers/<id>.ts) makes the client; `bucketry/<id>` imports that module alone.
import { BucketryError } from "./errors.js";
import { PROVIDERS } from "./model.js";
import { withSafeInspect } from "./provider.js";
import { providerModule, type BucketClientFor, type BucketClientOptions } from "./registry.js";

export function createBucketClient<O extends BucketClientOptions>(options: O): BucketClientFor<O> {
  if (!options || typeof options !== "object") {
    throw new BucketryError({ kind: "Configuration", message: `createBucketClient needs options with a provider: one of ${PROVIDERS.join(", ")}` });
  }
  const provider = (options as { provider?: unknown }).provider;
  const chosen = providerModule(provider);
  if (!chosen) {
    throw new BucketryError({ kind: "Configuration", message: `unknown provider ${JSON.stringify(provider)}: use one of ${PROVIDERS.join(", ")}` });
  }
  return withSafeInspect(chosen.create(options as { provider: never })) as BucketClientFor<O>;
}
