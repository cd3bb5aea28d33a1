// `bucketry/signing`: the signing middleware, re-exported from @bucketry/signing (one copy of the code).
export * from "@bucketry/signing";
