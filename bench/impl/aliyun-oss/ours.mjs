// Ours: @bucketry/aliyun-oss (generated client, XML read into the spec's shape) + ossV4Signer from @bucketry/signing/oss-v4 (one scheme's module), sent through `platformTransport` with `platformRequest` from @bucketry/signing/transport (Node: the keep-alive node:http transport and its lighter Request; browsers: fetch and Request).
import { createClient } from "@bucketry/aliyun-oss";
import { ossV4Signer } from "@bucketry/signing/oss-v4";
import { platformRequest, platformTransport } from "@bucketry/signing/transport";
import { AK, BUCKET, REGION, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  // Path style, as the facade addresses a bucket behind an endpoint override: {endpoint}/{bucket}/?acl.
  const client = createClient({ baseUrl: `${endpoint}/${BUCKET}`, fetch: platformTransport, Request: platformRequest });
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
