// Resolved through package.json "imports": node:crypto on Node, Web Crypto everywhere else.
export { crypto } from "#crypto";
export type { CryptoProvider, HashAlgorithm, KeyMaterial } from "./types.js";
export { toBase64, toHex, utf8 } from "./encoding.js";
