// Portable transport (the `default` condition of `#transport`): the platform's fetch, looked up at call time,
// never captured at import (so MSW and other patches apply).
import type { Transport, TransportOptions } from "./types.js";

export type { Transport, TransportInit, TransportOptions } from "./types.js";

/** `globalThis.fetch`, late-bound. */
export const fetchTransport: Transport = (request, init) => {
  // fetch does not tell when the request is written: handed over counts as sent (`init.onSent`).
  init?.onSent?.();
  return init === undefined ? globalThis.fetch(request) : globalThis.fetch(request, init as RequestInit);
};
/** What the facade sends through on this platform. */
export const platformTransport: Transport = fetchTransport;
export const transportName: "fetch" | "node:http" = "fetch";
/** Off Node there is nothing to configure: the platform's fetch manages its own connections. */
export const createPlatformTransport = (_options?: TransportOptions): Transport => fetchTransport;

/** Node raises an AbortSignal's listener cap for calls sharing one signal (transport/node.ts); browsers have no cap. */
export function allowManyListeners(_signal: AbortSignal): void {}
