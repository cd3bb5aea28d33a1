// HTTP for the credential sources (STS, instance metadata, IAM, credentials URIs): fetch with a deadline,
// the body read as text, up to MAX_ANSWER_BYTES. Failures become source errors that name the endpoint and status, never a body
// that could hold a credential.
import { blockedPort } from "#network-codes";
import { permissionDenial } from "./io.js";
import { sourceFailed, type CredentialSourceError } from "./types.js";

export interface SourceRequest {
  method: string;
  url: string;
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
  /** Whole exchange, connect included (the vendors' libraries use 1 s + 1 s for metadata, 5 s + 10 s for STS). */
  timeoutMs: number;
}

export interface SourceResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type Fetch = (request: Request) => Promise<Response>;

/**
 * Failures of `send` that were the runtime's refusal to connect (Deno without --allow-net for the host; a port the
 * fetch will not dial).
 */
const refusals = new WeakSet<CredentialSourceError>();

/**
 * Whether `err` (from `send`) is the runtime's refusal to connect: nothing was asked, so "not an ECS instance?" would
 * mislead; its message names the permission to grant.
 */
export const refusedByRuntime = (err: CredentialSourceError): boolean => refusals.has(err);

/** Sends `req`; a network error or timeout is a failure of `source` that says which. */
export async function send(fetchImpl: Fetch | undefined, source: string, req: SourceRequest): Promise<SourceResponse> {
  const signal = AbortSignal.timeout(req.timeoutMs);
  const init: RequestInit = { method: req.method, signal, redirect: "manual" };
  if (req.headers) init.headers = req.headers;
  if (req.body !== undefined) init.body = req.body;
  let request: Request;
  try {
    request = new Request(req.url, init);
  } catch {
    // Refused before anything is sent, and again on every try: not a network failure that may pass. The runtime's
    // message may quote the URL, user info included, or a header: not repeated.
    const why = !URL.canParse(req.url) ? "not a valid URL" : holdsUserInfo(req.url) ? "the URL holds user info (user:password@), which fetch refuses to send" : "fetch refuses to make this request (a header value it cannot send?)";
    throw sourceFailed(source, `${req.method} ${redactUrl(req.url)}: ${why}`);
  }
  let response: Response;
  try {
    response = await (fetchImpl ?? globalThis.fetch)(request);
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const timedOut = e?.name === "TimeoutError" || e?.name === "AbortError";
    // Deno's refusal of a host it may not reach says which flag to grant (and nothing secret): said as it is. A
    // port the fetch will not dial is refused again on every try: not a failure that may pass.
    const blocked = !timedOut && blockedPort?.(err) === true;
    // What the runtime refuses (a port, or a host Deno may not reach): said as it is, and not retried.
    const refused = blocked ? "fetch refuses this port, one the Fetch standard blocks (bad port): use the endpoint's real port" : permissionDenial(err);
    const why = timedOut ? `no answer within ${req.timeoutMs} ms` : (refused ?? `network error${e?.cause?.code ? ` (${e.cause.code})` : ""}`);
    const failure = sourceFailed(source, `${req.method} ${redactUrl(req.url)}: ${why}`, timedOut ? "Timeout" : blocked ? undefined : "Network");
    if (refused) refusals.add(failure);
    throw failure;
  }
  let text: string | undefined;
  try {
    text = await cappedText(response, MAX_ANSWER_BYTES);
  } catch {
    // Cut off mid-body (the deadline, a reset connection): a failure that may pass, as one before the status is.
    const timedOut = signal.aborted;
    const why = timedOut ? `the response body did not arrive within ${req.timeoutMs} ms` : "the connection broke while the response body was read";
    throw sourceFailed(source, `${req.method} ${redactUrl(req.url)}: ${why}`, timedOut ? "Timeout" : "Network");
  }
  if (text === undefined) {
    // An error status says what failed by itself (a proxy's large error page is no vendor's JSON): kept, with its
    // kind. A success this large is no credentials answer, and asking again would get the same.
    if (response.status < 200 || response.status > 299) text = "";
    else throw sourceFailed(source, `${req.method} ${redactUrl(req.url)}: the answer is larger than ${MAX_ANSWER_BYTES} bytes, which no credentials answer is: is this the right URL?`);
  }
  return { status: response.status, headers: response.headers, text };
}

/**
 * The most a source reads of an answer. The largest real ones are a few KB (STS and instance-metadata answers
 * carrying a security token of 1-4 KB; IAM's project list, filtered by name, one project of under 1 KB); 64 KiB
 * leaves a margin of more than ten times that, and bounds the memory of an endpoint that streams without end.
 */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** The body as text, or undefined (the rest unread, the body cancelled) once it passed `max` bytes. */
async function cappedText(response: Response, max: number): Promise<string | undefined> {
  const body = response.body;
  if (body === null) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      // Nobody reads the rest: the connection is closed instead of draining an answer that may never end.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  // As Response.text() decodes: UTF-8, a BOM dropped, malformed bytes replaced.
  return new TextDecoder().decode(bytes);
}

/** A URL for a message: origin and path only (a query can carry a signature or a token). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/**
 * The user info (`user:password@`) of a URL-like text that may not parse, with or without a scheme, as
 * `[redacted]@`: a message may quote the text, never a password in it. Everything up to the text's last `@` goes:
 * a password may hold `/`, `?` or `#` (which is what made the text unparsable), and hiding too much is harmless.
 */
export const withoutUserInfo = (text: string): string => text.replace(/^((?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\/)?[^]*@/, (_, scheme = "") => `${scheme}[redacted]@`);

/**
 * Whether a URL holds user info (`user:password@`), or may: an "@" before its query, which with a "/" in the
 * password parses as a host named like the user (`http://admin:8443/pw@host/`). fetch refuses user info, and a
 * password must go nowhere else.
 */
export const holdsUserInfo = (url: string): boolean => {
  const u = URL.canParse(url) ? new URL(url) : undefined;
  return u !== undefined && (u.username !== "" || u.password !== "" || /^[^?#]*@/.test(url));
};

/**
 * Why an endpoint setting (`what`: the option or variable that holds it) cannot be used, or undefined: it is not
 * an http(s) URL, or it holds user info. Sent anyway, either would fail as a network error that may pass, and be
 * retried as one. Never quotes the text: it may hold a password.
 */
export function endpointProblem(endpoint: string, what: string, example: string): string | undefined {
  const protocol = URL.canParse(endpoint) ? new URL(endpoint).protocol : undefined;
  if (protocol !== "http:" && protocol !== "https:") return `${what} is not an http:// or https:// URL: write it with its scheme (e.g. ${example})`;
  if (holdsUserInfo(endpoint)) return `${what} must not hold user info (user:password@), which fetch refuses to send: set it to the address alone (e.g. ${example})`;
  return undefined;
}

/** JSON body or undefined. */
export function jsonBody(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * `2024-08-30T07:03:06Z` (or with milliseconds, or any ISO 8601 with zone) → epoch ms; undefined if not a date.
 * The vendors send UTC: a timestamp without a zone is read as UTC, not as this machine's local time.
 */
export function parseExpiration(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const zoneless = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);
  const ms = Date.parse(zoneless ? `${value}Z` : value);
  return Number.isFinite(ms) ? ms : undefined;
}
