// Portable implementation: Web Crypto only (Node >= 20, Deno, Bun, workers, browsers).
import type { CryptoProvider, HashAlgorithm, KeyMaterial } from "./types.js";
import { toHex, utf8 } from "./encoding.js";

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("bucketry needs Web Crypto (globalThis.crypto.subtle); use a secure context or Node >= 20");
  return s;
};

// Imported keys are cached per (algorithm, key): derived signing keys repeat across requests.
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_LIMIT = 256;

function importKey(algorithm: HashAlgorithm, key: KeyMaterial): Promise<CryptoKey> {
  const raw = typeof key === "string" ? utf8(key) : key;
  const cacheKey = `${algorithm}:${toHex(raw)}`;
  let cached = keyCache.get(cacheKey);
  if (!cached) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    cached = subtle().importKey("raw", raw as BufferSource, { name: "HMAC", hash: algorithm }, false, ["sign"]);
    keyCache.set(cacheKey, cached);
  }
  return cached;
}

export const crypto: CryptoProvider = {
  // Bytes whatever `output` asks for: crypto/index.ts's helpers encode them.
  async hmac(algorithm, key, data) {
    const k = await importKey(algorithm, key);
    return new Uint8Array(await subtle().sign("HMAC", k, utf8(data) as BufferSource));
  },
  async sha256Hex(data) {
    const bytes = typeof data === "string" ? utf8(data) : data;
    return toHex(new Uint8Array(await subtle().digest("SHA-256", bytes as BufferSource)));
  },
  randomHex(bytes) {
    const buf = new Uint8Array(bytes);
    globalThis.crypto.getRandomValues(buf);
    return toHex(buf);
  },
};
