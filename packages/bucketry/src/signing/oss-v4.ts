// `bucketry/signing/oss-v4`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/oss-v4";
