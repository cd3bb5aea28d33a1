/**
 * `@bucketry/signing/transport` (also `bucketry/transport`): the transports of `@bucketry/signing/fetch`, and
 * `platformRequest`.
 *
 * @module @bucketry/signing/transport
 */
export { allowManyListeners, createPlatformTransport, fetchTransport, platformTransport, transportName } from "#transport";
export { INVALID_HTTP_RESPONSE } from "./types.js";
export type { Transport, TransportInit, TransportOptions } from "./types.js";
export { platformRequest } from "./platform-request.js";
