// network-codes.ts where the `workerd` condition of `#network-codes` applies (a Worker bundled as wrangler bundles
// it: workerd, worker, browser): as in a browser, a failed connection carries no code (network-codes-browser.ts),
// but workerd's fetch says in its own words when a body does not decode as its Content-Encoding says. A module of
// its own, so browser bundles do not carry it.
export { blockedPort, NETWORK_CODES, lastingTransportFault, unresolvedHost } from "./network-codes-browser.js";

/** workerd's TypeError for a body that does not decode (gzip or br; it passes deflate through undecoded). */
const UNDECODABLE = /^(Gzip decompression failed|Gzip compressed stream ended prematurely|Brotli decompression failed)\.$/;

export const undecodableBody: ((err: unknown) => string | false) | undefined = (err) => {
  const e = err as { name?: unknown; message?: unknown } | null;
  const m = e?.name === "TypeError" && typeof e.message === "string" ? UNDECODABLE.exec(e.message) : null;
  return m ? `the response body does not decode as its Content-Encoding header says (${m[1]})` : false;
};
