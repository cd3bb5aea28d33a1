// Shapes shared by every credential source and chain. A source either supplies credentials, or reports why
// it did not: "not configured" (the chain moves on quietly) or "failed" (it was configured and broke; the
// chain still moves on, as the vendors' chains do, but a chain that ends with a failure reports it as such) —
// unless it is set up in a way only the vendor's library can use, where the chain stops (unsupportedSource).
// Reasons never quote a secret, a token or a file's content: they name variables, files and HTTP statuses.
import type { AccessKeyCredentials } from "@bucketry/signing";
import { processEnv, type Env } from "./env.js";
import { ownErrors } from "./own-errors.js";

/** Access-key credentials plus where they came from and until when they work. */
export interface ResolvedCredentials extends AccessKeyCredentials {
  /** Epoch ms after which they stop working; absent for long-lived keys. */
  expiration?: number | undefined;
  /** The source that supplied them, e.g. "environment", "cli-profile default (RamRoleArn)", "ecs-ram-role". */
  source: string;
  /** Huawei: the project id the source carries (profile file, environment), if any. */
  projectId?: string | undefined;
}

/** One place credentials can come from. */
export interface CredentialProvider<C = ResolvedCredentials> {
  /** Short name for messages and `bucketry whoami`. */
  readonly name: string;
  /** Credentials, or a `CredentialSourceError` saying why not. */
  resolve(): Promise<C>;
}

/**
 * How a configured source failed when the failure may pass on its own (a network error, no answer in time, a
 * 5xx or 429 answer): the call's kind, retryable. Absent for a failure that will not (a refusal, a bad file).
 */
export type TransientKind = "Network" | "Timeout" | "Unavailable" | "Throttled";

/** The transient kind of an HTTP status a source answered with, if it has one. */
export const statusTransient = (status: number): TransientKind | undefined => (status === 429 ? "Throttled" : status >= 500 ? "Unavailable" : undefined);

/** Why one source supplied nothing. `configured: false` = nothing to use there (skipped). */
export class CredentialSourceError extends Error {
  override readonly name = "CredentialSourceError";
  readonly source: string;
  readonly configured: boolean;
  readonly transient: TransientKind | undefined;
  constructor(source: string, reason: string, configured: boolean, transient?: TransientKind) {
    super(reason);
    this.source = source;
    this.configured = configured;
    this.transient = transient;
    ownErrors.add(this);
  }
}

export interface SourceAttempt {
  source: string;
  reason: string;
  /** True when the source was set up but failed (an STS refusal, a bad file), false when it was absent. */
  configured: boolean;
  /** Set when that failure may pass on its own. */
  transient?: TransientKind | undefined;
}

/** A chain that found nothing: every source tried, in order, and why each supplied nothing. */
export class CredentialChainError extends Error {
  override readonly name = "CredentialChainError";
  readonly attempts: readonly SourceAttempt[];
  /** True when some source was configured but failed (bad keys, STS refusal): kind InvalidCredentials, not Configuration. */
  readonly sourceFailed: boolean;
  /** Set when every configured source that failed did so in a way that may pass (the last one's kind). */
  readonly transient: TransientKind | undefined;
  constructor(chain: string, attempts: readonly SourceAttempt[]) {
    const failed = attempts.some((a) => a.configured);
    const failures = attempts.filter((a) => a.configured);
    // One line (the CLI prints errors as one line): "…; sources tried, in order: 1. environment: …; 2. …".
    const tried = attempts.map((a, i) => `${i + 1}. ${a.source}: ${a.reason}`);
    super(`${failed ? "no usable credentials" : "no credentials found"} in the ${chain} chain; sources tried, in order: ${tried.join("; ")}`);
    this.attempts = attempts;
    this.sourceFailed = failed;
    this.transient = failed && failures.every((a) => a.transient !== undefined) ? failures.at(-1)!.transient : undefined;
    ownErrors.add(this);
  }
}

/** `CredentialSourceError` for a source that has nothing configured. */
export const notConfigured = (source: string, reason: string): CredentialSourceError => new CredentialSourceError(source, reason, false);
/** `CredentialSourceError` for a configured source that failed. */
export const sourceFailed = (source: string, reason: string, transient?: TransientKind): CredentialSourceError => new CredentialSourceError(source, reason, true, transient);

/** The failures after which a chain stops (see `unsupportedSource`). */
const chainStoppers = new WeakSet<CredentialSourceError>();

/**
 * `CredentialSourceError` for a source set up in a way the vendor's library can use and bucketry cannot (an aliyun
 * CLI profile of mode External, Huawei's federated login): the vendor's chain takes its credentials there, so the
 * chain stops with this failure instead of moving on to a source that holds another identity.
 */
export function unsupportedSource(source: string, reason: string): CredentialSourceError {
  return stoppingFailure(source, reason);
}

/**
 * `CredentialSourceError` for a source that is clearly meant to be used (every setting it needs is given) but is
 * broken in a way only its owner can fix (an OIDC token file that is not there): the chain stops, as moving on
 * would sign as another identity (an instance's RAM role) without anyone asking for it.
 */
export function stoppingFailure(source: string, reason: string): CredentialSourceError {
  const err = sourceFailed(source, reason);
  chainStoppers.add(err);
  return err;
}

/** Whether `err` ends a chain (`unsupportedSource`, `stoppingFailure`). */
export const stopsChain = (err: unknown): boolean => err instanceof CredentialSourceError && chainStoppers.has(err);

export type { Env };

/** Options every chain and HTTP-based source takes (all injectable for tests and private clouds). */
export interface SourceOptions {
  /** Environment to read (default `process.env`). */
  env?: Env | undefined;
  /** Home directory for the default file locations (default the OS's). */
  homedir?: string | undefined;
  /** Transport for STS, metadata and IAM requests (default `globalThis.fetch`, looked up per request). */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Epoch-ms clock used for expiry, refresh and request timestamps (default `Date.now`). */
  clock?: (() => number) | undefined;
}

export { processEnv };

/** A value that counts as set: present and not blank (the vendors' libraries treat "" as unset too). */
export function setting(env: Env, name: string): string | undefined {
  const v = env[name];
  return v !== undefined && v.trim() !== "" ? v.trim() : undefined;
}

export const isTrue = (value: string | undefined): boolean => value !== undefined && value.trim().toLowerCase() === "true";

/** `BUCKETRY_METADATA_DISABLED=true` switches every vendor's instance-metadata source off. */
export const METADATA_DISABLED_ENV = "BUCKETRY_METADATA_DISABLED";
