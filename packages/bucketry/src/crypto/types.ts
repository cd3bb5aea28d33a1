/** The few primitives the signers need. Two implementations: Web Crypto (portable) and node:crypto (fast path). */
export type HashAlgorithm = "SHA-256" | "SHA-1";
export type Bytes = Uint8Array;
export type KeyMaterial = string | Uint8Array;

export interface CryptoProvider {
  /** HMAC of UTF-8 `data` under `key` (a string key is UTF-8 encoded). */
  hmac(algorithm: HashAlgorithm, key: KeyMaterial, data: string): Promise<Bytes>;
  /** Lower-case hex SHA-256 of UTF-8 text or raw bytes. */
  sha256Hex(data: string | Uint8Array): Promise<string>;
  /** Cryptographically random hex string of `bytes` bytes (nonces). */
  randomHex(bytes: number): string;
}
