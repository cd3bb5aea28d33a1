// Ours: @bucketry/aliyun-ens (generated client) + acs3Signer from @bucketry/signing/acs3 (one scheme's module), sent through `platformTransport` from @bucketry/signing/fetch (Node: the keep-alive HTTP/1.1 transport; browsers: fetch).
import { createClient } from "@bucketry/aliyun-ens";
import { acs3Signer } from "@bucketry/signing/acs3";
import { platformTransport } from "@bucketry/signing/fetch";
import { AK, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createClient({ baseUrl: endpoint, fetch: platformTransport, actionAndVersion: "headers" });
  client.use(acs3Signer({ credentials: { accessKeyId: AK, accessKeySecret: SK } }));
  return {
    async call() {
      const { data, error, response } = await client.POST("/", { params: { query: { PageNumber: "1", PageSize: "10" } } });
      if (error !== undefined || response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return data;
    },
  };
}
export const verify = (r) => r.BucketInfos[0].BucketName === "test";
