// `bucketry/transport`: the transport the facade uses by default, for bare generated clients too
// (`createClient({ fetch: platformTransport, Request: platformRequest })`). Resolved through package.json "imports": a keep-alive
// node:http transport on Node (transport/node.ts), the platform's fetch elsewhere (transport/web.ts:
// browsers, edge runtimes). `fetchTransport` is global fetch, late-bound, on every platform.
export { createPlatformTransport, fetchTransport, platformRequest, platformTransport, transportName } from "#transport";
export type { Transport, TransportInit, TransportOptions } from "./types.js";
// For the facade's runtime: one AbortSignal over many calls, and bodies kept by a client's Request class.
export { allowManyListeners } from "#transport";
export { keptBody } from "../request-bodies.js";
