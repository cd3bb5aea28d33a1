// `bucketry/transport`: the transport the facade uses by default, for bare generated clients too
// (`createClient({ fetch: platformTransport, Request: platformRequest })`). Resolved through package.json "imports": a keep-alive
// node:http transport on Node (transport/node.ts), the platform's fetch elsewhere (transport/web.ts:
// browsers, edge runtimes). `fetchTransport` is global fetch, late-bound, on every platform.
export { createPlatformTransport, fetchTransport, platformRequest, platformTransport, transportName } from "#transport";
export type { Transport, TransportInit, TransportOptions } from "./types.js";
