// Checks of credential values and the errors the facade reports for them (shared by the credential sources of
// src/credentials.ts and the Node-only chained sources of credentials/chained.ts).
import { BucketryError, providerError } from "../errors.js";
import type { Provider } from "../model.js";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { ownErrors, retryIn } from "./own-errors.js";
import type { CredentialChainError, CredentialSourceError } from "./types.js";

/** The errors about credentials (a Configuration error may also be about an option: the CLI tells them apart). */
const aboutCredentials = new WeakSet<BucketryError>();
/** Marks `error` as one about credentials (made here, by a credentials source, or by a session's credential stage). */
export const marked = (error: BucketryError): BucketryError => (aboutCredentials.add(error), error);
export const isCredentialsError = (error: BucketryError): boolean => aboutCredentials.has(error);

export function missing(provider: Provider, what: string): BucketryError {
  return marked(providerError(provider, "Configuration", what));
}

/**
 * Values sent in a header (key ids, security tokens, bearer tokens) must be visible ASCII: anything else
 * would make the transport throw an error that quotes the value. The check names the field, never the value.
 */
export function isHeaderSafe(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value);
}

const NOT_HEADER_SAFE = "contains a character that cannot be sent in an HTTP header (space, control character or non-ASCII): check for a stray newline or quote";

/**
 * Why `value`, not header-safe, cannot go in a header (to follow its field's name; never the value): one sendable
 * once trimmed (a key read from a file with its newline) is told so, anything else by the general rule.
 */
export const headerProblem = (value: string): string => (isHeaderSafe(value.trim()) ? "has leading or trailing whitespace (a newline from a file?): trim it" : NOT_HEADER_SAFE);

/** Checks credentials given as an object (functions are checked on each call, see `checkedSource`). */
export function assertAccessKeyCredentials(provider: Provider, value: unknown): asserts value is AccessKeyCredentials {
  const c = value as Partial<AccessKeyCredentials> | null;
  if (!c || typeof c !== "object") throw missing(provider, "`credentials` must be { accessKeyId, accessKeySecret, securityToken? } or a function returning it");
  // Every field present and well-formed first, then every field sendable in a header.
  for (const key of ["accessKeyId", "accessKeySecret"] as const) {
    const v = c[key];
    if (typeof v !== "string" || v.trim() === "") throw missing(provider, `credentials.${key} is missing or empty`);
  }
  if (c.securityToken !== undefined && (typeof c.securityToken !== "string" || c.securityToken === "")) {
    throw missing(provider, "credentials.securityToken, when given, must be a non-empty string");
  }
  for (const key of ["accessKeyId", "accessKeySecret", "securityToken"] as const) {
    const v = c[key];
    if (v !== undefined && !isHeaderSafe(v)) throw missing(provider, `credentials.${key} ${headerProblem(v)}`);
  }
}

/**
 * `credentials` with surrounding whitespace taken off its accessKeyId and accessKeySecret (not its token), for a
 * vendor whose official SDK does so with the keys it is given: a key pasted from a file ends in a newline.
 * Anything else (a function, a malformed value) as it is, for the checks to judge.
 */
export function trimmedKeys<T>(credentials: T): T {
  const c = credentials as Partial<AccessKeyCredentials> | null | undefined;
  return typeof c?.accessKeyId === "string" && typeof c.accessKeySecret === "string" ? ({ ...c, accessKeyId: c.accessKeyId.trim(), accessKeySecret: c.accessKeySecret.trim() } as T) : credentials;
}

/** Checks a bearer/IAM token the same way (never echoing it). */
export function assertToken(provider: Provider, token: unknown, what = "credentials.token"): asserts token is string {
  if (typeof token !== "string" || token.trim() === "") throw missing(provider, `${what} is missing or empty`);
  if (!isHeaderSafe(token)) throw missing(provider, `${what} ${headerProblem(token)}`);
}

/**
 * A chain's failure as the facade reports it: Configuration (nothing found), InvalidCredentials (a configured
 * source refused or broken), or — when the source failed in a way that may pass (network, no answer, 5xx,
 * 429) — that kind, retryable, with `retryAfterMs` the time until the source is asked again (a cache's failure
 * backoff): a retry sooner would get the same error. `givenAsFunction`: the chain is the caller's `credentials`
 * function, so the message does not suggest passing `credentials`.
 */
export function credentialsError(provider: Provider, err: unknown, retryAfterMs?: number, givenAsFunction?: boolean): BucketryError {
  const name = ownName(err);
  if (name) {
    const e = err as Pick<CredentialChainError, "message" | "transient" | "sourceFailed"> & Pick<CredentialSourceError, "source" | "configured">;
    const chain = name === "CredentialChainError";
    // A chain names its sources in its message; a source is named before its reason.
    const kind = e.transient ?? ((chain ? e.sourceFailed : e.configured) ? "InvalidCredentials" : "Configuration");
    const text = chain ? `${e.message}${givenAsFunction ? "" : " (or pass `credentials` in the options)"}` : `${e.source}: ${e.message}`;
    return marked(providerError(provider, kind, text, { retryable: e.transient !== undefined, retryAfterMs: e.transient && retryAfterMs }));
  }
  return err instanceof BucketryError ? err : marked(providerError(provider, "InvalidCredentials", "the credential source failed"));
}

/**
 * The class of one of bucketry's own credential errors (registered as they are made), else undefined: only those
 * are repeated, as an error merely named like one could say anything.
 */
const ownName = (err: unknown): string | undefined => {
  const name = ownErrors.has(err as object) ? (err as Error).name : undefined;
  return name === "CredentialChainError" || name === "CredentialSourceError" ? name : undefined;
};

/**
 * What a caller's credentials function threw, reported without its message or the error itself: a vault or SSO
 * client's error text may quote a key that bucketry has never seen, so no redaction could hide it. The name and
 * a code-shaped `code` say what failed; the function's own logging can say why. bucketry's own credential errors
 * (a `bucketry/credentials` source passed as the function, e.g. `refreshing(fromBaiduSts(…)).get`) never quote a
 * secret: they are reported as a chain's are, with their message and their kind (a 5xx stays retryable).
 */
export function credentialsFunctionFailed(provider: Provider, err: unknown): BucketryError {
  if (err instanceof BucketryError) return err;
  if (ownName(err)) return credentialsError(provider, err, retryIn.get(err as object)?.() || undefined, true);
  const name = err instanceof Error && /^\w{1,64}$/.test(err.name) ? err.name : "a non-Error value";
  const code = (err as { code?: unknown } | null | undefined)?.code;
  const shown = typeof code === "string" && /^[\w.-]{1,64}$/.test(code) ? ` (code ${code})` : "";
  return marked(providerError(provider, "InvalidCredentials", `the credentials function threw ${name}${shown} (its message may hold a secret: log it there)`));
}

