// Portable transport: the platform's fetch, looked up at call time (so MSW and other patches apply).
export const platformTransport = (request: Request): Promise<Response> => globalThis.fetch(request);
export const transportName = "fetch";
