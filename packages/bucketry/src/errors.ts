// One error shape for all five vendors. Errors are data: a program branches on `kind` and `retryable`,
// a human reads `message`, support gets `requestId`. Nothing secret is ever stored on an error.
import type { Provider } from "./model.js";

export type ErrorKind =
  | "NoSuchBucket"
  | "NotFound"
  | "AccessDenied"
  | "InvalidCredentials"
  | "SignatureMismatch"
  | "InvalidArgument"
  | "Throttled"
  | "ClockSkew"
  | "Unavailable"
  | "ServerError"
  | "Network"
  | "Timeout"
  | "Aborted"
  | "MalformedResponse"
  | "Configuration"
  | "Unknown";

/** One side of a signature: what was signed. */
export interface SignedText {
  canonicalRequest?: string | undefined;
  stringToSign?: string | undefined;
}

/**
 * On a signature error: what bucketry signed, what the vendor says it expected (when its answer carries that:
 * OSS's `<StringToSign>`/`<CanonicalRequest>`, the Alibaba gateway's "server string to sign is: …"), and where
 * they first differ. Never a secret or a derived key: a security token in a signed header shows as `[redacted]`.
 */
export interface SignatureComparison {
  ours: SignedText;
  server?: SignedText | undefined;
  firstDifference?: SignatureDifference | undefined;
}

/** The first line where ours and the server's text differ (1-based line and column), with both lines. */
export interface SignatureDifference {
  part: "canonicalRequest" | "stringToSign";
  line: number;
  column: number;
  ours: string;
  server: string;
}

/**
 * Alibaba RAM's account of an access denial (ENS's and OSS's `AccessDeniedDetail`), field by field as the vendor
 * names them, in camelCase: the action to grant (`authAction`, `ens:ListBuckets`), to whom, and what denied it.
 * Huawei IAM's denial (MPC) gives only `encodedAuthorizationMessage`.
 */
export interface AccessDeniedDetail {
  /** The RAM action that was evaluated (`oss:GetBucketAcl`): what a policy must allow. */
  authAction?: string | undefined;
  /** The caller's identity type: `SubUser`, `AssumedRoleUser`, `Federated`. */
  authPrincipalType?: string | undefined;
  /** The account that owns the calling identity. */
  authPrincipalOwnerId?: string | undefined;
  /** The calling identity. */
  authPrincipalDisplayName?: string | undefined;
  /** `ImplicitDeny` (no policy allows it) or `ExplicitDeny` (a Deny statement matched). */
  noPermissionType?: string | undefined;
  /** The kind of policy that denied it (`AccountLevelIdentityBasedPolicy`, `ControlPolicy`, …). */
  policyType?: string | undefined;
  /** Decode it with RAM's `DecodeDiagnosticMessage` for the matched policies. */
  encodedDiagnosticMessage?: string | undefined;
  /** Huawei IAM's `encoded_authorization_message` (MPC): decode it with IAM's `DecodeAuthorizationMessage`. */
  encodedAuthorizationMessage?: string | undefined;
  /** Any other text field RAM adds, named the same way. */
  [field: string]: string | undefined;
}

export interface BucketryErrorInit {
  provider?: Provider | undefined;
  kind: ErrorKind;
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  vendorMessage?: string | undefined;
  requestId?: string | undefined;
  ec?: string | undefined;
  helpUrl?: string | undefined;
  accessDeniedDetail?: AccessDeniedDetail | undefined;
  endpoint?: string | undefined;
  retryable?: boolean | undefined;
  attempts?: number | undefined;
  /**
   * Seconds or a delay the server asked for (Retry-After, x-acs-retry-after), in milliseconds; for a credential
   * source that failed, the time until it is asked again (until then the same error is returned).
   */
  retryAfterMs?: number | undefined;
  /** The server's clock (from its Date header), for clock-skew correction. */
  serverTime?: number | undefined;
  signature?: SignatureComparison | undefined;
  cause?: unknown;
}

/** The key of Node's and Deno's custom inspection (util.inspect, console.log). */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
/**
 * What every copy of this class carries (two versions of bucketry installed, or two bundles of it): a program
 * checking an error with its own copy's `isBucketryError` or `instanceof BucketryError` recognizes the others'.
 */
const BRAND = Symbol.for("bucketry.BucketryError");

