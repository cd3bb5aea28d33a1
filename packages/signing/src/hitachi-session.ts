// `@bucketry/signing/hitachi-session`: the Hitachi VSP One Object session (bearer token + CSRF session) as
// openapi-fetch middleware. Its parts live in ./hitachi/: the token provider, the CSRF session, the cookie
// jar and the middleware that wires them.
export { hitachiSession } from "./hitachi/session-middleware.js";
export type { HitachiSession, HitachiSessionInfo, HitachiSessionOptions } from "./hitachi/session-middleware.js";
export { HitachiSessionError } from "./hitachi/session-error.js";
export type { HitachiSessionStage } from "./hitachi/session-error.js";
export type { HitachiCredentials, HitachiPasswordCredentials, HitachiTokenCredentials, HitachiTokenRequest } from "./hitachi/token-provider.js";
export { readSetCookies, splitCombinedSetCookie } from "./hitachi/cookie-jar.js";
