// network-codes.ts where the `browser` condition of `#network-codes` applies: a browser's fetch reports a
// failed connection as a TypeError without a code, recognised by its message alone (see http.ts).
export const NETWORK_CODES: RegExp | undefined = undefined;
export const undecodableBody: ((err: unknown) => string | false) | undefined = undefined;
export const lastingTransportFault: ((err: unknown) => { kind: "Network" | "MalformedResponse" | "Configuration"; message: string; overLimit?: true } | false) | undefined = undefined;
export const blockedPort: ((err: unknown) => boolean) | undefined = undefined;
export const unresolvedHost: ((err: unknown) => string | undefined) | undefined = undefined;
