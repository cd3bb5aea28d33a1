// Alibaba Cloud OSS signature V4 (OSS4-HMAC-SHA256), header form.
//
//   CanonicalRequest = VERB \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n AdditionalHeaders \n "UNSIGNED-PAYLOAD"
//   StringToSign     = "OSS4-HMAC-SHA256" \n x-oss-date \n {yyyyMMdd}/{region}/oss/aliyun_v4_request \n hex(sha256(CanonicalRequest))
//   SigningKey       = HMAC(HMAC(HMAC(HMAC("aliyun_v4" + secret, yyyyMMdd), region), "oss"), "aliyun_v4_request")
//   Authorization    = OSS4-HMAC-SHA256 Credential=AK/scope[,AdditionalHeaders=a;b],Signature=hex(HMAC(SigningKey, StringToSign))
//
// Spec: https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4
// Oracles: ali-oss 6.23 lib/common/signUtils.js authorizationV4; Go SDK v2 oss/signer/v4.go (server-side
// rules where ali-oss diverges: see oss-v4.test.ts).
import type { Middleware } from "openapi-fetch";
import { crypto, hmacBytes, hmacHex, isPromise, type KeyMaterial, type MaybePromise } from "./crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { assertNameList, signingTime, sortPairs, untilAborted, type Clock, type CredentialSource, type SignableRequest } from "./types.js";
import { assertAccessKey, isoBasic } from "./alibaba-common.js";
import { ossResourcePath, type OssAddressing } from "./oss-addressing.js";
import { compareCodeUnits, parseQuery, percentEncode, percentEncodePath } from "./percent-encoding.js";

export type { OssAddressing } from "./oss-addressing.js";

export interface OssV4SignerOptions {
  credentials: CredentialSource;
  /** Plain region id used in the scope, e.g. `cn-hangzhou` (not `oss-cn-hangzhou`). */
  region: string;
  /**
   * Bucket name. The V4 canonical URI always starts with `/{bucket}/`, even for virtual-hosted
   * requests. If omitted it is derived from the URL; see `addressing`.
   */
  bucket?: string | undefined;
  /**
   * How the URL names the bucket:
   * - "virtual-hosted": `https://{bucket}.oss-cn-hangzhou.aliyuncs.com/{key}` — the bucket is `bucket`
   *   or else the first host label; the canonical URI is `/{bucket}{path}`.
   * - "path": `{endpoint}/{bucket}/{key}` (endpoint overrides, mocks, IP hosts) — the path already
   *   starts with the bucket and is used as is.
   * Default: inferred. `*.aliyuncs.com` hosts whose remainder after the first label is an OSS endpoint
   * (`oss-…` or `{region}.oss.aliyuncs.com`) are virtual-hosted; with a `bucket` option, a host
   * starting with `{bucket}.` is virtual-hosted and a path not starting with `/{bucket}` is too (CNAME);
   * everything else is path-style.
   */
  addressing?: OssAddressing | undefined;
  clock?: Clock | undefined;
  /**
   * Extra headers to sign (e.g. `["host"]`). Lower-cased, de-duplicated, sorted; `content-type`,
   * `content-md5` and `x-oss-*` (always signed) and names absent from the request are dropped, as the
   * Go SDK does. `host` is signed as `url.host` (fetch cannot set Host).
   */
  additionalHeaders?: readonly string[] | undefined;
}

const ALGORITHM = "OSS4-HMAC-SHA256";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/**
 * Signs `request` in place: rewrites the query in canonical form (key-only for empty values), sets
 * x-oss-date, x-oss-content-sha256: UNSIGNED-PAYLOAD, x-oss-security-token (STS) and Authorization.
 */
