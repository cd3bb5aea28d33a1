// Error codes of a failed connection as Node's http module and undici report them (on the error or its
// `cause`). Where the `browser` condition of the package's `#network-codes` import applies,
// network-codes-browser.ts stands in: a browser's fetch fails with a TypeError that carries no code.
export const NETWORK_CODES: RegExp | undefined = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENETDOWN|UND_ERR_\w+)$/;
// A body the HTTP layer could not decode (Content-Encoding gzip or deflate over bytes that are not), said
// with zlib's code from the read error's cause, or false. The server's answer is at fault, so a retry does
// not help. (Browsers decode bodies themselves and report no code: undefined there.)
export const undecodableBody: ((err: unknown) => string | false) | undefined = (err) => {
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === "Z_DATA_ERROR" ? `the response body does not decode as its Content-Encoding header says (${code})` : false;
};
// A TLS certificate the platform refused (untrusted, expired, for another host), said with Node's code from
// the fetch error's cause, or false. Not transient: a retry meets the same certificate.
// (Browsers report no code: undefined there, and such a failure stays a retried network error.)
export const certificateRefusal: ((err: unknown) => string | false) | undefined = (err) => {
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code !== "string" || !/^(CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID)$/.test(code)) return false;
  const check = /^CERT_(HAS_EXPIRED|NOT_YET_VALID)$/.test(code) ? "check its dates and this machine's clock" : "check the endpoint's host name, or trust its certificate authority (NODE_EXTRA_CA_CERTS)";
  return `the server's TLS certificate was refused (${code}): ${check}`;
};
