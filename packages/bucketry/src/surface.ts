// What every entry exports besides its createBucketClient: the error type, the model, the option and client
// shapes, retry. The root entry (`bucketry`) and each provider's entry (`bucketry/<id>`) re-export it.
// BucketryErrorInit: the constructor's parameter, so code that builds or wraps errors can name it.
export { BucketryError, isBucketryError, type AccessDeniedDetail, type BucketryErrorInit, type ErrorKind, type SignatureComparison, type SignatureDifference, type SignedText } from "./errors.js";
export type { AclProvider, Bucket, BucketAcl, CannedAcl, Grant, Grantee, ListingProvider, Provider, ProviderBucket, ProviderBucketAcl, RawAclRecords, RawBucketRecords } from "./model.js";
export type { AclClient, BucketPage, BucketryWarning, CallOptions, CommonOptions, ListBucketsOptions, ListingClient, OptionalArg, PageOptions, RawClients } from "./options.js";
export type { EntryOptions } from "./provider.js";
// The OSS/BOS option rule their option types intersect with (named, so declarations that use them can name it).
export type { CnameNeedsEndpoint } from "./providers/common.js";
export { RetryBudget } from "./retry.js";
export type { RetryBudgetOptions, RetryBudgetStats, RetryInfo, RetryOptions } from "./retry.js";
// The element type of ENV (so a program that re-exports ENV can name it in its declarations).
export type { EnvNames } from "./credentials/facts.js";
export type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
