export { signingMiddleware, signRequest } from "./middleware.js";
export type { AccessKeyCredentials, Clock, CredentialSource, SignableRequest } from "./types.js";
