/**
 * Signing middleware for the generated clients, one per vendor scheme. Each `xSigner(options)` is
 * openapi-fetch middleware (`client.use(xSigner(...))`) that signs every attempt afresh; each `signX`
 * is the pure core over a `SignableRequest`.
 *
 * @module @bucketry/signing
 */
export { signedPartsOf, signingMiddleware, signRequest } from "./middleware.js";
export type { AccessKeyCredentials, Clock, CredentialSource, SignableRequest, SignedParts } from "./types.js";
// Credentials objects that print without their secrets (util.inspect, console.log, Deno).
export { hideSecrets } from "./hide-secrets.js";
// Alibaba's percentEncode (ACS3, RPC v1, OSS): how a value appears in those canonical strings.
export { percentEncode } from "./percent-encoding.js";

export { acs3Signer, signAcs3 } from "./acs3.js";
export type { Acs3SignerOptions } from "./acs3.js";
export { acsRpcV1Signer, signAcsRpcV1 } from "./acs-rpc-v1.js";
export type { AcsRpcV1SignerOptions } from "./acs-rpc-v1.js";
export { ossV4Signer, signOssV4 } from "./oss-v4.js";
export type { OssAddressing, OssV4SignerOptions } from "./oss-v4.js";
export { ossV1Signer, signOssV1 } from "./oss-v1.js";
export type { OssV1SignerOptions } from "./oss-v1.js";
export { huaweiTokenAuth, sdkHmacSha256Signer, signSdkHmacSha256 } from "./huawei-sdk-hmac.js";
export type { HuaweiTokenAuthOptions, SdkHmacSha256Options } from "./huawei-sdk-hmac.js";
export { bceV1Signer, signBceV1 } from "./bce-v1.js";
export type { BceV1Options } from "./bce-v1.js";
export { hitachiSession, HitachiSessionError } from "./hitachi-session.js";
export type {
  HitachiCredentials,
  HitachiPasswordCredentials,
  HitachiSession,
  HitachiSessionInfo,
  HitachiSessionOptions,
  HitachiSessionStage,
  HitachiTokenCredentials,
  HitachiTokenRequest,
} from "./hitachi-session.js";
