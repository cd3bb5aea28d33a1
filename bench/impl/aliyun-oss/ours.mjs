// Ours: @bucketry/aliyun-oss (generated client, XML read into the spec's shape) + ossV4Signer from @bucketry/signing/oss-v4 (one scheme's module), sent through `platformTransport` from @bucketry/signing/fetch (Node: the keep-alive HTTP/1.1 transport; browsers: fetch).
import { createClient } from "@bucketry/aliyun-oss";
import { ossV4Signer } from "@bucketry/signing/oss-v4";
import { platformTransport } from "@bucketry/signing/fetch";
import { AK, BUCKET, REGION, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  // Path style, as the facade addresses a bucket behind an endpoint override: {endpoint}/{bucket}/?acl.
  const client = createClient({ baseUrl: `${endpoint}/${BUCKET}`, fetch: platformTransport });
  client.use(ossV4Signer({ credentials: { accessKeyId: AK, accessKeySecret: SK }, region: REGION["aliyun-oss"], bucket: BUCKET, addressing: "path" }));
  return {
    async call() {
      const { data, error, response } = await client.GET("/");
      if (error !== undefined || response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return data;
    },
  };
}
export const verify = (r) => r.AccessControlList.Grant === "public-read";
