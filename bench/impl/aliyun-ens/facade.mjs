// Facade: bucketry createBucketClient (normalized model, errors, retries) — informational row.
import { createBucketClient } from "bucketry";
import { AK, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createBucketClient({ provider: "aliyun-ens", endpoint, credentials: { accessKeyId: AK, accessKeySecret: SK } });
  return { call: () => client.listBucketsPage({ pageSize: 10 }) };
}
export const verify = (r) => r.buckets[0].name === "test";
