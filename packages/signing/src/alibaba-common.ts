// What the four Alibaba Cloud signers (ACS3, RPC v1, OSS V4, OSS V1) share besides percent-encoding
// (percent-encoding.ts): date formats, nonces, the empty-payload hash and the access-key check.
import { crypto } from "./crypto/index.js";
import { assertCredentialsObject, assertHeaderSafeCredentials } from "./types.js";

// Date strings are memoised per second: a signer formats the same second many times under load.
let isoSecondsAt = NaN;
let isoSecondsText = "";
/** `2023-10-26T10:22:32Z` (ACS3 x-acs-date, RPC Timestamp). */
export function isoSeconds(epochMs: number): string {
  const s = Math.floor(epochMs / 1000);
  if (s !== isoSecondsAt) {
    isoSecondsText = new Date(s * 1000).toISOString().slice(0, 19) + "Z"; // 2023-10-26T10:22:32.000Z
    isoSecondsAt = s;
  }
  return isoSecondsText;
}

let isoBasicAt = NaN;
let isoBasicText = "";
/** `20231203T121212Z` (OSS V4 x-oss-date). */
export function isoBasic(epochMs: number): string {
  const s = Math.floor(epochMs / 1000);
  if (s !== isoBasicAt) {
    const iso = new Date(s * 1000).toISOString();
    isoBasicText = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + "T" + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + "Z";
    isoBasicAt = s;
  }
  return isoBasicText;
}

let httpDateAt = NaN;
let httpDateText = "";
/** RFC 1123 / HTTP-date: `Thu, 17 Nov 2005 18:49:58 GMT` (OSS V1). */
export function httpDate(epochMs: number): string {
  const s = Math.floor(epochMs / 1000);
  if (s !== httpDateAt) {
    httpDateText = new Date(s * 1000).toUTCString();
    httpDateAt = s;
  }
  return httpDateText;
}

// Nonces: 16 random bytes as 32 hex chars, cut from a pooled CSPRNG buffer: one randomBytes /
// getRandomValues call per 256 nonces instead of one per request (that call is costly next to the rest
// of a signature). Every nonce is still fresh CSPRNG output, used once.
let noncePool = "";
let noncePos = 0;
const NONCE_HEX = 32;
const POOL_BYTES = 4096;

export function randomNonce(): string {
  if (noncePos + NONCE_HEX > noncePool.length) {
    noncePool = crypto.randomHex(POOL_BYTES);
    noncePos = 0;
  }
  const n = noncePool.slice(noncePos, noncePos + NONCE_HEX);
  noncePos += NONCE_HEX;
  return n;
}

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Rejects missing keys without ever echoing the secret. */
export function assertAccessKey(scheme: string, creds: { accessKeyId?: unknown; accessKeySecret?: unknown; securityToken?: unknown }): void {
  assertCredentialsObject(scheme, creds);
  if (typeof creds.accessKeyId !== "string" || creds.accessKeyId === "") {
    throw new Error(`${scheme}: credentials.accessKeyId is missing`);
  }
  if (typeof creds.accessKeySecret !== "string" || creds.accessKeySecret === "") {
    throw new Error(`${scheme}: credentials.accessKeySecret is missing`);
  }
  assertHeaderSafeCredentials(scheme, creds);
}
