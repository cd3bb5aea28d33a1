// The vendors' environment variables holding the mock's published test credentials: what a program that reads
// its keys from the environment (README samples, the Try-it code panel's programs) runs with against the mocks.
import { testAccount, testCredentials } from "@bucketry/mocks";

export const vendorEnv = {
  // One Alibaba Cloud account signs both ENS and OSS.
  ALIBABA_CLOUD_ACCESS_KEY_ID: testCredentials["aliyun-oss"].accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: testCredentials["aliyun-oss"].accessKeySecret,
  HUAWEICLOUD_SDK_AK: testCredentials["huaweicloud-mpc"].accessKeyId,
  HUAWEICLOUD_SDK_SK: testCredentials["huaweicloud-mpc"].accessKeySecret,
  HUAWEICLOUD_SDK_PROJECT_ID: testAccount.mpcProjectId,
  BCE_ACCESS_KEY_ID: testCredentials["baidu-bos"].accessKeyId,
  BCE_SECRET_ACCESS_KEY: testCredentials["baidu-bos"].accessKeySecret,
  VSP_ONE_OBJECT_TOKEN: testCredentials["hitachi-vsp-one-object"].token,
};
