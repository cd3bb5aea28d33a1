// Error codes of a failed connection as Node's http module and undici report them (on the error or its
// `cause`). Where the `browser` condition of the package's `#network-codes` import applies,
// network-codes-browser.ts stands in: a browser's fetch fails with a TypeError that carries no code.
import { INVALID_HTTP_RESPONSE } from "@bucketry/signing/fetch";

export const NETWORK_CODES: RegExp | undefined = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENETDOWN|UND_ERR_\w+)$/;
// A body the HTTP layer could not decode (Content-Encoding gzip, deflate or br over bytes that are not), said
// with what the runtime reported, or false. The server's answer is at fault, so a retry does not help. Each
// runtime reports it its own way:
// - Node (undici's fetch, the Node transport): zlib's code on the read error's cause (Z_DATA_ERROR; brotli's
//   ERR__ERROR_FORMAT_*);
// - Bun's fetch: a TypeError with the code on the error itself (its message quotes the request's URL, query
//   included: the code alone is said);
// - Deno's fetch: a TypeError with the decoder's message and no code.
// (Browsers report a failed fetch with no detail: network-codes-browser.ts; workerd: network-codes-workerd.ts.)
const DENO_UNDECODABLE = /^(Invalid gzip header|CRC computed does not match|unexpected end of file|brotli error|deflate decompression error: [\w ,.'-]{1,80})$/;
export const undecodableBody: ((err: unknown) => string | false) | undefined = (err) => {
  const e = err as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  const causeCode = e?.cause?.code;
  let detail: string | undefined;
  if (typeof causeCode === "string" && (causeCode === "Z_DATA_ERROR" || /^ERR__ERROR_FORMAT_\w+$/.test(causeCode))) detail = causeCode;
  else if (e?.name === "TypeError" && typeof e.code === "string") detail = /^(ZlibError|BrotliDecompressionError|ZstdDecompressionError)$/.test(e.code) ? e.code : undefined;
  else if (e?.name === "TypeError" && typeof e.message === "string" && DENO_UNDECODABLE.test(e.message)) detail = e.message;
  return detail === undefined ? false : `the response body does not decode as its Content-Encoding header says (${detail})`;
};
/**
 * Whether `err` is a fetch's refusal to dial a port of the Fetch standard's blocked list (6000, 5060, 10080…), which
 * carries no code: undici (Node's global fetch) says "bad port" on the cause; Deno's fetch says "Fetch failed:
 * Requests to port 6000 are blocked" on the error. Nothing was sent.
 */
export const blockedPort: ((err: unknown) => boolean) | undefined = (err) => {
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  return (e?.cause?.message === "bad port" && e.cause.code === undefined) || (typeof e?.message === "string" && /^Fetch failed: Requests to port \d+ are blocked$/.test(e.message));
};
/**
 * A transport failure a retry cannot mend, as its kind and what to say, or false: a TLS certificate the platform
 * refused (untrusted, expired, for another host: the same certificate again), an answer that is not valid
 * HTTP/1.1 (the Node transport's INVALID_HTTP_RESPONSE, llhttp's HPE_* under undici and node:http, Bun's
 * Malformed_HTTP_Response: the same bytes again), or a response larger than the caller's fetch accepts (undici's
 * `maxResponseSize`: the same size again; `overLimit`, as its head was read whole), or a port the fetch (undici's,
 * Deno's) will not dial (the Fetch standard's bad ports: refused again). Read from the fetch error's
 * cause, or from the error (Bun). (Browsers report no code: undefined there, and such failures stay retried
 * network errors.)
 */
export const lastingTransportFault: ((err: unknown) => { kind: "Network" | "MalformedResponse" | "Configuration"; message: string; overLimit?: true } | false) | undefined = (err) => {
  const e = err as { code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = e?.cause;
  // A retry is refused the same way, and only the endpoint's port fixes it.
  if (blockedPort?.(err)) {
    return { kind: "Configuration", message: "fetch refuses the endpoint's port, one the Fetch standard blocks (bad port): use the service on another port, or a `fetch` option that dials it" };
  }
  // Node's fetch and the Node transport put the code on the cause; Bun's fetch on the error itself, whose message
  // quotes the request's URL (query included): then the code alone is said.
  const code = typeof cause?.code === "string" ? cause.code : e?.code;
  const detail = typeof cause?.code === "string" && typeof cause.message === "string" ? cause.message : "";
  // Deno's fetch: no code, its TLS library's reason at the end of the cause's message (which quotes the URL).
  const denoTls = typeof cause?.message === "string" ? /: invalid peer certificate: (\w{1,40})/.exec(cause.message)?.[1] : undefined;
  if (denoTls) {
    const check = /^(Expired|NotValidYet)/.test(denoTls) ? "check its dates and this machine's clock" : "check the endpoint's host name, or trust its certificate authority (DENO_CERT)";
    return { kind: "Network", message: `the server's TLS certificate was refused (${denoTls}): ${check}` };
  }
  if (typeof code !== "string") return false;
  // Malformed_HTTP_Response, InvalidHTTPResponse (a chunk size that is no number): Bun's fetch.
  // UND_ERR_HEADERS_OVERFLOW: undici's own cap on the response head (the Node transport refuses such a head as
  // invalid too), the same head again on a retry.
  if (code === INVALID_HTTP_RESPONSE || /^HPE_\w+$/.test(code) || code === "Malformed_HTTP_Response" || code === "InvalidHTTPResponse" || code === "UND_ERR_HEADERS_OVERFLOW") {
    return { kind: "MalformedResponse", message: `the answer is not valid HTTP/1.1: ${detail !== "" ? detail : code}` };
  }
  // The `maxResponseSize` of an undici dispatcher (the caller's `fetch` option): a declared Content-Length past it
  // rejects the fetch, a body that grows past it ends its read.
  if (code === "UND_ERR_RES_EXCEEDED_MAX_SIZE") {
    return { kind: "MalformedResponse", message: "the response was larger than the fetch's limit (UND_ERR_RES_EXCEEDED_MAX_SIZE: the maxResponseSize of the `fetch` option's undici dispatcher): raise that limit; the client's own cap is maxResponseBytes", overLimit: true };
  }
  if (!/^(CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID)$/.test(code)) return false;
  const check = /^CERT_(HAS_EXPIRED|NOT_YET_VALID)$/.test(code) ? "check its dates and this machine's clock" : "check the endpoint's host name, or trust its certificate authority (NODE_EXTRA_CA_CERTS)";
  return { kind: "Network", message: `the server's TLS certificate was refused (${code}): ${check}` };
};

/**
 * The host name of an ENOTFOUND (getaddrinfo's `hostname` on the fetch error's cause), when it is one: a host that
 * does not resolve is most often a region or endpoint typo (oss-cn-hangzhuo), so the message names it.
 */
export const unresolvedHost: ((err: unknown) => string | undefined) | undefined = (err) => {
  const host = (err as { cause?: { hostname?: unknown } } | null)?.cause?.hostname;
  return typeof host === "string" && /^[a-z0-9.-]{1,253}$/i.test(host) ? host : undefined;
};
