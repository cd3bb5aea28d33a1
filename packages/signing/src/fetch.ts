/**
 * `@bucketry/signing/fetch`: the transports as plain fetch-compatible functions, `(request, init) => Promise<Response>`
 * — openapi-fetch's `fetch` option (`createClient({ fetch: platformTransport })`) and the facade's. Resolved
 * through package.json "imports": on Node a keep-alive HTTP/1.1 transport of its own (transport/node.ts), the
 * platform's fetch elsewhere (transport/web.ts: browsers, edge runtimes). `fetchTransport` is global fetch,
 * late-bound, on every platform. The same names as `@bucketry/signing/transport`, without `platformRequest`:
 * importing this entry does not load the platform's fetch implementation (on Node, undici) until a first request.
 *
 * @module @bucketry/signing/fetch
 */
export { allowManyListeners, createPlatformTransport, fetchTransport, platformTransport, transportName } from "#transport";
export { INVALID_HTTP_RESPONSE } from "./transport/types.js";
export type { Transport, TransportInit, TransportOptions } from "./transport/types.js";
