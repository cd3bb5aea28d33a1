// Baidu AI Cloud "bce-auth-v1" signing (BOS and the other BCE services).
//
// authStringPrefix = bce-auth-v1/{ak}/{timestamp}/{expirationPeriodInSeconds}
// signingKey       = HexHMAC-SHA256(SK, authStringPrefix)        (the lower-case hex STRING is the next key)
// CanonicalRequest = METHOD \n UriEncodeExceptSlash(path) \n CanonicalQueryString \n CanonicalHeaders
// signature        = HexHMAC-SHA256(signingKey, CanonicalRequest)
// Authorization    = {authStringPrefix}/{signedHeaders}/{signature}
//
// Sources: https://cloud.baidu.com/doc/Reference/s/njwvz1yfu (生成认证字符串, with the worked example
// used in the tests); @baiducloud/sdk 1.0.7 src/auth.js, src/http_client.js, src/bos_client.js;
// baidubce/bce-sdk-go auth/signer.go.
//
// Differences from the Node SDK (each pinned by a named test):
// - Query NAMES are UriEncode()d, as the documentation and the Go SDK do; the Node SDK encodes only
//   values (identical for the ASCII names the APIs use).
// - `x-bce-request-id` is not signed by default (Go SDK); the Node SDK signs every x-bce-* header.
// - `content-length` is signed only when the request has a body (or an explicit header): fetch and
//   browsers may omit `Content-Length: 0`, which the Node SDK signs for bodiless PUT/POST/DELETE.
// - The canonical URI is computed from the URL actually sent (decoded, then UriEncodeExceptSlash),
//   whereas the Node SDK signs the resource string it was handed (pre-encoded by BosClient).
import type { Middleware } from "openapi-fetch";
import { hmacHex } from "./crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { canonicalizeEncoded, compareCodeUnits, splitQuery, uriEncode } from "./percent-encoding.js";
import type { Clock, CredentialSource, SignableRequest } from "./types.js";
import { assertCredentialsObject, assertHeaderSafeCredentials, assertNameList, signingTime, untilAborted } from "./types.js";

export const BCE_AUTH_V1 = "bce-auth-v1";
export const BCE_DEFAULT_EXPIRATION_SECONDS = 1800;
/** Signed when present, besides every `x-bce-*` header (documented default). */
export const BCE_DEFAULT_HEADERS_TO_SIGN: readonly string[] = ["host", "content-length", "content-type", "content-md5"];

export interface BceV1Options {
  credentials: CredentialSource;
  clock?: Clock | undefined;
  /** Validity of the signature from its timestamp (default 1800 s). */
  expirationSeconds?: number | undefined;
  /**
   * Headers to sign instead of the default host/content-length/content-type/content-md5
   * (case-insensitive). `x-bce-*` headers (except x-bce-request-id) are always signed.
   */
  headersToSign?: readonly string[] | undefined;
}

/** `2015-04-27T08:23:49Z` (x-bce-date and the auth-string timestamp). */
export function bceTimestamp(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    lastStamp = new Date(second * 1000).toISOString().slice(0, 19) + "Z";
    lastSecond = second;
  }
  return lastStamp;
}
// Consecutive requests mostly fall in the same second: format once.
let lastSecond = Number.NaN;
let lastStamp = "";

/** UriEncodeExceptSlash of the decoded path; an empty path is "/". */
export function bceCanonicalUri(pathname: string): string {
  return pathname === "" ? "/" : canonicalizeEncoded(pathname, true, false);
}

/**
 * `UriEncode(name)=UriEncode(value)` for every parameter except `authorization` (bare `acl` → `acl=`),
 * sorted as strings, joined with `&`. Components are decoded first (`+` = space) so the result does not
 * depend on how the URL happened to be escaped.
 */
export function bceCanonicalQuery(search: string): string {
  if (search.length <= 1) return "";
  const raw = splitQuery(search);
  const items: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const [k, v] = raw[i]!;
    const key = canonicalizeEncoded(k, false, true);
    if (key.length === 13 && key.toLowerCase() === "authorization") continue;
    items.push(key + "=" + canonicalizeEncoded(v, false, true));
  }
  if (items.length > 1) items.sort(compareCodeUnits);
  return items.join("&");
}

// Derived signing keys, one per credentials source — the credentials object, or the function that supplies
// them — never keyed by the secret: a client signing many requests in the same second reuses the key instead of
// a second HMAC, also when its function returns a fresh object each time (keyed by those objects, each call
// derived the key again and added an entry). The prefix (key id, second, expiry) and the secret are compared,
// so other or rotated credentials get a fresh key; one entry per source, living no longer than the source.
interface CachedKey {
  prefix: string;
  secret: string;
  key: string;
}
const keyCache = new WeakMap<CredentialSource, CachedKey>();

