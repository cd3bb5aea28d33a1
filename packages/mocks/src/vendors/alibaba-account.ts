// The Alibaba Cloud mock account: one account signs both ENS and OSS, as the shared ALIBABA_CLOUD_* variables
// imply. Its keys are fake and public on purpose: the mock accepts exactly these, so a test proves its requests
// are signed correctly.

/** The AccessKey pair the ENS and OSS mocks accept. */
export const alibabaTestKeys = { accessKeyId: "LTAI5tMockAlibabaAccessKey", accessKeySecret: "MockAlibabaAccessKeySecret0123456789" } as const;
