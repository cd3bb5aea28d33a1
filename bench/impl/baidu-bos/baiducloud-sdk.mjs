// Official: @baiducloud/sdk 1.0.7 BosClient.getBucketAcl (bce-auth-v1).
import sdk from "@baiducloud/sdk";
import { AK, BUCKET, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = new sdk.BosClient({ endpoint, credentials: { ak: AK, sk: SK } });
  return { call: () => client.getBucketAcl(BUCKET) };
}
export const verify = (r) => r.body.owner.id === "16df583fe6824d73a5f858f06de0af03";
