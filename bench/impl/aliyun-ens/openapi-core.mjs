// Official: @alicloud/openapi-core 1.0.8, the runtime of the current ENS SDK (@alicloud/ens20171110, not on
// the registry this machine reaches): its listBucketsWithOptions is callApi(Params, OpenApiRequest) → doRequest,
// ACS3-HMAC-SHA256. (The SDK's final cast into its generated response model is left out.)
import pkg from "@alicloud/openapi-core";
import dara from "@darabonba/typescript";
import { AK, REGION, SK } from "../../lib/common.mjs";

const { default: Client, $OpenApiUtil } = pkg;

export function create({ endpoint }) {
  const url = new URL(endpoint);
  const client = new Client(
    new $OpenApiUtil.Config({ accessKeyId: AK, accessKeySecret: SK, regionId: REGION["aliyun-ens"], endpoint: url.host, protocol: url.protocol.slice(0, -1) }),
  );
  const params = new $OpenApiUtil.Params({
    action: "ListBuckets",
    version: "2017-11-10",
    protocol: "HTTPS",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  return {
    async call() {
      const req = new $OpenApiUtil.OpenApiRequest({ query: { PageNumber: "1", PageSize: "10" } });
      return client.callApi(params, req, new dara.RuntimeOptions({}));
    },
  };
}
export const verify = (r) => r.body.BucketInfos[0].BucketName === "test";
