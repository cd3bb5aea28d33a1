/**
 * What the signing middleware signed for each Request it handed on, for explaining a vendor's signature error.
 * Kept apart from the middleware so a bundle that only reads it stays small.
 *
 * @module @bucketry/signing/signed
 */
import type { SignedParts } from "./types.js";

export type { SignedParts };
// The Alibaba signers' encoding, for finding a secret in what they signed (redaction) without importing
// every signer: the package's main entry loads them all.
export { percentEncode } from "./percent-encoding.js";

const signedParts = new WeakMap<Request, SignedParts>();

/** What the signing middleware signed for `request` (the Request it handed on), if it signed it. */
export function signedPartsOf(request: Request): SignedParts | undefined {
  return signedParts.get(request);
}

/** Records what was signed for `request` (the signing middleware calls it). */
export function rememberSigned(request: Request, parts: SignedParts): void {
  signedParts.set(request, parts);
}
