// Node fast path, selected by the `node` condition of the package's `#crypto` import: synchronous
// node:crypto HMAC is several times cheaper per call than an awaited Web Crypto sign.
import { createHash, createHmac, randomBytes } from "node:crypto";
import type { CryptoProvider } from "./types.js";

export const crypto: CryptoProvider = {
  async hmac(algorithm, key, data) {
    // A Buffer is a Uint8Array: returned as is, without a copy.
    return createHmac(algorithm === "SHA-256" ? "sha256" : "sha1", key).update(data, "utf8").digest();
  },
  async sha256Hex(data) {
    const h = createHash("sha256");
    return typeof data === "string" ? h.update(data, "utf8").digest("hex") : h.update(data).digest("hex");
  },
  randomHex(bytes) {
    return randomBytes(bytes).toString("hex");
  },
};
