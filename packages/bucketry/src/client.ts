// createBucketClient: one entry point, one adapter per provider; the client type follows `provider`.
import { BucketryError } from "./errors.js";
import { PROVIDERS } from "./model.js";
import type { BucketClientFor, BucketClientOptions } from "./options.js";
import { createBosBucketClient } from "./providers/baidu-bos.js";
import { createEnsBucketClient } from "./providers/aliyun-ens.js";
import { createHitachiBucketClient } from "./providers/hitachi-vsp-one-object.js";
import { createMpcBucketClient } from "./providers/huaweicloud-mpc.js";
import { createOssBucketClient } from "./providers/aliyun-oss.js";

export function createBucketClient<O extends BucketClientOptions>(options: O): BucketClientFor<O> {
  if (!options || typeof options !== "object") {
    throw new BucketryError({ kind: "Configuration", message: `createBucketClient needs options with a provider: one of ${PROVIDERS.join(", ")}` });
  }
  const o = options as BucketClientOptions;
  let client;
  switch (o.provider) {
    case "aliyun-ens":
      client = createEnsBucketClient(o);
      break;
    case "huaweicloud-mpc":
      client = createMpcBucketClient(o);
      break;
    case "baidu-bos":
      client = createBosBucketClient(o);
      break;
    case "hitachi-vsp-one-object":
      client = createHitachiBucketClient(o);
      break;
    case "aliyun-oss":
      client = createOssBucketClient(o);
      break;
    default:
      throw new BucketryError({
        kind: "Configuration",
        message: `unknown provider ${JSON.stringify((o as { provider?: unknown }).provider)}: use one of ${PROVIDERS.join(", ")}`,
      });
  }
  return withSafeInspect(client) as BucketClientFor<O>;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Clients hold credentials in closures only; inspecting or serializing one shows just the provider. */
function withSafeInspect<T extends { provider: string }>(client: T): T {
  const summary = () => ({ provider: client.provider });
  Object.defineProperty(client, "toJSON", { value: summary, enumerable: false });
  Object.defineProperty(client, INSPECT, { value: () => `BucketClient ${JSON.stringify(summary())}`, enumerable: false });
  return client;
}
