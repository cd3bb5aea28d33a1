// Alibaba Cloud POP "V3" signature, ACS3-HMAC-SHA256 — what the official ENS SDK
// (@alicloud/ens20171110 on @alicloud/openapi-core `doRequest`) sends by default.
//
//   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n HashedPayload
//   StringToSign     = "ACS3-HMAC-SHA256\n" + hex(sha256(CanonicalRequest))
//   Authorization    = ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=h1;h2,Signature=hex(hmac-sha256(secret, StringToSign))
//
// Spec: https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
// Oracle: @alicloud/openapi-core dist/utils.js getAuthorization (+ client.js doRequest for the header set).
import type { Middleware } from "openapi-fetch";
import { crypto, toHex } from "../crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { resolveCredentials, type Clock, type CredentialSource, type SignableRequest } from "./types.js";
import { EMPTY_SHA256, assertAccessKey, compareStrings, isoSeconds, parseQuery, percentEncode, randomNonce, type QueryPair } from "./alibaba-encoding.js";

export interface Acs3SignerOptions {
  credentials: CredentialSource;
  /** API action (`ListBuckets`). Defaults to the request's `Action` query parameter (or an existing `x-acs-action` header). */
  action?: string | undefined;
  /** API version (`2017-11-10`). Defaults to the request's `Version` query parameter. */
  version?: string | undefined;
  clock?: Clock | undefined;
  /** Returns the `x-acs-signature-nonce`; default: 16 random bytes as hex. Tests inject a fixed one. */
  nonce?: (() => string) | undefined;
}

const ALGORITHM = "ACS3-HMAC-SHA256";

/**
 * Signs `request` in place: moves `Action`/`Version` from the query into `x-acs-action`/`x-acs-version`
 * (as the SDK does for RPC APIs), rewrites the query in canonical form (so the bytes sent are the bytes
 * signed) and sets x-acs-date, x-acs-signature-nonce, x-acs-content-sha256, STS headers and Authorization.
 */
export async function signAcs3(request: SignableRequest, options: Acs3SignerOptions): Promise<void> {
  const creds = await resolveCredentials(options.credentials);
  assertAccessKey("ACS3", creds);
  const { url, headers } = request;

  // Query: pull out Action/Version, keep the rest (decoded) for the canonical form.
  let action = options.action;
  let version = options.version;
  const params: QueryPair[] = [];
  if (url.search.length > 1) {
    for (const pair of parseQuery(url.search)) {
      if (pair[0] === "Action") action ??= pair[1];
      else if (pair[0] === "Version") version ??= pair[1];
      else params.push(pair);
    }
  }
  // Re-signing an already signed request (a retry handed the previous attempt): reuse its headers.
  action ??= headers.get("x-acs-action") ?? undefined;
  version ??= headers.get("x-acs-version") ?? undefined;
  if (!action || !version) {
    throw new Error("ACS3: no API action/version (pass options.action/version or Action/Version query parameters)");
  }

  // Canonical query: RFC 3986-encode names and values, sort by encoded name (then value), `k=v`.
  // The SDK encodes values only; Alibaba's V3 document encodes both. They agree on every ASCII-safe
  // parameter name (ENS: Prefix, PageNumber, PageSize); see the named test in acs3.test.ts.
  let canonicalQuery = "";
  if (params.length > 0) {
    const encoded: string[] = new Array<string>(params.length);
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      encoded[i] = percentEncode(p[0]) + "=" + percentEncode(p[1]);
    }
    if (encoded.length > 1) encoded.sort(compareEncodedPairs);
    canonicalQuery = encoded.join("&");
  }
  if (canonicalQuery !== url.search.slice(1)) url.search = canonicalQuery; // the setter re-parses: skip when unchanged

  const body = request.body;
  const payloadHash = body && body.length > 0 ? await crypto.sha256Hex(body) : EMPTY_SHA256;

  headers.set("x-acs-action", action);
  headers.set("x-acs-version", version);
  headers.set("x-acs-date", isoSeconds((options.clock ?? Date.now)()));
  headers.set("x-acs-signature-nonce", options.nonce ? options.nonce() : randomNonce());
  headers.set("x-acs-content-sha256", payloadHash);
  if (creds.securityToken) {
    // Like the SDK: the token and the key id travel as signed x-acs-* headers.
    headers.set("x-acs-accesskey-id", creds.accessKeyId);
    headers.set("x-acs-security-token", creds.securityToken);
  } else {
    headers.delete("x-acs-accesskey-id");
    headers.delete("x-acs-security-token");
  }

  // Canonical headers: host (from the URL — fetch cannot set Host), content-type, x-acs-*; lower-case
  // names, trimmed values, sorted by name. Headers already iterates sorted lower-case names with
  // duplicates combined (Fetch "sort and combine"); the sort below only runs for a polyfill that doesn't.
  const signed: [string, string][] = [["host", url.host]];
  let sorted = true;
  for (const [name, value] of headers) {
    if (name !== "content-type" && !name.startsWith("x-acs-")) continue;
    signed.push([name, value.trim()]);
  }
  for (let i = 2; i < signed.length; i++) if (signed[i - 1]![0] > signed[i]![0]) sorted = false;
  if (!sorted) signed.sort((a, b) => compareStrings(a[0], b[0]));
  // Move "host" from the front to its sorted place.
  let at = 1;
  while (at < signed.length && signed[at]![0] < "host") {
    signed[at - 1] = signed[at]!;
    at++;
  }
  signed[at - 1] = ["host", url.host];
  let canonicalHeaders = "";
  let signedHeaders = "";
  for (let i = 0; i < signed.length; i++) {
    const h = signed[i]!;
    canonicalHeaders += h[0] + ":" + h[1] + "\n";
    signedHeaders += i === 0 ? h[0] : ";" + h[0];
  }

  const canonicalRequest =
    request.method.toUpperCase() +
    "\n" +
    canonicalUri(url.pathname) +
    "\n" +
    canonicalQuery +
    "\n" +
    canonicalHeaders +
    "\n" +
    signedHeaders +
    "\n" +
    payloadHash;
  const stringToSign = ALGORITHM + "\n" + (await crypto.sha256Hex(canonicalRequest));
  const signature = toHex(await crypto.hmac("SHA-256", creds.accessKeySecret, stringToSign));
  headers.set("authorization", `${ALGORITHM} Credential=${creds.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`);
}

/** openapi-fetch middleware: signs every attempt with fresh date, nonce and credentials. */
export function acs3Signer(options: Acs3SignerOptions): Middleware {
  return signingMiddleware((request) => signAcs3(request, options));
}

function compareEncodedPairs(a: string, b: string): number {
  // Compare the names first (a name never contains "=" once encoded), then the values.
  const ea = a.indexOf("=");
  const eb = b.indexOf("=");
  const c = compareStrings(a.slice(0, ea), b.slice(0, eb));
  return c !== 0 ? c : compareStrings(a.slice(ea + 1), b.slice(eb + 1));
}

/** SDK rule: the path as sent, with `+` → %20, `*` → %2A, `%7E` → `~`. RPC APIs always use "/". */
function canonicalUri(pathname: string): string {
  if (pathname === "/" || pathname === "") return "/";
  let p = pathname;
  if (p.includes("+")) p = p.replace(/\+/g, "%20");
  if (p.includes("*")) p = p.replace(/\*/g, "%2A");
  if (p.includes("%7E")) p = p.replace(/%7E/g, "~");
  return p;
}
