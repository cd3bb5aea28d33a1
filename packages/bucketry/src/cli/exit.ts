// Exit codes and the one-line error report. Nothing here prints a credential: a BucketryError carries none,
// and other errors are reported by message (stack only with --debug).
import { inspect } from "node:util";
import { isCredentialsError } from "../credentials/checks.js";
import { BucketryError, type ErrorKind } from "../errors.js";
import { jsonText } from "./output.js";

export const EXIT = {
  ok: 0,
  /** Unexpected failure (a bug, or a missing optional package), or stdout that cannot be written. */
  failure: 1,
  /** The command line, or a value it gave that the library refuses (a bucket name, an endpoint, a region). */
  usage: 2,
  /** Credentials or auth: missing or unusable credentials, InvalidCredentials, SignatureMismatch, AccessDenied (and profile-file problems). */
  auth: 3,
  /** NoSuchBucket, NotFound. */
  notFound: 4,
  /** Any other API error. */
  api: 5,
  /** Network or timeout. */
  network: 6,
} as const;

/**
 * Each exit code in a few words, for `bucketry --help` (the READMEs and the docs portal say the same; a
 * repository test compares them). Keyed by EXIT's names, so a new code fails to compile until it is described.
 */
export const EXIT_MEANINGS: Readonly<Record<keyof typeof EXIT, string>> = {
  ok: "ok",
  failure: "unexpected failure",
  usage: "usage",
  auth: "credentials/auth",
  notFound: "not found",
  api: "other API error",
  network: "network/timeout",
};

/** "Exit codes: 0 ok, 1 unexpected failure, …": every code, in order. */
export const EXIT_CODES_LINE = `Exit codes: ${(Object.keys(EXIT) as (keyof typeof EXIT)[])
  .sort((a, b) => EXIT[a] - EXIT[b])
  .map((name) => `${EXIT[name]} ${EXIT_MEANINGS[name]}`)
  .join(", ")}.`;

/** Wrong command line: exit 2 with a hint to the command's --help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A failure the CLI itself detects (profile file, missing optional package), with its exit code. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number,
    readonly kind: string = "Configuration",
  ) {
    super(message);
  }
}

const AUTH_KINDS: ReadonlySet<ErrorKind> = new Set(["InvalidCredentials", "SignatureMismatch", "AccessDenied"]);
const NOT_FOUND_KINDS: ReadonlySet<ErrorKind> = new Set(["NoSuchBucket", "NotFound"]);
const NETWORK_KINDS: ReadonlySet<ErrorKind> = new Set(["Network", "Timeout"]);

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof CliError) return err.exitCode;
  if (err instanceof BucketryError) {
    // A Configuration error is about credentials or about an option the command line set.
    if (err.kind === "Configuration") return isCredentialsError(err) ? EXIT.auth : EXIT.usage;
    if (AUTH_KINDS.has(err.kind)) return EXIT.auth;
    if (NOT_FOUND_KINDS.has(err.kind)) return EXIT.notFound;
    if (NETWORK_KINDS.has(err.kind)) return EXIT.network;
    return EXIT.api;
  }
  return EXIT.failure;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();

/**
 * The library's option names in a message, as the CLI's flags: "`projectId` is required" reads
 * "--project-id is required", `addressing: "path"` reads "--addressing path" and `apiVersion "3.0"` reads
 * "--api-version 3.0" (a value a shell takes as it is loses its quotes). `flagOf` maps option name to flag. A
 * camelCase name is an option wherever it stands; a plain word (addressing, cname) only in backticks or with a
 * value after it, since prose uses the same words ("leave cname out" stays as it is). Plain words that are no
 * option of the CLI (region, endpoint) read the same either way and are not in `flagOf`.
 */
export function inCliTerms(message: string, flagOf: ReadonlyMap<string, string>): string {
  return message.replace(OPTION_IN_TEXT, (whole, tick: string, name: string, separator: string | undefined, value: string | undefined) => {
    const flag = flagOf.get(name);
    if (flag === undefined) return whole;
    // A bare value (true, 5) after a plain space is prose ("cname true"), not the option syntax `name: value`.
    const bound = value !== undefined && (separator === ": " || value.startsWith('"'));
    if (!bound) {
      if (tick === "" && !/[A-Z]/.test(name)) return whole;
      return `${flag}${separator === undefined ? "" : whole.slice(whole.indexOf(separator))}`;
    }
    const unquoted = value.startsWith('"') ? value.slice(1, -1) : value;
    return `${flag} ${/^[\w.:/@+-]+$/.test(unquoted) ? unquoted : value}`;
  });
}

/** An option name (camelCase or a plain word, in backticks or not), and the value written after it, if any. */
const OPTION_IN_TEXT = /(`?)\b([a-z]+(?:[A-Z][a-z]*)*)\b\1(?:(:? )("[^"\n]*"|true\b|false\b|-?\d+(?:\.\d+)?\b))?/g;

/**
 * A BucketryError's message as a command-line user reads it, for the error line and --json alike: the library's
 * hints about options it names by their flags, and hints only a library caller can follow left out.
 */
function inCliWords(err: BucketryError, flagOf: ReadonlyMap<string, string>): string {
  // The facade's hint for library callers ("pass `credentials: …` or set X") reads, on a command line, "set X".
  // The chain's closing hint for library callers ("(or pass `credentials` in the options)") goes the same way.
  // The skew hint's library option (`clock`) has no flag: the command line keeps "sync this machine's clock".
  const message = err.message
    .replace(/pass `credentials: [^`]*`(?: \([^)]*\))? or /, "")
    .replace(" (or pass `credentials` in the options)", "")
    .replace(/ or pass `clock`$/, "");
  // Only the library's own (Configuration) messages speak of options; a vendor's message is quoted as sent.
  return err.kind === "Configuration" ? inCliTerms(message, flagOf) : message;
}

