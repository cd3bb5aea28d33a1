// Official: @alicloud/pop-core 1.8.0 RPCClient (the generic POP client; RPC HMAC-SHA1 signature v1).
import RPCClient from "@alicloud/pop-core";
import { AK, SK } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = new RPCClient({ accessKeyId: AK, accessKeySecret: SK, endpoint, apiVersion: "2017-11-10" });
  return { call: () => client.request("ListBuckets", { PageNumber: "1", PageSize: "10" }, { method: "POST" }) };
}
export const verify = (r) => r.BucketInfos[0].BucketName === "test";
