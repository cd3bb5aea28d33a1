// One vendor client: @bucketry/aliyun-oss, signed with the OSS V4 middleware from @bucketry/signing.
import { createClient } from "@bucketry/aliyun-oss";
import { ossV4Signer } from "@bucketry/signing";

const { ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId = "", ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret = "" } = process.env;

const oss = createClient({ region: "cn-hangzhou", bucket: "examplebucket" });
oss.use(ossV4Signer({ region: "cn-hangzhou", credentials: { accessKeyId, accessKeySecret } }));

const { data, error, response } = await oss.GET("/", {});
if (error) throw new Error(`${error.Code}: ${error.Message} (request id ${error.RequestId})`);
console.log("owner", data.Owner.ID, "acl", data.AccessControlList.Grant, "request id", response.headers.get("x-oss-request-id"));
