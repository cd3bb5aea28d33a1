// Node transport (selected by the `node` condition of `#transport`). Placeholder: same as web until the
// keep-alive node:http transport lands.
export const platformTransport = (request: Request): Promise<Response> => globalThis.fetch(request);
export const transportName = "fetch";
