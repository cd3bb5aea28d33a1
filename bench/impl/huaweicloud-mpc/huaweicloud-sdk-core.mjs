// Official: @huaweicloud/huaweicloud-sdk-core 3.1.211 (ClientBuilder → HcClient, BasicCredentials AK/SK), which
// every Huawei service SDK runs on. The MPC package (@huaweicloud/huaweicloud-sdk-mpc) is not on the registry
// this machine reaches, so its listAllBuckets is written as the generated SDK writes it: ParamCreater options →
// hcClient.sendRequest. (core's ClientBuilder requires `uuid` without declaring it; the harness supplies it.)
import credentialsModule from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import builderModule from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js";
import { AK, PROJECT_ID, SK } from "../../lib/common.mjs";

const { BasicCredentials } = credentialsModule;
const { ClientBuilder } = builderModule;

export function create({ endpoint }) {
  const credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
  const hcClient = new ClientBuilder((client) => client).withCredential(credentials).withEndpoint(endpoint).build();
  return {
    call() {
      const options = { method: "GET", url: "/v1/{project_id}/buckets", contentType: "application/json", queryParams: {}, pathParams: {}, headers: {} };
      options.responseHeaders = [""];
      return hcClient.sendRequest(options);
    },
  };
}
export const verify = (r) => r.buckets.length === 2;
