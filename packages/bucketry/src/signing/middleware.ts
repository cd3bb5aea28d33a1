import type { Middleware } from "openapi-fetch";
import type { SignableRequest } from "./types.js";

/**
 * Turns a signing function into openapi-fetch middleware. It runs on every `onRequest`, so each
 * attempt (including retries, which re-enter the middleware chain) gets a fresh date and nonce.
 * The body is read from a clone, so the request stays replayable.
 */
export function signingMiddleware(sign: (request: SignableRequest) => Promise<void>): Middleware {
  return {
    async onRequest({ request }) {
      return signRequest(request, sign);
    },
  };
}

export async function signRequest(request: Request, sign: (request: SignableRequest) => Promise<void>): Promise<Request> {
  const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
  const signable: SignableRequest = {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: new Headers(request.headers),
    body,
  };
  try {
    await sign(signable);
  } catch (err) {
    // The platform's Headers rejects a bad value with a message that quotes it — possibly a security token.
    if (err instanceof TypeError && /header value|ByteString/i.test(err.message)) {
      throw new TypeError("signing: a credential or header value contains a character that cannot be sent in an HTTP header (check for a stray newline or non-ASCII character)");
    }
    throw err;
  }
  return new Request(signable.url, {
    method: request.method,
    headers: signable.headers,
    body: body && body.length > 0 ? (body as BodyInit) : null,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
  });
}
