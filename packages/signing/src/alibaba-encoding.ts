// Percent-encoding, query parsing and date formats shared by the four Alibaba Cloud signers
// (ACS3, RPC v1, OSS V4, OSS V1). Alibaba's canonical forms all use RFC 3986 "unreserved"
// characters (A-Z a-z 0-9 - _ . ~) verbatim and upper-case %XX for every other UTF-8 byte;
// that is encodeURIComponent plus `! ' ( ) *` escaped.
import { crypto } from "./crypto/index.js";

/** 1 for RFC 3986 unreserved ASCII code units. */
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  UNRESERVED[c] =
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e
      ? 1
      : 0;
}

const SUB_DELIMS = /[!'()*]/g;
const escapeSubDelim = (c: string): string => "%" + c.charCodeAt(0).toString(16).toUpperCase();

/**
 * RFC 3986 percent-encoding as Alibaba defines it (space → %20, `*` → %2A, `~` kept).
 * Throws URIError on a lone surrogate, like encodeURIComponent (and the vendor SDKs).
 */
export function percentEncode(value: string): string {
  // Fast path: most names and values (ListBuckets, 2017-11-10, nonces) need no escaping.
  let i = 0;
  const n = value.length;
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) break;
  }
  if (i === n) return value;
  const encoded = encodeURIComponent(value);
  return hasSubDelim(encoded) ? encoded.replace(SUB_DELIMS, escapeSubDelim) : encoded;
}

function hasSubDelim(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ! ' ( ) *
    if (c === 0x21 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x2a) return true;
  }
  return false;
}

/** Like percentEncode but keeps `/` (OSS canonical URIs). */
export function percentEncodePath(path: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 0x2f) {
      out += percentEncode(path.slice(start, i));
      if (i < path.length) out += "/";
      start = i + 1;
    }
  }
  return out;
}

/**
 * Decodes one query component the way the Alibaba gateways read `application/x-www-form-urlencoded`
 * and query strings: `+` is a space, `%XX` are UTF-8 bytes. Malformed escapes are kept literally
 * (WHATWG URLSearchParams behaviour) instead of throwing.
 */
export function decodeQueryComponent(raw: string): string {
  let needs = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25 || c === 0x2b) {
      needs = true;
      break;
    }
  }
  if (!needs) return raw;
  const spaced = raw.includes("+") ? raw.replace(/\+/g, " ") : raw;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return new URLSearchParams("a=" + raw).get("a") ?? raw;
  }
}

