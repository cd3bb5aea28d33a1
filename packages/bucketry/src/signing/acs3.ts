// `bucketry/signing/acs3`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/acs3";
