// Ours: @bucketry/huaweicloud-mpc (generated client) + sdkHmacSha256Signer from @bucketry/signing/huawei-sdk-hmac (one scheme's module), sent through `platformTransport` from @bucketry/signing/fetch (Node: the keep-alive HTTP/1.1 transport; browsers: fetch).
import { createClient } from "@bucketry/huaweicloud-mpc";
import { sdkHmacSha256Signer } from "@bucketry/signing/huawei-sdk-hmac";
import { platformTransport } from "@bucketry/signing/fetch";
import { AK, PROJECT_ID, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createClient({ baseUrl: endpoint, fetch: platformTransport });
  client.use(sdkHmacSha256Signer({ credentials: { accessKeyId: AK, accessKeySecret: SK }, projectId: PROJECT_ID }));
  return {
    async call() {
      const { data, error, response } = await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: PROJECT_ID } } });
      if (error !== undefined || response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return data;
    },
  };
}
export const verify = (r) => r.buckets.length === 2;
