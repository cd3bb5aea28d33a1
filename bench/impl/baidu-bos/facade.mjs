// Facade: bucketry createBucketClient (normalized model, errors, retries) — informational row.
import { createBucketClient } from "bucketry";
import { AK, BUCKET, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createBucketClient({ provider: "baidu-bos", endpoint, credentials: { accessKeyId: AK, accessKeySecret: SK } });
  return { call: () => client.getBucketAcl(BUCKET) };
}
export const verify = (r) => r.owner.id === "16df583fe6824d73a5f858f06de0af03";
