// Ours: @bucketry/baidu-bos (generated client, path style as with an endpoint override) + bceV1Signer from @bucketry/signing/bce-v1 (one scheme's module), sent through `platformTransport` from @bucketry/signing/fetch (Node: the keep-alive HTTP/1.1 transport; browsers: fetch).
import { createClient } from "@bucketry/baidu-bos";
import { bceV1Signer } from "@bucketry/signing/bce-v1";
import { platformTransport } from "@bucketry/signing/fetch";
import { AK, BUCKET, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createClient({ baseUrl: endpoint, fetch: platformTransport });
  client.use(bceV1Signer({ credentials: { accessKeyId: AK, accessKeySecret: SK } }));
  return {
    async call() {
      const { data, error, response } = await client.GET("/v1/{bucketName}", { params: { path: { bucketName: BUCKET } } });
      if (error !== undefined || response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return data;
    },
  };
}
export const verify = (r) => r.owner.id === "16df583fe6824d73a5f858f06de0af03";
