// Request bodies remembered by the Request that carries them: a Request built by a bucketry client's Request
// class (the generated Hitachi client's) keeps its string body under the registry symbol
// `Symbol.for("bucketry.requestBody")` (its package exports it as REQUEST_BODY). Two readers, both to skip
// web-stream work per call:
// - the Hitachi session's 401 replay: without it, every request with a body is cloned up front (a clone tees
//   the body stream: two more web streams), just in case the answer is a 401;
// - the Node transport: sends the kept string instead of reading the body stream back.
// A Request's body cannot change once built, so the kept string is exactly what it carries; a Request made
// any other way (a middleware's replacement, a user's own) has none and takes the ordinary path.

export const REQUEST_BODY: unique symbol = Symbol.for("bucketry.requestBody") as never;

/** The string body `request` was built with, if its Request class kept it. */
export function keptBody(request: Request): string | undefined {
  const body = (request as unknown as Record<symbol, unknown>)[REQUEST_BODY];
  return typeof body === "string" ? body : undefined;
}

/**
 * The class to rebuild `request` with: its own (the Node transport's `platformRequest` makes Requests the
 * platform's constructor cannot read), else the platform's Request.
 */
export function sameKind(request: Request): typeof Request {
  const own = (request as { constructor?: unknown }).constructor;
  return typeof own === "function" && own !== Object ? (own as typeof Request) : globalThis.Request;
}
