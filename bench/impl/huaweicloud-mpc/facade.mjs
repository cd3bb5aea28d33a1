// Facade: bucketry createBucketClient (normalized model, errors, retries) — informational row.
import { createBucketClient } from "bucketry";
import { AK, PROJECT_ID, REGION, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createBucketClient({
    provider: "huaweicloud-mpc",
    endpoint,
    region: REGION["huaweicloud-mpc"],
    projectId: PROJECT_ID,
    credentials: { accessKeyId: AK, accessKeySecret: SK },
  });
  return { call: () => client.listBucketsPage() };
}
export const verify = (r) => r.buckets.length === 2;
