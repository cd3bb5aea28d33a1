// Facade: bucketry createBucketClient (normalized model, errors, retries) — informational row.
import { createBucketClient } from "bucketry";
import { AK, BUCKET, REGION, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createBucketClient({ provider: "aliyun-oss", endpoint, region: REGION["aliyun-oss"], credentials: { accessKeyId: AK, accessKeySecret: SK } });
  return { call: () => client.getBucketAcl(BUCKET) };
}
export const verify = (r) => r.acl === "public-read";
