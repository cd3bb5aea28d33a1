// Official: ali-oss 6.23 (OSS Node SDK), V4 signing (authorizationV4), getBucketACL.
import OSS from "ali-oss";
import { AK, BUCKET, REGION, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  // An IP endpoint makes ali-oss address the bucket path-style, like our endpoint override.
  const client = new OSS({ region: `oss-${REGION["aliyun-oss"]}`, endpoint, accessKeyId: AK, accessKeySecret: SK, bucket: BUCKET, authorizationV4: true });
  return { call: () => client.getBucketACL(BUCKET) };
}
export const verify = (r) => r.acl === "public-read";
