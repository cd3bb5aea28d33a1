// `bucketry/signing/bce-v1`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/bce-v1";