/** Decodes a URL path (no `+` rule: a `+` in a path is a literal plus). */
export function decodePath(rawPath: string): string {
  if (!rawPath.includes("%")) return rawPath;
  try {
    return decodeURIComponent(rawPath);
  } catch {
    // Decode the valid escapes one segment at a time; leave broken ones as they are.
    return rawPath.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}

/** One decoded query parameter. A bare key (`?acl`) has value "". */
export type QueryPair = [key: string, value: string];

/** Splits a URL search (`?a=1&b`) or form body into decoded pairs, in order, skipping empty segments. */
export function parseQuery(search: string): QueryPair[] {
  const out: QueryPair[] = [];
  let i = search.charCodeAt(0) === 0x3f ? 1 : 0;
  const n = search.length;
  while (i < n) {
    let amp = search.indexOf("&", i);
    if (amp === -1) amp = n;
    if (amp > i) {
      const eq = search.indexOf("=", i);
      if (eq === -1 || eq > amp) out.push([decodeQueryComponent(search.slice(i, amp)), ""]);
      else out.push([decodeQueryComponent(search.slice(i, eq)), decodeQueryComponent(search.slice(eq + 1, amp))]);
    }
    i = amp + 1;
  }
  return out;
}

/** Plain UTF-16 code-unit order (what Array.prototype.sort and Go's sort.Strings give for ASCII). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Date strings are memoised per second: a signer formats the same second many times under load.
let isoSecondsAt = NaN;
let isoSecondsText = "";
/** `2023-10-26T10:22:32Z` (ACS3 x-acs-date, RPC Timestamp). */
export function isoSeconds(epochMs: number): string {
  const s = Math.floor(epochMs / 1000);
  if (s !== isoSecondsAt) {
    isoSecondsText = new Date(s * 1000).toISOString().slice(0, 19) + "Z"; // 2023-10-26T10:22:32.000Z
    isoSecondsAt = s;
  }
  return isoSecondsText;
}

let isoBasicAt = NaN;
let isoBasicText = "";
/** `20231203T121212Z` (OSS V4 x-oss-date). */
export function isoBasic(epochMs: number): string {
  const s = Math.floor(epochMs / 1000);
  if (s !== isoBasicAt) {
    const iso = new Date(s * 1000).toISOString();
    isoBasicText = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + "T" + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + "Z";
    isoBasicAt = s;
  }
  return isoBasicText;
}

let httpDateAt = NaN;
let httpDateText = "";
/** RFC 1123 / HTTP-date: `Thu, 17 Nov 2005 18:49:58 GMT` (OSS V1). */
export function httpDate(epochMs: number): string {
  const s = Math.floor(epochMs / 1000);
  if (s !== httpDateAt) {
    httpDateText = new Date(s * 1000).toUTCString();
    httpDateAt = s;
  }
  return httpDateText;
}

// Nonces: 16 random bytes as 32 hex chars, cut from a pooled CSPRNG buffer. A randomBytes /
// getRandomValues call per request dominated the signer's profile (~40% of ACS3 time on Node);
// one call per 256 nonces removes that. Every nonce is still fresh CSPRNG output, used once.
let noncePool = "";
let noncePos = 0;
const NONCE_HEX = 32;
const POOL_BYTES = 4096;

export function randomNonce(): string {
  if (noncePos + NONCE_HEX > noncePool.length) {
    noncePool = crypto.randomHex(POOL_BYTES);
    noncePos = 0;
  }
  const n = noncePool.slice(noncePos, noncePos + NONCE_HEX);
  noncePos += NONCE_HEX;
  return n;
}

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Rejects missing keys without ever echoing the secret. */
export function assertAccessKey(scheme: string, creds: { accessKeyId?: unknown; accessKeySecret?: unknown }): void {
  if (typeof creds.accessKeyId !== "string" || creds.accessKeyId === "") {
    throw new Error(`${scheme}: credentials.accessKeyId is missing`);
  }
  if (typeof creds.accessKeySecret !== "string" || creds.accessKeySecret === "") {
    throw new Error(`${scheme}: credentials.accessKeySecret is missing`);
  }
}

// ---- OSS addressing (shared by the OSS V1 and V4 signers) ----

/** How an OSS URL names the bucket; see OssV4SignerOptions.addressing. */
export type OssAddressing = "virtual-hosted" | "path";

/**
 * The decoded `/{bucket}/{key}` an OSS request addresses (`/` for service-level requests such as
 * ListBuckets). Shared by V1 (used decoded) and V4 (re-encoded).
 */
export function ossResourcePath(url: URL, bucket: string | undefined, addressing: OssAddressing | undefined): string {
  const path = decodePath(url.pathname || "/");
  const hostname = url.hostname;
  const mode = addressing ?? inferAddressing(hostname, path, bucket);
  if (mode === "virtual-hosted") {
    const name = bucket ?? hostname.slice(0, hostname.indexOf("."));
    if (!name) throw new Error("OSS: cannot derive the bucket from the host; pass options.bucket");
    return "/" + name + path;
  }
  if (path === "/") return "/";
  // "/bucket" addresses the bucket itself: canonical "/bucket/".
  return path.indexOf("/", 1) === -1 ? path + "/" : path;
}

function inferAddressing(hostname: string, path: string, bucket: string | undefined): OssAddressing {
  if (bucket !== undefined) {
    if (hostname.startsWith(bucket + ".")) return "virtual-hosted";
    if (path === "/" + bucket || path.startsWith("/" + bucket + "/")) return "path";
    return "virtual-hosted"; // a CNAME / custom domain bound to the bucket
  }
  return isOssVirtualHost(hostname) ? "virtual-hosted" : "path";
}

/** `{bucket}.oss-{region}[-internal].aliyuncs.com`, `{bucket}.oss-accelerate.aliyuncs.com`, `{bucket}.{region}.oss.aliyuncs.com`. */
function isOssVirtualHost(hostname: string): boolean {
  if (!hostname.endsWith(".aliyuncs.com")) return false;
  const dot = hostname.indexOf(".");
  if (dot <= 0) return false;
  // Decided by what follows the first label (a bucket may itself be called "oss-example").
  const rest = hostname.slice(dot + 1);
  if (rest.startsWith("oss-")) return true;
  const dot2 = rest.indexOf(".");
  return dot2 !== -1 && rest.slice(dot2 + 1) === "oss.aliyuncs.com";
}
