// `bucketry/signing/acs-rpc-v1`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/acs-rpc-v1";