/**
 * The error as ONE line for stderr: message, then kind, vendor code, status, request id, EC, attempts, and the
 * vendor's page about it.
 * `profileHint`: false when --profile was given, so a credentials error does not end "or use --profile NAME".
 */
export function formatError(err: unknown, flagOf: ReadonlyMap<string, string> = new Map(), profileHint = true): string {
  if (err instanceof UsageError) {
    return `bucketry: ${oneLine(err.message)} (see \`bucketry ${err.command ? `${err.command} ` : ""}--help\`)`;
  }
  if (err instanceof CliError) return `bucketry: ${oneLine(err.message)}`;
  if (err instanceof BucketryError) {
    const facts = [`kind ${err.kind}`];
    if (err.code && !err.message.includes(err.code)) facts.push(`code ${err.code}`);
    if (err.status !== undefined && !err.message.includes(`HTTP ${err.status}`)) facts.push(`HTTP ${err.status}`);
    if (err.requestId) facts.push(`request id ${err.requestId}`);
    if (err.ec) facts.push(`EC ${err.ec}`);
    const denial = err.accessDeniedDetail;
    // What a RAM policy must allow, and what denied it.
    if (denial?.authAction) facts.push(`RAM denied ${[denial.authAction, denial.noPermissionType, denial.policyType].filter(Boolean).join(" ")}`);
    if (err.kind === "Network") {
      // fetch's TypeError("fetch failed") hides the socket error (ECONNREFUSED, ENOTFOUND, …) one level down.
      const code = causeCode(err.cause);
      if (code && !err.message.includes(code)) facts.push(code);
    }
    if (err.attempts > 1) facts.push(`${err.attempts} attempts`);
    // The facade's message may already end with "[request id …]"; the facts list says it once.
    const message = inCliWords(err, flagOf);
    let line = `bucketry: ${oneLine(err.requestId ? message.replace(` [request id ${err.requestId}]`, "") : message)} (${facts.join(", ")})`;
    if (err.helpUrl) line += ` — see ${err.helpUrl}`;
    // Only where credentials are what is missing: a bad bucket name or endpoint is no profile's business. Not
    // when the command line names a profile already (its credentials may be what is wrong).
    if (profileHint && err.kind === "Configuration" && isCredentialsError(err)) line += " — or use --profile NAME (see `bucketry --help`)";
    return line;
  }
  const e = err as { message?: unknown } | null;
  return `bucketry: unexpected error: ${oneLine(String(e && typeof e === "object" && "message" in e ? e.message : err))} (run with --debug for details)`;
}

function causeCode(cause: unknown, depth = 0): string | undefined {
  if (!cause || typeof cause !== "object" || depth > 3) return undefined;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
  return causeCode((cause as { cause?: unknown }).cause, depth + 1);
}

/**
 * A signature error's explanation, on lines after the error: where the text bucketry signed and the text the
 * vendor reports it signed first differ, or that they are the same (then the secret is what differs).
 * (--json carries the whole comparison in the error's `signature`.)
 */
export function signatureExplanation(err: unknown): string | undefined {
  if (!(err instanceof BucketryError) || !err.signature) return undefined;
  const { firstDifference: d, server } = err.signature;
  if (d) {
    const what = d.part === "canonicalRequest" ? "canonical request" : "string to sign";
    return `bucketry: the ${what} differs from ${err.provider ?? "the vendor"}'s at line ${d.line}, column ${d.column}:\n  bucketry: ${JSON.stringify(d.ours)}\n  ${err.provider ?? "vendor"}: ${JSON.stringify(d.server)}`;
  }
  if (server) return `bucketry: ${err.provider ?? "the vendor"} signed the same text as bucketry, so the secret (AccessKey secret) is what differs`;
  return undefined;
}

/**
 * The error as one JSON line for stderr (--json). `flagOf` as for `formatError`: the message gives the same advice
 * as the error line (flags, not the library's options); every other field is the error's own.
 */
export function formatErrorJson(err: unknown, flagOf: ReadonlyMap<string, string> = new Map()): string {
  const exitCode = exitCodeFor(err);
  if (err instanceof BucketryError) return jsonText({ error: { ...err.toJSON(), message: inCliWords(err, flagOf), exitCode } });
  const e = err as Error;
  const kind = err instanceof UsageError ? "Usage" : err instanceof CliError ? err.kind : "Unexpected";
  return jsonText({ error: { name: e?.name ?? "Error", kind, message: oneLine(String(e?.message ?? err)), exitCode } });
}

/** --debug detail: BucketryError's inspect (data fields, summarized cause, stack); others: the stack. */
export function debugDetail(err: unknown): string {
  if (err instanceof BucketryError) return inspect(err);
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}
