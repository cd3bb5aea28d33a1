/**
 * The platform's own `Request` (read when this module is imported). Kept for code that passes it as
 * openapi-fetch's `Request` option next to `platformTransport`; that option can simply be left out, since every
 * transport takes the platform's Requests. Import the transports from `@bucketry/signing/fetch` to leave the
 * platform's fetch implementation unloaded until a first request.
 * @deprecated Leave openapi-fetch's `Request` option out.
 */
export const platformRequest: typeof Request = globalThis.Request;
