// `bucketry/signing/huawei-sdk-hmac`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/huawei-sdk-hmac";
