// Node fast path, selected by the `node` condition of the package's `#crypto` import: synchronous
// node:crypto, answered as plain values (no promise, no await in the signers), digests encoded
// natively (hex/base64) instead of through a Uint8Array.
//
// HMAC: where Node has the one-shot `crypto.hash` (>= 20.12 / 21.7), HMAC is computed from its definition,
// H((K ^ opad) || H((K ^ ipad) || m)), with the padded key blocks prepared once per key and two one-shot
// hashes over preallocated buffers — cheaper than `createHmac`, which sets up a key, a stateful object and
// three native calls per message. Otherwise (older Node, or a message too large for the scratch buffer)
// it is `createHmac`.
//
// node:crypto is loaded at the first digest, not when a signer is imported: importing it loads some thirty of
// Node's internal modules (streams among them), a large part of an app's cold start that signs nothing yet.
import type * as NodeCrypto from "node:crypto";
import { builtin } from "../node-builtins.js";
import type { Bytes, CryptoProvider, HashAlgorithm, HmacOutput, KeyMaterial } from "./types.js";

type OneShot = {
  (algorithm: string, data: string | Uint8Array, output: "hex" | "base64" | "latin1"): string;
  (algorithm: string, data: string | Uint8Array, output: "buffer"): Buffer;
};
let nodeCrypto: typeof NodeCrypto | undefined;
/** `crypto.hash` where Node has it; read with node:crypto. */
let oneShot: OneShot | undefined;
function lib(): typeof NodeCrypto {
  if (nodeCrypto === undefined) {
    nodeCrypto = builtin<typeof NodeCrypto>("node:crypto");
    oneShot = (nodeCrypto as { hash?: OneShot }).hash;
  }
  return nodeCrypto;
}

const BLOCK = 64; // SHA-1 and SHA-256 block size
const SCRATCH_BYTES = 8192;
/** Longest message (UTF-16 code units, ≤ 3 UTF-8 bytes each) that fits the scratch buffer. */
const MAX_CHARS = Math.floor((SCRATCH_BYTES - BLOCK) / 3);
// Inner message buffer: [K ^ ipad | message]; outer: [K ^ opad | inner digest]. Reused by every call:
// everything below is synchronous, so no two calls can interleave.
const inner = Buffer.allocUnsafe(SCRATCH_BYTES);
const outer = Buffer.allocUnsafe(BLOCK + 32);
/** The pads currently at the start of `inner` / `outer`. */
let innerKey: Buffer | undefined;
// Buffer#utf8Write / #latin1Write (what Buffer#write calls after its argument checks) are undocumented;
// Buffer#write is the fallback.
type RawWriters = Buffer & { utf8Write(text: string, offset: number): number; latin1Write(text: string, offset: number): number };
const innerW = inner as RawWriters;
const outerW = outer as RawWriters;
const HAS_RAW_WRITE = typeof innerW.utf8Write === "function" && typeof outerW.latin1Write === "function";
/** Views of `inner` by length, made once: message lengths repeat (same dates, same paths). */
const innerViews: Buffer[] = [];
const outerSha1 = outer.subarray(0, BLOCK + 20);
const outerSha256 = outer.subarray(0, BLOCK + 32);

/** [K ^ ipad | K ^ opad] per key, per algorithm (a key longer than a block is hashed first). */
const stringPads = { "SHA-1": new Map<string, Buffer>(), "SHA-256": new Map<string, Buffer>() };
const bytePads = { "SHA-1": new WeakMap<Uint8Array, Buffer>(), "SHA-256": new WeakMap<Uint8Array, Buffer>() };
const PAD_CACHE_LIMIT = 64;

const nodeName = (algorithm: HashAlgorithm): "sha1" | "sha256" => (algorithm === "SHA-256" ? "sha256" : "sha1");

function pads(algorithm: HashAlgorithm, key: KeyMaterial): Buffer {
  let p: Buffer | undefined;
  if (typeof key === "string") {
    const cache = stringPads[algorithm];
    p = cache.get(key);
    if (p === undefined) {
      if (cache.size >= PAD_CACHE_LIMIT) cache.clear(); // keys are few (secrets, derived keys); BCE's change each second
      p = makePads(algorithm, Buffer.from(key, "utf8"));
      cache.set(key, p);
    }
  } else {
    // Byte keys (OSS V4's derived keys) are cached by identity: callers never mutate a key they pass.
    const cache = bytePads[algorithm];
    p = cache.get(key);
    if (p === undefined) {
      p = makePads(algorithm, key);
      cache.set(key, p);
    }
  }
  return p;
}

function makePads(algorithm: HashAlgorithm, raw: Uint8Array): Buffer {
  const k = raw.length > BLOCK ? lib().createHash(nodeName(algorithm)).update(raw).digest() : raw;
  const p = Buffer.alloc(2 * BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const b = i < k.length ? k[i]! : 0;
    p[i] = b ^ 0x36;
    p[BLOCK + i] = b ^ 0x5c;
  }
  return p;
}

function hmacSync(algorithm: HashAlgorithm, key: KeyMaterial, data: string, output: HmacOutput | undefined): Bytes | string {
  const c = nodeCrypto ?? lib();
  if (oneShot === undefined || data.length > MAX_CHARS) {
    const h = c.createHmac(nodeName(algorithm), key).update(data, "utf8");
    // A Buffer is a Uint8Array: returned as is, without a copy.
    return output === "hex" || output === "base64" ? h.digest(output) : h.digest();
  }
  const alg = nodeName(algorithm);
  const p = pads(algorithm, key);
  // The pads stay in the scratch buffers while the same key signs again (the usual case).
  if (innerKey !== p) {
    inner.set(p.subarray(0, BLOCK), 0);
    outer.set(p.subarray(BLOCK), 0);
    innerKey = p;
  }
  const n = HAS_RAW_WRITE ? innerW.utf8Write(data, BLOCK) : inner.write(data, BLOCK, "utf8");
  const length = BLOCK + n;
  // The inner digest travels as a latin1 string (one byte per char): much cheaper than a Buffer result.
  const innerDigest = oneShot(alg, (innerViews[length] ??= inner.subarray(0, length)), "latin1");
  if (HAS_RAW_WRITE) outerW.latin1Write(innerDigest, BLOCK);
  else outer.write(innerDigest, BLOCK, "latin1");
  const message = alg === "sha1" ? outerSha1 : outerSha256;
  return output === "hex" || output === "base64" ? oneShot(alg, message, output) : oneShot(alg, message, "buffer");
}

export const crypto: CryptoProvider = {
  hmac(algorithm, key, data, output) {
    return hmacSync(algorithm, key, data, output);
  },
  sha256Hex(data) {
    const c = nodeCrypto ?? lib();
    if (oneShot !== undefined) return oneShot("sha256", data, "hex");
    const h = c.createHash("sha256");
    return typeof data === "string" ? h.update(data, "utf8").digest("hex") : h.update(data).digest("hex");
  },
  randomHex(bytes) {
    return lib().randomBytes(bytes).toString("hex");
  },
};
