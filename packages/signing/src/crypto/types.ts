/** The few primitives the signers need. Two implementations: Web Crypto (portable) and node:crypto (fast path). */
export type HashAlgorithm = "SHA-256" | "SHA-1";
export type Bytes = Uint8Array;
export type KeyMaterial = string | Uint8Array;
/** What an HMAC returns: raw bytes (default) or the digest already encoded. */
export type HmacOutput = "bytes" | "hex" | "base64";

/**
 * A value, or a promise of it. The node:crypto provider answers synchronously (a plain value), so a
 * signer on Node runs without a single await; Web Crypto answers with promises. Callers accept both:
 * `let v = p.sha256Hex(x); if (typeof v !== "string") v = await v;` (see crypto/index.ts helpers).
 */
export type MaybePromise<T> = T | Promise<T>;

export interface CryptoProvider {
  /**
   * HMAC of UTF-8 `data` under `key` (a string key is UTF-8 encoded). Without `output`, bytes. With
   * "hex" / "base64", the provider may answer with the encoded digest (lower-case hex, padded base64) —
   * node:crypto does — or still with bytes (Web Crypto): use the `hmacHex` / `hmacBase64` helpers of
   * crypto/index.ts rather than calling this directly.
   */
  hmac(algorithm: HashAlgorithm, key: KeyMaterial, data: string, output?: HmacOutput): MaybePromise<Bytes | string>;
  /** Lower-case hex SHA-256 of UTF-8 text or raw bytes. */
  sha256Hex(data: string | Uint8Array): MaybePromise<string>;
  /** Cryptographically random hex string of `bytes` bytes (nonces). */
  randomHex(bytes: number): string;
}
