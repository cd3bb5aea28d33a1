// Huawei Cloud API Gateway AK/SK signing ("SDK-HMAC-SHA256") and token auth (X-Auth-Token).
//
// CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HexSHA256(body)
// StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexSHA256(CanonicalRequest)
// Authorization    = "SDK-HMAC-SHA256 Access={AK}, SignedHeaders={h1;h2}, Signature={hex HMAC-SHA256(SK, StringToSign)}"
//
// Sources: https://support.huaweicloud.com/devg-apisign/api-sign-algorithm-001.md (algorithm),
// https://support.huaweicloud.com/devg-apisign/api-sign-algorithm-002.md (worked example);
// @huaweicloud/huaweicloud-sdk-core auth/AKSKSigner.js + auth/BaseCredentials.js (nodejs SDK),
// huaweicloud-sdk-go-v3 core/auth/signer/signer.go, huaweicloud-sdk-python-v3 huaweicloudsdkcore/signer/signer.py.
//
// Where the SDKs disagree we follow what the gateway must accept for the Go and Python SDKs to work:
// - Canonical URI: percent-DECODE the path, then encode each segment once (Go signs the decoded
//   `URL.Path`, Python `unquote`s first). The nodejs SDK instead re-encodes the `url.parse` pathname,
//   which already has space/'/"/</>/^/`/{/|/} escaped, so it signs `%2520` for a space (double
//   encoding) while sending `%20`; see test "huawei path encoding".
// - Header values are trimmed (documented "Trimall"; Go/Python trim; fetch `Headers` trims anyway).
//   The nodejs SDK signs untrimmed values.
// - Query names keep their case (nodejs/Python/doc); the Go SDK lower-cases names.
import type { Middleware } from "openapi-fetch";
import { crypto, hmacHex } from "./crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { compareCodeUnits, canonicalizeEncoded, parseQuery, uriEncode } from "./percent-encoding.js";
import type { Clock, CredentialSource, SignableRequest } from "./types.js";
import { assertCredentialsObject, assertHeaderSafeCredentials, httpTrim, isHeaderToken, signingTime, untilAborted } from "./types.js";

export const SDK_HMAC_SHA256 = "SDK-HMAC-SHA256";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface SdkHmacSha256Options {
  credentials: CredentialSource;
  /** Sent (and signed) as `X-Project-Id` — the API pages' `X-Project_Id` underscore spelling is dropped by proxies. */
  projectId?: string | undefined;
  clock?: Clock | undefined;
}

/** `20191115T033655Z` */
export function sdkDate(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    const iso = new Date(second * 1000).toISOString(); // 2019-11-15T03:36:55.000Z
    lastDate = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + "T" + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + "Z";
    lastSecond = second;
  }
  return lastDate;
}
// Consecutive requests mostly fall in the same second: format once.
let lastSecond = Number.NaN;
let lastDate = "";

/**
 * Canonical URI: decode the path to bytes, encode each segment per RFC 3986 once, and end with "/"
 * ("计算签名时，URI必须以"/"结尾。发送请求时，可以不以"/"结尾"). The request itself is sent unchanged.
 */
export function huaweiCanonicalUri(pathname: string): string {
  const uri = canonicalizeEncoded(pathname || "/", true, false);
  return uri.charCodeAt(uri.length - 1) === 0x2f ? uri : uri + "/";
}

/** Names and values decoded (`+` = space), sorted by raw name then raw value, RFC 3986-encoded, `k=v` (bare key → `k=`). */
export function huaweiCanonicalQuery(search: string): string {
  if (search.length <= 1) return "";
  const pairs = parseQuery(search);
  if (pairs.length > 1) pairs.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
  let out = "";
  for (let i = 0; i < pairs.length; i++) {
    const [k, v] = pairs[i]!;
    if (i > 0) out += "&";
    out += uriEncode(k) + "=" + uriEncode(v);
  }
  return out;
}

/**
 * Signs `request` in place: sets `X-Sdk-Date`, `X-Project-Id` (when `projectId`), `X-Security-Token`
 * (temporary credentials; removed otherwise) and `Authorization`.
 *
 * Signed headers: `host` (from `url.host`: fetch cannot set Host), `content-type` when present and
 * every `x-*` header (x-sdk-date, x-project-id, x-security-token, x-sdk-content-sha256, x-domain-id,
 * …) — the headers the official SDKs have on the request when they sign. `User-Agent`, `Accept`
 * and anything a browser or proxy may rewrite stay unsigned. The payload hash is the SHA-256 of the
 * exact body bytes, or the value of an `X-Sdk-Content-Sha256` header (e.g. `UNSIGNED-PAYLOAD`).
 */
