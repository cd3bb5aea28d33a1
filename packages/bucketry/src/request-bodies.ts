// Request bodies remembered by the Request that carries them (the facade's Hitachi client builds its Requests
// with `BodyKeepingRequest`). Two readers, both to skip web-stream work per call:
// - the Hitachi session's 401 replay: without it, every request with a body is cloned up front (a clone tees
//   the body stream: two more web streams), just in case the answer is a 401;
// - the Node transport: sends the kept string instead of reading the body stream back.

/** A Request → the string body it was built with. Filled only by `BodyKeepingRequest`; weak, so never a leak. */
export const requestBodies = new WeakMap<Request, string>();

/**
 * openapi-fetch's `Request` option for a client whose session may replay requests: `globalThis.Request`
 * looked up per call (as the generated packages' own), and a string body (what the JSON serializer gives)
 * remembered in `requestBodies`. A Request's body cannot change once built, so the string is exactly what it
 * carries. It makes real Requests, and `instanceof` recognizes any real Request.
 */
class BodyKeepingRequestClass {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.Request;
  }
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const request = new globalThis.Request(input, init);
    if (typeof init?.body === "string") requestBodies.set(request, init.body);
    return request;
  }
}
export const BodyKeepingRequest = BodyKeepingRequestClass as unknown as typeof Request;