export class BucketryError extends Error {
  override readonly name = "BucketryError";
  // Declared, not initialized: the constructor sets every one (no second, undefined-first definition).
  declare readonly provider: Provider | undefined;
  declare readonly kind: ErrorKind;
  /** HTTP status, when a response arrived. */
  declare readonly status: number | undefined;
  /** The vendor's own error code (`NoSuchBucket`, `APIGW.0308`, `Throttling.User`, …). */
  declare readonly code: string | undefined;
  /** The vendor's own message, verbatim. */
  declare readonly vendorMessage: string | undefined;
  /** The vendor's request id, from the response header or body. */
  declare readonly requestId: string | undefined;
  /**
   * OSS's EC, a finer error code than `code` (`0003-00000001`; body `<EC>` or header `x-oss-ec`): what OSS's
   * troubleshooting pages and support go by. OSS says it may change between releases: branch on `kind` or `code`.
   */
  declare readonly ec: string | undefined;
  /** The vendor's page about this error, as its answer links it (ENS `Recommend`, OSS `RecommendDoc`); http(s) only. */
  declare readonly helpUrl: string | undefined;
  /** On an Alibaba access denial (ENS, OSS) whose answer explains it: the action RAM denied, to whom, and why. */
  declare readonly accessDeniedDetail: AccessDeniedDetail | undefined;
  /**
   * The host the vendor says serves this bucket (OSS's `<Endpoint>` in a PermanentRedirect, or in a 403 for a bucket
   * of another region): a host name, not a URL. For OSS, its region (`oss-cn-shanghai…` → `cn-shanghai`) is what to
   * pass as `region`; the message names it.
   */
  declare readonly endpoint: string | undefined;
  declare readonly retryable: boolean;
  /** How many attempts were made before this error was returned. */
  declare attempts: number;
  declare readonly retryAfterMs: number | undefined;
  declare readonly serverTime: number | undefined;
  /** On a signature error: what bucketry signed, what the vendor expected, where they differ. */
  declare readonly signature: SignatureComparison | undefined;

  constructor(init: BucketryErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
    this.ec = init.ec;
    this.helpUrl = init.helpUrl;
    this.accessDeniedDetail = init.accessDeniedDetail;
    this.endpoint = init.endpoint;
    this.retryable = init.retryable ?? false;
    this.attempts = init.attempts ?? 1;
    this.retryAfterMs = init.retryAfterMs;
    this.serverTime = init.serverTime;
    this.signature = init.signature;
  }

  /** Any copy's BucketryError (see BRAND); a subclass keeps the usual prototype-chain test. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === BucketryError ? (value as { [BRAND]?: unknown } | null | undefined)?.[BRAND] === true : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      provider: this.provider,
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: this.message,
      vendorMessage: this.vendorMessage,
      requestId: this.requestId,
      ec: this.ec, // undefined ones drop out of JSON.stringify
      helpUrl: this.helpUrl,
      accessDeniedDetail: this.accessDeniedDetail,
      endpoint: this.endpoint,
      retryable: this.retryable,
      attempts: this.attempts,
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.serverTime !== undefined ? { serverTime: this.serverTime } : {}),
      ...(this.signature ? { signature: this.signature } : {}),
    };
  }

  // util.inspect / console.log show the data fields only; `cause` may hold a low-level error whose
  // properties (a Request, headers) could carry credentials, so it is summarized by name and message.
  [INSPECT](): string {
    const fields = this.toJSON();
    const cause = this.cause instanceof Error ? `${this.cause.name}: ${this.cause.message}` : undefined;
    return `BucketryError ${JSON.stringify({ ...fields, cause })}\n${this.stack?.split("\n").slice(1).join("\n") ?? ""}`;
  }
}

// On the prototype, not enumerable: no own field of an error (its spread, toJSON) changes.
Object.defineProperty(BucketryError.prototype, BRAND, { value: true });

/** Whether `value` is a BucketryError, from this copy of bucketry or any other. */
export function isBucketryError(value: unknown): value is BucketryError {
  return value instanceof BucketryError;
}

/**
 * An error bucketry writes itself: its message starts with the provider (`aliyun-oss: …`). `fields`: any other
 * field of the error (status, retryable, cause, …).
 */
export const providerError = (provider: Provider, kind: ErrorKind, text: string, fields?: Omit<BucketryErrorInit, "provider" | "kind" | "message">): BucketryError =>
  new BucketryError({ provider, kind, message: `${provider}: ${text}`, ...fields });

/** Kinds that a retry can fix by itself (the retry layer still decides per attempt). */
export const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set(["Throttled", "Unavailable", "ServerError", "Network", "Timeout", "ClockSkew"]);
