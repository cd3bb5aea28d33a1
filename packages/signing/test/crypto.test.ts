import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crypto, hmacBase64, hmacBytes, hmacHex, isPromise } from "../src/crypto/index.js";
import type { HashAlgorithm } from "../src/crypto/index.js";

// The CryptoProvider behind every signer (node:crypto by default, Web Crypto with BUCKETRY_CRYPTO=web)
// against node:crypto's createHmac / createHash. The node provider computes HMAC from its definition over
// one-shot hashes with cached key pads and shared scratch buffers; these cases cover key lengths around
// the 64-byte block (longer keys are hashed first), byte keys, non-ASCII and lone-surrogate messages,
// messages past the scratch buffer (createHmac fallback) and keys alternating between calls.

const settle = async <T>(v: T | Promise<T>): Promise<T> => (isPromise(v) ? await v : v);
const nodeAlg = (a: HashAlgorithm) => (a === "SHA-256" ? "sha256" : "sha1");

const keyArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 140 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
  fc.uint8Array({ minLength: 1, maxLength: 140 }),
);
const dataArb = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }), // includes lone surrogates
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.nat({ max: 4000 }).map((n) => "x".repeat(n)), // crosses the scratch limit (createHmac fallback)
  fc.nat({ max: 1500 }).map((n) => "\u00e9\u4e2d".repeat(n)),
);

describe("crypto provider", () => {
  it("hmac (hex, base64, bytes) matches node:crypto createHmac", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<HashAlgorithm>("SHA-1", "SHA-256"), keyArb, dataArb, async (alg, key, data) => {
        const expected = createHmac(nodeAlg(alg), key).update(data, "utf8").digest();
        expect(await settle(hmacHex(alg, key, data))).toBe(expected.toString("hex"));
        expect(await settle(hmacBase64(alg, key, data))).toBe(expected.toString("base64"));
        expect(Buffer.from(await settle(hmacBytes(alg, key, data))).equals(expected)).toBe(true);
      }),
      { seed: 0x5ec7, numRuns: 400 },
    );
  });

  it("keeps results right when keys, algorithms and message lengths alternate", async () => {
    const keys = ["k1", "a-much-longer-secret-key-that-is-more-than-sixty-four-bytes-long-0123456789", new Uint8Array([1, 2, 3])];
    for (let i = 0; i < 60; i++) {
      const key = keys[i % keys.length]!;
      const alg: HashAlgorithm = i % 2 === 0 ? "SHA-1" : "SHA-256";
      const data = "m".repeat((i * 37) % 200) + i;
      expect(await settle(hmacHex(alg, key, data))).toBe(createHmac(nodeAlg(alg), key).update(data).digest("hex"));
    }
  });

  it("sha256Hex matches node:crypto createHash for text and bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), async (data) => {
        const expected = createHash("sha256").update(data).digest("hex");
        expect(await settle(crypto.sha256Hex(data))).toBe(expected);
      }),
      { seed: 0x5a256, numRuns: 200 },
    );
  });

  it("randomHex returns fresh lower-case hex of the asked length", () => {
    const a = crypto.randomHex(16);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(crypto.randomHex(16)).not.toBe(a);
  });
});
