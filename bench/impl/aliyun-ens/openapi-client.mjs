// Official: @alicloud/openapi-client 0.4.15, the runtime of the ENS SDK's tea generation (@alicloud/ens20171110
// before the darabonba rewrite): callApi(Params, OpenApiRequest) → doRequest, ACS3-HMAC-SHA256.
import pkg from "@alicloud/openapi-client";
import util from "@alicloud/tea-util";
import { AK, REGION, SK } from "../../lib/common.mjs";

const { default: Client, Config, Params, OpenApiRequest } = pkg;

export function create({ endpoint }) {
  const url = new URL(endpoint);
  const client = new Client(new Config({ accessKeyId: AK, accessKeySecret: SK, regionId: REGION["aliyun-ens"], endpoint: url.host, protocol: url.protocol.slice(0, -1) }));
  const params = new Params({
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
      const req = new OpenApiRequest({ query: { PageNumber: "1", PageSize: "10" } });
      return client.callApi(params, req, new util.RuntimeOptions({}));
    },
  };
}
export const verify = (r) => r.body.BucketInfos[0].BucketName === "test";