export async function signOssV4(request: SignableRequest, options: OssV4SignerOptions): Promise<void> {
  const source = options.credentials;
  const creds = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
  assertAccessKey("OSS V4", creds);
  const { url, headers } = request;
  const region = options.region;
  if (!region) throw new Error("OSS V4: options.region is required (e.g. cn-hangzhou)");
  // The region is signed into the scope: an endpoint's label (oss-cn-hangzhou) signs a scope OSS refuses, and
  // the call fails later as a signature mismatch that points at the keys.
  if (typeof region !== "string" || region.startsWith("oss-") || !/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    const hint = typeof region === "string" && region.startsWith("oss-") ? ` (the region id, without the endpoint's "oss-": ${region.slice(4).replace(/-internal$/, "")})` : "";
    throw new Error(`OSS V4: options.region must be a region id such as cn-hangzhou${hint}`);
  }

  // Canonical URI: /bucket/key, RFC 3986-encoded with "/" kept.
  const canonicalUri = percentEncodePath(ossResourcePath(url, options.bucket, options.addressing));

  // Canonical query: encoded names and values, sorted by encoded name (byte order, like the Go SDK),
  // `name` alone when the value is empty. The URL is rewritten to exactly this string.
  const search = url.search;
  let canonicalQuery = "";
  if (search.length > 1) {
    const pairs = parseQuery(search);
    const encoded: string[] = new Array<string>(pairs.length);
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i]!;
      encoded[i] = p[1] === "" ? percentEncode(p[0]) : percentEncode(p[0]) + "=" + percentEncode(p[1]);
    }
    if (encoded.length > 1) encoded.sort(compareEncodedParams);
    canonicalQuery = encoded.join("&");
    if (canonicalQuery !== search.slice(1)) url.search = canonicalQuery; // the setter re-parses: skip when unchanged
  }

  const datetime = isoBasic(signingTime("OSS V4", options.clock));
  const day = datetime.slice(0, 8);
  const token = creds.securityToken;

  // Additional headers actually present.
  const additional = normalizeAdditional(options.additionalHeaders, headers);

  // Canonical headers: content-type, content-md5, x-oss-* and the additional ones, sorted. The request's
  // headers are read once (lower-case, sorted, trimmed); x-oss-date, x-oss-content-sha256 and
  // x-oss-security-token are this signer's: added to the list below and written at the end.
  const list: string[] = [];
  let staleToken = false;
  for (const [name, value] of headers) {
    if (name === "x-oss-security-token") staleToken = true;
    else if (
      name !== "host" && // signed from the URL below, never from a header
      name !== "x-oss-date" &&
      name !== "x-oss-content-sha256" &&
      (name === "content-type" || name === "content-md5" || name.startsWith("x-oss-") || (additional !== undefined && additional.includes(name)))
    ) {
      list.push(name, value.trim());
    }
  }
  if (additional !== undefined && additional.includes("host")) list.push("host", url.host);
  const own = ["x-oss-date", datetime, "x-oss-content-sha256", UNSIGNED_PAYLOAD];
  if (token) own.push("x-oss-security-token", token);
  list.push(...own);
  sortPairs(list);
  let canonicalHeaders = "";
  for (let i = 0; i < list.length; i += 2) canonicalHeaders += list[i]! + ":" + list[i + 1]! + "\n";
  const additionalLine = additional === undefined ? "" : additional.join(";");

  const canonicalRequest =
    request.method.toUpperCase() +
    "\n" +
    canonicalUri +
    "\n" +
    canonicalQuery +
    "\n" +
    canonicalHeaders +
    "\n" +
    additionalLine +
    "\n" +
    UNSIGNED_PAYLOAD;
  const scope = day + "/" + region + "/oss/aliyun_v4_request";
  let hashed = crypto.sha256Hex(canonicalRequest);
  if (typeof hashed !== "string") hashed = await hashed;
  let key = signingKey(creds.accessKeyId, creds.accessKeySecret, day, region);
  if (isPromise(key)) key = await key;
  const stringToSign = ALGORITHM + "\n" + datetime + "\n" + scope + "\n" + hashed;
  request.signed = { canonicalRequest, stringToSign };
  let signature = hmacHex("SHA-256", key, stringToSign);
  if (typeof signature !== "string") signature = await signature;

  for (let i = 0; i < own.length; i += 2) headers.set(own[i]!, own[i + 1]!);
  if (!token && staleToken) headers.delete("x-oss-security-token");
  headers.set(
    "authorization",
    ALGORITHM +
      " Credential=" +
      creds.accessKeyId +
      "/" +
      scope +
      (additionalLine ? ",AdditionalHeaders=" + additionalLine : "") +
      ",Signature=" +
      signature,
  );
}

/** openapi-fetch middleware: signs every attempt with a fresh date and credentials. */
export function ossV4Signer(options: OssV4SignerOptions): Middleware {
  return signingMiddleware((request) => signOssV4(request, options));
}

function compareEncodedParams(a: string, b: string): number {
  const ea = a.indexOf("=");
  const eb = b.indexOf("=");
  const c = compareCodeUnits(ea === -1 ? a : a.slice(0, ea), eb === -1 ? b : b.slice(0, eb));
  return c !== 0 ? c : compareCodeUnits(a, b);
}

function normalizeAdditional(list: readonly string[] | undefined, headers: Headers): string[] | undefined {
  if (list == null) return undefined;
  assertNameList("OSS V4", "additionalHeaders", list);
  if (list.length === 0) return undefined;
  const out: string[] = [];
  for (const raw of list) {
    const name = raw.toLowerCase();
    if (name === "content-type" || name === "content-md5" || name.startsWith("x-oss-")) continue;
    if (out.includes(name)) continue;
    if (name !== "host" && !headers.has(name)) continue;
    out.push(name);
  }
  if (out.length === 0) return undefined;
  out.sort(compareCodeUnits);
  return out;
}

// Signing keys depend only on (secret, day, region): cache them. Keyed by access key id, day, region
// and a 32-bit FNV-1a fingerprint of the secret (so a rotated secret under the same id gets a fresh
// key); the secret itself is never stored.
const KEY_CACHE_LIMIT = 64;
const keyCache = new Map<string, MaybePromise<Uint8Array>>();

function signingKey(accessKeyId: string, secret: string, day: string, region: string): MaybePromise<Uint8Array> {
  const cacheKey = accessKeyId + "\n" + day + "\n" + region + "\n" + fnv1a(secret);
  let key = keyCache.get(cacheKey);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) {
      const oldest = keyCache.keys().next().value;
      if (oldest !== undefined) keyCache.delete(oldest);
    }
    // HMAC("aliyun_v4" + secret, day) → region → "oss" → "aliyun_v4_request"; synchronous on Node.
    let k: MaybePromise<KeyMaterial> = "aliyun_v4" + secret;
    for (const part of [day, region, "oss", "aliyun_v4_request"]) {
      k = isPromise<KeyMaterial>(k) ? k.then((v) => hmacBytes("SHA-256", v, part)) : hmacBytes("SHA-256", k, part);
    }
    key = k as MaybePromise<Uint8Array>;
    keyCache.set(cacheKey, key);
    if (isPromise(key)) key.catch(() => keyCache.delete(cacheKey));
  }
  return key;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
