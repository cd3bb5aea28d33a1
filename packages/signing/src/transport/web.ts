// Portable transport (the `default` condition of `#transport`): the platform's fetch, looked up at call
// time, never captured at import (so MSW and other patches apply).
import { REQUEST_BODY } from "../request-bodies.js";
import type { Transport, TransportOptions } from "./types.js";

export type { Transport, TransportInit, TransportOptions } from "./types.js";

/** `globalThis.fetch`, late-bound. */
export const fetchTransport: Transport = (request, init) => (init === undefined ? globalThis.fetch(request) : globalThis.fetch(request, init as RequestInit));
/** What the facade sends through on this platform. */
export const platformTransport: Transport = fetchTransport;
export const transportName: "fetch" | "node:http" = "fetch";
/** Off Node there is nothing to configure: the platform's fetch manages its own connections. */
export const createPlatformTransport = (_options?: TransportOptions): Transport => fetchTransport;

/**
 * openapi-fetch's `Request` option to pair with `platformTransport`. Here: the platform's Request, looked up
 * per call (so it is not read at import), keeping a string body under `Symbol.for("bucketry.requestBody")`
 * for bucketry's readers of it; `instanceof` recognizes any platform Request. (On Node: a lighter Request
 * the Node transport sends as it is.)
 */
export const platformRequest: typeof Request = class PlatformRequest {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.Request;
  }
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const request = new globalThis.Request(input, init);
    if (typeof init?.body === "string") Object.defineProperty(request, REQUEST_BODY, { value: init.body });
    return request as unknown as PlatformRequest;
  }
} as unknown as typeof Request;

/** Node raises an AbortSignal's listener cap for calls sharing one signal (transport/node.ts); browsers have no cap. */
export function allowManyListeners(_signal: AbortSignal): void {}
