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
import { crypto, hmacHex } from "./crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { httpTrim, signingTime, sortPairs, untilAborted, type Clock, type CredentialSource, type SignableRequest } from "./types.js";
import { EMPTY_SHA256, assertAccessKey, isoSeconds, randomNonce } from "./alibaba-common.js";
import { compareCodeUnits, decodeQueryComponent, decodesUnambiguously, percentEncode } from "./percent-encoding.js";

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
 * (as the SDK does for RPC APIs) and sets x-acs-date, x-acs-signature-nonce, x-acs-content-sha256, STS
 * headers and Authorization.
 *
 * The canonical query is computed from the decoded parameters, as the gateway does with what it receives
 * (the official SDK itself sends the query with Node's `querystring.stringify`, which leaves `! ' ( ) *`
 * raw, and signs their escapes). So the query goes out as it came — openapi-fetch's default serialization
 * included — and the URL is rewritten only to drop `Action`/`Version`, or, in canonical form, when a
 * component could be read two ways (a raw `+`, a malformed or non-UTF-8 escape).
 *
 * On Node (`#crypto` = node:crypto) this runs without an await; the request's headers are read once and
 * written once, at the end.
 */
export async function signAcs3(request: SignableRequest, options: Acs3SignerOptions): Promise<void> {
  const source = options.credentials;
  const creds = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
  assertAccessKey("ACS3", creds);
  const { url, headers } = request;

  // Query: pull out Action/Version, keep the rest (decoded) for the canonical form.
  let action = options.action;
  let version = options.version;
  const search = url.search;
  let canonicalQuery = "";
  /** The query to send instead of `search`, when it must change. */
  let wireQuery: string | undefined;
  if (search.length > 1) {
    // Canonical query: RFC 3986-encode names and values, sort by encoded name (then value), `k=v`.
    // The SDK encodes values only; Alibaba's V3 document encodes both. They agree on every ASCII-safe
    // parameter name (ENS: Prefix, PageNumber, PageSize); see the named test in acs3.test.ts.
    const encoded: string[] = [];
    let kept = "";
    let moved = false;
    let ambiguous = false;
    for (const part of search.slice(1).split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const rawName = eq === -1 ? part : part.slice(0, eq);
      const rawValue = eq === -1 ? "" : part.slice(eq + 1);
      const name = decodeQueryComponent(rawName);
      const value = decodeQueryComponent(rawValue);
      if (name === "Action") {
        action ??= value;
        moved = true;
      } else if (name === "Version") {
        version ??= value;
        moved = true;
      } else {
        encoded.push(percentEncode(name) + "=" + percentEncode(value));
        kept += (kept ? "&" : "") + part;
        ambiguous ||= !decodesUnambiguously(rawName) || !decodesUnambiguously(rawValue);
      }
    }
    if (encoded.length > 1) encoded.sort(compareEncodedPairs);
    canonicalQuery = encoded.join("&");
    if (ambiguous) wireQuery = canonicalQuery;
    else if (moved) wireQuery = kept;
  }

  // Canonical headers: host (from the URL — fetch cannot set Host), content-type and x-acs-*; lower-case
  // names, trimmed values, sorted by name. The request's headers are read once (Headers iterates sorted
  // lower-case names, values trimmed, duplicates combined); the x-acs-* headers this signer owns are
  // skipped there, added to the list below, and written to the request at the end.
  const list: string[] = ["host", url.host];
  let headerAction: string | undefined;
  let headerVersion: string | undefined;
  let staleToken = false;
  for (const [name, value] of headers) {
    if (name === "x-acs-action") headerAction = value;
    else if (name === "x-acs-version") headerVersion = value;
    else if (name === "x-acs-accesskey-id" || name === "x-acs-security-token") staleToken = true;
    else if (name === "content-type" || (name.startsWith("x-acs-") && name !== "x-acs-date" && name !== "x-acs-signature-nonce" && name !== "x-acs-content-sha256")) {
      list.push(name, value.trim());
    }
  }
  // Re-signing an already signed request (a retry handed the previous attempt): reuse its headers.
  action ??= headerAction;
  version ??= headerVersion;
  // Signed as the x-acs-action / x-acs-version headers carry them (Headers trims a value): " ListBuckets" from a
  // config was signed with its space and sent without it.
  if (action) action = httpTrim(action);
  if (version) version = httpTrim(version);
  if (!action || !version) {
    throw new Error("ACS3: no API action/version (pass options.action/version or Action/Version query parameters)");
  }
  if (wireQuery !== undefined && wireQuery !== search.slice(1)) url.search = wireQuery; // the setter re-parses: skip when unchanged

  const body = request.body;
  let payloadHash = body && body.length > 0 ? crypto.sha256Hex(body) : EMPTY_SHA256;
  if (typeof payloadHash !== "string") payloadHash = await payloadHash;
  const date = isoSeconds(signingTime("ACS3", options.clock));
  const nonce = options.nonce ? options.nonce() : randomNonce();
  const token = creds.securityToken;
  // Like the SDK: an STS token and the key id travel as signed x-acs-* headers.
  const own = token ? ["x-acs-accesskey-id", creds.accessKeyId, "x-acs-security-token", token] : [];
  own.push("x-acs-action", action, "x-acs-content-sha256", payloadHash, "x-acs-date", date, "x-acs-signature-nonce", nonce, "x-acs-version", version);
  list.push(...own);
  sortPairs(list);
  let canonicalHeaders = "";
  let signedHeaders = "";
  for (let i = 0; i < list.length; i += 2) {
    canonicalHeaders += list[i]! + ":" + list[i + 1]! + "\n";
    signedHeaders += (i > 0 ? ";" : "") + list[i]!;
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
  let hashed = crypto.sha256Hex(canonicalRequest);
  if (typeof hashed !== "string") hashed = await hashed;
  const stringToSign = ALGORITHM + "\n" + hashed;
  request.signed = { canonicalRequest, stringToSign };
  let signature = hmacHex("SHA-256", creds.accessKeySecret, stringToSign);
  if (typeof signature !== "string") signature = await signature;

  for (let i = 0; i < own.length; i += 2) headers.set(own[i]!, own[i + 1]!);
  if (!token && staleToken) {
    headers.delete("x-acs-accesskey-id");
    headers.delete("x-acs-security-token");
  }
  headers.set("authorization", ALGORITHM + " Credential=" + creds.accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature);
}

/** openapi-fetch middleware: signs every attempt with fresh date, nonce and credentials. */
export function acs3Signer(options: Acs3SignerOptions): Middleware {
  return signingMiddleware((request) => signAcs3(request, options));
}

function compareEncodedPairs(a: string, b: string): number {
  // Compare the names first (a name never contains "=" once encoded), then the values.
  const ea = a.indexOf("=");
  const eb = b.indexOf("=");
  const c = compareCodeUnits(a.slice(0, ea), b.slice(0, eb));
  return c !== 0 ? c : compareCodeUnits(a.slice(ea + 1), b.slice(eb + 1));
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
