// `bucketry/signing/oss-v1`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/oss-v1";