export async function signSdkHmacSha256(request: SignableRequest, options: SdkHmacSha256Options): Promise<void> {
  const source = options.credentials;
  const creds = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
  assertCredentialsObject("SDK-HMAC-SHA256", creds);
  if (typeof creds.accessKeyId !== "string" || creds.accessKeyId === "") {
    throw new Error("SDK-HMAC-SHA256: credentials.accessKeyId is missing");
  }
  if (typeof creds.accessKeySecret !== "string" || creds.accessKeySecret === "") {
    throw new Error("SDK-HMAC-SHA256: credentials.accessKeySecret is missing");
  }
  assertHeaderSafeCredentials("SDK-HMAC-SHA256", creds);
  const { headers, url } = request;
  const date = sdkDate(signingTime("SDK-HMAC-SHA256", options.clock));
  // Signed as the header carries it: a project id read with its trailing newline was signed with it and sent without.
  const projectId = options.projectId !== undefined ? httpTrim(String(options.projectId)) || undefined : undefined;
  const token = creds.securityToken ? creds.securityToken : undefined;

  // The headers this signer owns, in sorted order: merged into the request's own signed headers
  // (which Headers iterates lower-cased and sorted) so one pass builds both canonical strings.
  const own: string[] = ["host", url.host];
  if (projectId !== undefined) own.push("x-project-id", projectId);
  own.push("x-sdk-date", date);
  if (token !== undefined) own.push("x-security-token", token);
  let o = 0;
  let canonicalHeaders = "";
  let signedHeaders = "";
  let payloadHash: string | undefined;
  let staleToken = false;
  for (const [name, value] of headers) {
    const signed = (name.charCodeAt(0) === 0x78 && name.charCodeAt(1) === 0x2d) /* x- */ || name === "content-type";
    if (!signed) continue;
    if (name === "x-sdk-date" || name === "x-security-token" || (name === "x-project-id" && projectId !== undefined)) {
      if (name === "x-security-token") staleToken = true;
      continue;
    }
    while (o < own.length && own[o]! < name) {
      canonicalHeaders += own[o] + ":" + own[o + 1] + "\n";
      signedHeaders += signedHeaders === "" ? own[o] : ";" + own[o];
      o += 2;
    }
    if (name === "x-sdk-content-sha256") payloadHash = value;
    canonicalHeaders += name + ":" + value + "\n";
    signedHeaders += signedHeaders === "" ? name : ";" + name;
  }
  for (; o < own.length; o += 2) {
    canonicalHeaders += own[o] + ":" + own[o + 1] + "\n";
    signedHeaders += signedHeaders === "" ? own[o] : ";" + own[o];
  }
  if (payloadHash === undefined) {
    if (request.body && request.body.length > 0) {
      const h = crypto.sha256Hex(request.body);
      payloadHash = typeof h === "string" ? h : await h;
    } else payloadHash = EMPTY_SHA256;
  }

  const canonicalRequest =
    request.method.toUpperCase() +
    "\n" +
    huaweiCanonicalUri(url.pathname) +
    "\n" +
    huaweiCanonicalQuery(url.search) +
    "\n" +
    canonicalHeaders +
    "\n" +
    signedHeaders +
    "\n" +
    payloadHash;
  let hashed = crypto.sha256Hex(canonicalRequest);
  if (typeof hashed !== "string") hashed = await hashed;
  const stringToSign = SDK_HMAC_SHA256 + "\n" + date + "\n" + hashed;
  request.signed = { canonicalRequest, stringToSign };
  let signature = hmacHex("SHA-256", creds.accessKeySecret, stringToSign);
  if (typeof signature !== "string") signature = await signature;

  headers.set("X-Sdk-Date", date);
  if (projectId !== undefined) headers.set("X-Project-Id", projectId);
  if (token !== undefined) headers.set("X-Security-Token", token);
  else if (staleToken) headers.delete("X-Security-Token");
  headers.set(
    "Authorization",
    SDK_HMAC_SHA256 + " Access=" + creds.accessKeyId + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature,
  );
}

/** openapi-fetch middleware: SDK-HMAC-SHA256 on every attempt (fresh X-Sdk-Date, credentials resolved each time). */
export function sdkHmacSha256Signer(options: SdkHmacSha256Options): Middleware {
  return signingMiddleware((request) => signSdkHmacSha256(request, options));
}

export interface HuaweiTokenAuthOptions {
  /** An IAM token (`X-Subject-Token` of POST /v3/auth/tokens), or a function returning the current one (called per attempt). */
  token: string | (() => string | Promise<string>);
}

/**
 * openapi-fetch middleware for Huawei token auth: sets `X-Auth-Token`. No signing; tokens are
 * valid 24 h and must be project-scoped to the endpoint's region. The token is a bearer credential, so a
 * request made with `redirect: "follow"` (openapi-fetch's default) goes out with `"manual"`: a 3xx comes back
 * as it is, and the token goes nowhere its `Location` points (fetch keeps `X-Auth-Token` across origins).
 */
export function huaweiTokenAuth(options: HuaweiTokenAuthOptions): Middleware {
  const source = options.token;
  return {
    async onRequest({ request }) {
      const token = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
      if (typeof token !== "string" || token === "") throw new Error("huaweiTokenAuth: token is missing");
      // Headers.set would reject it with a message quoting the token; say what is wrong without it.
      if (!isHeaderToken(token)) throw new Error("huaweiTokenAuth: token contains a character that cannot be sent in an HTTP header");
      // A no-cors request's headers take CORS-safelisted names only (the token would be dropped without a word),
      // and one that would follow a redirect would carry the token to wherever it points: send a copy instead.
      const sent = request.redirect === "follow" || request.mode === "no-cors" ? new Request(request, { redirect: "manual", mode: request.mode === "no-cors" || request.mode === "navigate" ? "cors" : request.mode }) : request;
      sent.headers.set("X-Auth-Token", token);
      return sent;
    },
  };
}
