import type { Middleware } from "openapi-fetch";
import { rememberSigned } from "./signed.js";
import type { SignableRequest } from "./types.js";

export { signedPartsOf } from "./signed.js";

/**
 * Turns a signing function into openapi-fetch middleware. It runs on every `onRequest`, so each
 * attempt (including retries, which re-enter the middleware chain) gets a fresh date and nonce.
 *
 * The request in `onRequest` is the one openapi-fetch built for this attempt, so it is signed in place:
 * its headers are handed to the signer as they are (no copy) and the same Request is returned; a new one
 * is made only when the signer changed the URL (a canonical query, RPC's Signature parameter), the
 * request has a body (sent as the exact bytes that were signed, so the request stays replayable), it
 * would follow redirects, or its method is not upper case (see `signRequest`).
 *
 * A signed request never follows a redirect: one made with `redirect: "follow"` (openapi-fetch's default) goes
 * out with `"manual"`, so a 3xx comes back as it is. Followed, it would take the security token and the signed
 * headers to wherever `Location` points (fetch drops `Authorization` across origins, not the vendors' token
 * headers), and a signature is valid only for the host and path it was made for. The bucketry clients send
 * with `"manual"` already; `"error"` is kept.
 */
export function signingMiddleware(sign: (request: SignableRequest) => Promise<void>): Middleware {
  return {
    onRequest({ request }) {
      // A no-cors request's headers only take CORS-safelisted names: sign a copy instead.
      return signed(request, sign, request.mode === "no-cors");
    },
  };
}

/**
 * Signs a copy of `request` and returns it; `request` itself is left untouched (its body is read from a
 * clone). The middleware uses a cheaper path on openapi-fetch's own per-attempt request. The copy does not
 * follow redirects (`"follow"` becomes `"manual"`; see `signingMiddleware`), and carries the method upper-cased:
 * the one signed (`"patch"`, which fetch would send as written, goes out as `"PATCH"`).
 */
export function signRequest(request: Request, sign: (request: SignableRequest) => Promise<void>): Promise<Request> {
  return signed(request, sign, true);
}

/** One path for both: `copy` signs a copy (see `signRequest`), else the request itself where it can (see `signingMiddleware`). */
async function signed(request: Request, sign: (request: SignableRequest) => Promise<void>, copy: boolean): Promise<Request> {
  // The body is read once, here (from a clone for a copy); the request goes out rebuilt around those bytes.
  const body = request.body === null ? undefined : new Uint8Array(await (copy ? request.clone() : request).arrayBuffer());
  const signable: SignableRequest = {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: copy ? new Headers(request.headers) : request.headers,
    body,
    signal: request.signal,
  };
  await signSafely(sign, signable);
  // A method fetch keeps as written ("patch": only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased) goes
  // out rebuilt with the upper-case method the signers sign, as the official SDKs send and sign it.
  const inPlace = !copy && body === undefined && signable.url.href === request.url && request.redirect !== "follow" && signable.method === request.method;
  const sent = inPlace ? request : rebuild(request, signable);
  if (signable.signed) rememberSigned(sent, signable.signed);
  return sent;
}

async function signSafely(sign: (request: SignableRequest) => Promise<void>, signable: SignableRequest): Promise<void> {
  try {
    await sign(signable);
  } catch (err) {
    // The platform's Headers rejects a bad value with a message that quotes it — possibly a security token.
    if (err instanceof TypeError && /header value|ByteString/i.test(err.message)) {
      throw new TypeError("signing: a credential or header value contains a character that cannot be sent in an HTTP header (check for a stray newline or non-ASCII character)");
    }
    throw err;
  }
}

function rebuild(request: Request, signable: SignableRequest): Request {
  const body = signable.body;
  return new Request(signable.url, {
    method: signable.method,
    headers: signable.headers,
    body: body && body.length > 0 ? (body as BodyInit) : null,
    signal: request.signal,
    redirect: request.redirect === "follow" ? "manual" : request.redirect,
    credentials: request.credentials,
    // The rest of what the caller asked for (a client's `cache: "no-store"`, `referrerPolicy`, `keepalive`). A
    // no-cors request's copy is a CORS one: no-cors would drop the signature's headers.
    mode: request.mode === "no-cors" || request.mode === "navigate" ? "cors" : request.mode,
    cache: request.cache,
    keepalive: request.keepalive,
    integrity: request.integrity,
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  });
}
