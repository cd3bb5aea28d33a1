// `bucketry/transport`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/transport";
