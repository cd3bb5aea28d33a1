// The mocks' published test credentials. They are fake and public on purpose: the mock accepts exactly
// these (and nothing else), so a test proves its requests are signed correctly.

/** Credentials in the facade's shapes (`createBucketClient({ credentials })`). */
export const testCredentials = {
  // One Alibaba Cloud account signs both ENS and OSS, as the shared ALIBABA_CLOUD_* env vars imply.
  "aliyun-ens": { accessKeyId: "LTAI5tMockAlibabaAccessKey", accessKeySecret: "MockAlibabaAccessKeySecret0123456789" },
  "aliyun-oss": { accessKeyId: "LTAI5tMockAlibabaAccessKey", accessKeySecret: "MockAlibabaAccessKeySecret0123456789" },
  "huaweicloud-mpc": { accessKeyId: "MOCKMPCACCESSKEY0001", accessKeySecret: "MockMpcSecretAccessKey0123456789abcdefgh" },
  "baidu-bos": { accessKeyId: "mockbosaccesskey00000000000000001", accessKeySecret: "mockbossecretaccesskey000000000001" },
  "hitachi-vsp-one-object": { token: "mock-vsp-one-object-bearer-token" },
} as const;

/** Everything else about the mock account that a client needs or a test may assert. */
export const testAccount = {
  /** Huawei project id (path and X-Project-Id); its region is `mpcRegion`. */
  mpcProjectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  mpcRegion: "cn-north-4",
  /** A Huawei IAM token (`X-Auth-Token`) scoped to `mpcProjectId`. */
  mpcToken: "MIIMockHuaweiIamToken-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  /** OSS owner (`<Owner><ID>`) and BOS owner id of every seeded bucket. */
  ossOwnerId: "1234567890123456",
  bosOwnerId: "16df583fe6824d73a5f858f06de0af03",
  /** Hitachi users that own seeded buckets (user 0 owns about 60%). */
  hitachiUserIds: [0, 1, 2] as readonly [number, number, number],
  /** Regions the facade clients should be configured with. */
  ossRegion: "cn-hangzhou",
  bosRegion: "bj",
} as const;
