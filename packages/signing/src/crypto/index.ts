// Resolved through package.json "imports": node:crypto on Node, Web Crypto everywhere else.
import { crypto } from "#crypto";
import { toBase64, toHex } from "./encoding.js";
import type { Bytes, HashAlgorithm, KeyMaterial, MaybePromise } from "./types.js";

export { crypto };
export type { CryptoProvider, HashAlgorithm, HmacOutput, KeyMaterial, MaybePromise } from "./types.js";
export { toBase64, toHex, utf8 } from "./encoding.js";

// The signers go through these helpers (and `crypto.sha256Hex`), always via the `crypto` object: the
// node provider's plain values come back as they are, a promise (Web Crypto) is passed on for the caller
// to await — `let s = hmacHex(…); if (typeof s !== "string") s = await s;` — so on Node a signer runs
// without an await.

/** True for a promise (Web Crypto), false for a plain value (node:crypto). */
export const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as { then?: unknown }).then === "function";

const asHex = (v: Bytes | string): string => (typeof v === "string" ? v : toHex(v));
const asBase64 = (v: Bytes | string): string => (typeof v === "string" ? v : toBase64(v));

/** Lower-case hex HMAC. */
export function hmacHex(algorithm: HashAlgorithm, key: KeyMaterial, data: string): MaybePromise<string> {
  const r = crypto.hmac(algorithm, key, data, "hex");
  return isPromise(r) ? r.then(asHex) : asHex(r);
}

/** Base64 (padded) HMAC. */
export function hmacBase64(algorithm: HashAlgorithm, key: KeyMaterial, data: string): MaybePromise<string> {
  const r = crypto.hmac(algorithm, key, data, "base64");
  return isPromise(r) ? r.then(asBase64) : asBase64(r);
}

/** Raw HMAC bytes (no `output`: every provider answers with bytes). */
export const hmacBytes = (algorithm: HashAlgorithm, key: KeyMaterial, data: string): MaybePromise<Bytes> =>
  crypto.hmac(algorithm, key, data) as MaybePromise<Bytes>;