// The `headersToSign` option lower-cased once per array.
const LOWERED = new WeakMap<readonly string[], readonly string[]>();

/**
 * Signs `request` in place: sets `x-bce-date`, `x-bce-security-token` (STS; removed otherwise) and
 * `Authorization`. The `Date` header is neither needed nor set (browsers forbid it).
 */
export async function signBceV1(request: SignableRequest, options: BceV1Options): Promise<void> {
  const source = options.credentials;
  const creds = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
  assertCredentialsObject("bce-auth-v1", creds);
  if (typeof creds.accessKeyId !== "string" || creds.accessKeyId === "") {
    throw new Error("bce-auth-v1: credentials.accessKeyId is missing");
  }
  if (typeof creds.accessKeySecret !== "string" || creds.accessKeySecret === "") {
    throw new Error("bce-auth-v1: credentials.accessKeySecret is missing");
  }
  assertHeaderSafeCredentials("bce-auth-v1", creds);
  const expiration = options.expirationSeconds ?? BCE_DEFAULT_EXPIRATION_SECONDS;
  if (!Number.isInteger(expiration) || expiration <= 0) throw new Error("bce-auth-v1: expirationSeconds must be a positive integer");
  const { headers, url } = request;
  const timestamp = bceTimestamp(signingTime("bce-auth-v1", options.clock));
  const token = creds.securityToken;

  let toSign: readonly string[] = BCE_DEFAULT_HEADERS_TO_SIGN;
  const names = options.headersToSign;
  if (names != null) {
    let lowered = LOWERED.get(names);
    if (!lowered) {
      assertNameList("bce-auth-v1", "headersToSign", names);
      lowered = names.map((n) => n.trim().toLowerCase());
      LOWERED.set(names, lowered);
    }
    if (lowered.length > 0) toSign = lowered;
  }

  // Canonical header lines `UriEncode(name):UriEncode(trim(value))`, empty values skipped, sorted.
  // x-bce-date and x-bce-security-token are ours: added below, set on the request afterwards.
  const lines: string[] = ["x-bce-date:" + uriEncode(timestamp)];
  if (token) lines.push("x-bce-security-token:" + uriEncode(token));
  let sawLength = false;
  let staleToken = false;
  for (const [name, value] of headers) {
    // Headers yields lower-case names and values already stripped of leading/trailing whitespace.
    if (value === "" || name === "host") continue; // host: the URL's host is what fetch sends
    let signed: boolean;
    if (name.startsWith("x-bce-")) {
      if (name === "x-bce-date") continue;
      if (name === "x-bce-security-token") {
        staleToken = true;
        continue;
      }
      signed = name !== "x-bce-request-id" || toSign.includes(name);
    } else {
      signed = toSign.includes(name);
    }
    if (!signed) continue;
    if (name === "content-length") sawLength = true;
    lines.push(uriEncode(name) + ":" + uriEncode(value));
  }
  if (toSign.includes("host")) lines.push("host:" + uriEncode(url.host));
  if (!sawLength && request.body && request.body.length > 0 && toSign.includes("content-length")) {
    lines.push("content-length:" + request.body.length);
  }
  lines.sort(compareCodeUnits);
  let signedHeaders = "";
  let canonicalHeaders = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0) {
      signedHeaders += ";";
      canonicalHeaders += "\n";
    }
    signedHeaders += line.slice(0, line.indexOf(":"));
    canonicalHeaders += line;
  }

  const prefix = BCE_AUTH_V1 + "/" + creds.accessKeyId + "/" + timestamp + "/" + expiration;
  const canonicalRequest =
    request.method.toUpperCase() + "\n" + bceCanonicalUri(url.pathname) + "\n" + bceCanonicalQuery(url.search) + "\n" + canonicalHeaders;
  const cached = keyCache.get(source);
  let key: string;
  if (cached !== undefined && cached.prefix === prefix && cached.secret === creds.accessKeySecret) key = cached.key;
  else {
    const derived = hmacHex("SHA-256", creds.accessKeySecret, prefix);
    key = typeof derived === "string" ? derived : await derived;
    keyCache.set(source, { prefix, secret: creds.accessKeySecret, key });
  }
  request.signed = { canonicalRequest, stringToSign: canonicalRequest };
  let signature = hmacHex("SHA-256", key, canonicalRequest);
  if (typeof signature !== "string") signature = await signature;

  headers.set("x-bce-date", timestamp);
  if (token) headers.set("x-bce-security-token", token);
  else if (staleToken) headers.delete("x-bce-security-token");
  headers.set("Authorization", prefix + "/" + signedHeaders + "/" + signature);
}

/** openapi-fetch middleware: bce-auth-v1 on every attempt (fresh x-bce-date, credentials resolved each time). */
export function bceV1Signer(options: BceV1Options): Middleware {
  return signingMiddleware((request) => signBceV1(request, options));
}
