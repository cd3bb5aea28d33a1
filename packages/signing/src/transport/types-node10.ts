// The declarations of `@bucketry/signing/transport` for TypeScript's `node10` module resolution (package.json
// "typesVersions"), which cannot follow the "#transport" import: the portable transport's shapes are the same.
export * from "./web.js";
export { INVALID_HTTP_RESPONSE } from "./types.js";
export { platformRequest } from "./platform-request.js";
