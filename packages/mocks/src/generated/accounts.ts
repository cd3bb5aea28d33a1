// generated from redocly.yaml (apis) by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// The test account is fake and public on purpose: the mock accepts exactly these credentials (and nothing else),
// so a test proves its requests are signed correctly.

import { aliyunEnsAccount } from "../vendors/aliyun-ens.js";
import { huaweicloudMpcAccount } from "../vendors/huaweicloud-mpc.js";
import { baiduBosAccount } from "../vendors/baidu-bos.js";
import { hitachiVspOneObjectAccount } from "../vendors/hitachi-vsp-one-object.js";
import { aliyunOssAccount } from "../vendors/aliyun-oss.js";

/** Credentials in the facade's shapes (`createBucketClient({ credentials })`), per vendor. */
export const testCredentials = {
  "aliyun-ens": aliyunEnsAccount.credentials,
  "huaweicloud-mpc": huaweicloudMpcAccount.credentials,
  "baidu-bos": baiduBosAccount.credentials,
  "hitachi-vsp-one-object": hitachiVspOneObjectAccount.credentials,
  "aliyun-oss": aliyunOssAccount.credentials,
} as const;

/** Everything else about the mock account that a client needs or a test may assert (every vendor's `facts`). */
export const testAccount = {
  ...aliyunEnsAccount.facts,
  ...huaweicloudMpcAccount.facts,
  ...baiduBosAccount.facts,
  ...hitachiVspOneObjectAccount.facts,
  ...aliyunOssAccount.facts,
} as const;

/** Per vendor, the `createBucketClient` options a client of the mock needs besides provider, endpoint and credentials. */
export const accountClientOptions = {
  "aliyun-ens": aliyunEnsAccount.clientOptions,
  "huaweicloud-mpc": huaweicloudMpcAccount.clientOptions,
  "baidu-bos": baiduBosAccount.clientOptions,
  "hitachi-vsp-one-object": hitachiVspOneObjectAccount.clientOptions,
  "aliyun-oss": aliyunOssAccount.clientOptions,
} as const;
