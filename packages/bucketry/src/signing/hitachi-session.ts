// `bucketry/signing/hitachi-session`, re-exported from @bucketry/signing.
export * from "@bucketry/signing/hitachi-session";
