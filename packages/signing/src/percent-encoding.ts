// Percent-encoding for every signer's canonical forms: one module, one encoder. All five schemes use the
// RFC 3986 unreserved set (A-Z a-z 0-9 - . _ ~) verbatim and write every other UTF-8 byte as %XY with
// UPPER-case hex. They differ only at the edges, so the rule sets are named by what they are:
//
//   uriEncode            Huawei SDK-HMAC-SHA256 and Baidu bce-auth-v1 "UriEncode": a lone surrogate
//                        becomes U+FFFD (as the URL parser and TextEncoder do), nothing throws.
//   percentEncode        Alibaba ACS3, RPC v1 and OSS V1/V4 "percentEncode": encodeURIComponent with
//                        `! ' ( ) *` escaped too, so a lone surrogate throws URIError (as the vendor SDKs do).
//   percentEncodePath    the ACS/OSS rule with `/` kept (OSS canonical URIs).
//   canonicalizeEncoded  Huawei/BCE canonical form of an already percent-encoded URL component.
//
// The request a signer sees is a WHATWG `URL`, whose pathname/search are already percent-encoded but not
// in canonical form (openapi-fetch and the URL parser leave `! ' ( ) * : @ $ , ; =` raw and may emit
// lower-case hex). Servers decode what they receive and re-encode it, so the canonical form is "decode %XY
// to bytes, then encode the bytes once" — never a second encoding of an existing escape.

/** 1 for RFC 3986 unreserved ASCII code units. */
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  UNRESERVED[c] =
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e
      ? 1
      : 0;
}

/** `%XY` for every byte value, upper-case hex. */
const PCT = Array.from({ length: 256 }, (_, b) => "%" + (b < 16 ? "0" : "") + b.toString(16).toUpperCase());

/** Value of a hex digit, or -1. */
function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * The one encoder: UTF-8 bytes of `value`, unreserved ASCII (and `/` with `keepSlash`) kept, the rest
 * `%XY`. A lone surrogate is U+FFFD, or a URIError with `strict`.
 */
function encodeUnreserved(value: string, keepSlash: boolean, strict: boolean): string {
  const n = value.length;
  let i = 0;
  // Fast path: most names and values (ListBuckets, 2017-11-10, nonces, dates) need no escaping at all.
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || (UNRESERVED[c] === 0 && !(keepSlash && c === 0x2f))) break;
  }
  if (i === n) return value;
  let out = value.slice(0, i);
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) {
      out += UNRESERVED[c] === 1 || (keepSlash && c === 0x2f) ? value[i] : PCT[c];
    } else if (c < 0x800) {
      out += PCT[0xc0 | (c >> 6)]! + PCT[0x80 | (c & 0x3f)]!;
    } else if (c < 0xd800 || c >= 0xe000) {
      out += PCT[0xe0 | (c >> 12)]! + PCT[0x80 | ((c >> 6) & 0x3f)]! + PCT[0x80 | (c & 0x3f)]!;
    } else {
      const c2 = i + 1 < n ? value.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && c2 >= 0xdc00 && c2 < 0xe000) {
        const cp = 0x10000 + (((c & 0x3ff) << 10) | (c2 & 0x3ff));
        out += PCT[0xf0 | (cp >> 18)]! + PCT[0x80 | ((cp >> 12) & 0x3f)]! + PCT[0x80 | ((cp >> 6) & 0x3f)]! + PCT[0x80 | (cp & 0x3f)]!;
        i++;
      } else if (strict) {
        throw new URIError("URI malformed"); // encodeURIComponent's error for a lone surrogate
      } else {
        out += "%EF%BF%BD"; // lone surrogate → U+FFFD, as the URL and TextEncoder do
      }
    }
  }
  return out;
}

/**
 * UriEncode(value) as Huawei and Baidu define it: RFC 3986 percent-encoding of the UTF-8 bytes of `value`
 * (space → %20, `*` → %2A, `~` kept). A lone surrogate (impossible in strings taken from a URL or Headers)
 * becomes U+FFFD.
 */
export function uriEncode(value: string): string {
  return encodeUnreserved(value, false, false);
}

/**
 * percentEncode(value) as Alibaba Cloud defines it for ACS3, RPC v1 and OSS (space → %20, `*` → %2A, `~`
 * kept): encodeURIComponent with `! ' ( ) *` escaped too. Throws URIError on a lone surrogate, like
 * encodeURIComponent and the vendor SDKs.
 */
export function percentEncode(value: string): string {
  return encodeUnreserved(value, false, true);
}

/** Like percentEncode but keeps `/` (OSS canonical URIs). */
export function percentEncodePath(path: string): string {
  return encodeUnreserved(path, true, true);
}

/**
 * Canonical form of an already percent-encoded URL component, computed byte-wise in one pass:
 * `%XY` is decoded to its byte and re-emitted (unreserved bytes as characters, others as upper-case
 * `%XY`), other characters are encoded like {@link uriEncode}. A `%` that does not start a valid escape
 * is a literal percent (`%25`). With `keepSlash`, `/` — raw or decoded from `%2F` — stays `/`
 * (UriEncodeExceptSlash of the decoded path). With `plusIsSpace`, a raw `+` is a space (query strings,
 * as form-decoding servers read them).
 *
 * Working on bytes means invalid UTF-8 escapes (`%FF`) survive unchanged, as in the Go and Java
 * servers that decode to bytes, instead of turning into U+FFFD.
 */
export function canonicalizeEncoded(encoded: string, keepSlash: boolean, plusIsSpace: boolean): string {
  const n = encoded.length;
  let i = 0;
  for (; i < n; i++) {
    const c = encoded.charCodeAt(i);
    if (c >= 128 || (UNRESERVED[c] === 0 && !(keepSlash && c === 0x2f))) break;
  }
  if (i === n) return encoded;
  let out = encoded.slice(0, i);
  let runStart = i; // start of a pending run of characters that need no change
  for (; i < n; i++) {
    const c = encoded.charCodeAt(i);
    if (c < 0x80 && (UNRESERVED[c] === 1 || (keepSlash && c === 0x2f))) continue;
    if (runStart < i) out += encoded.slice(runStart, i);
    if (c === 0x25) {
      const h = i + 2 < n ? hexVal(encoded.charCodeAt(i + 1)) : -1;
      const l = h >= 0 ? hexVal(encoded.charCodeAt(i + 2)) : -1;
      if (l >= 0) {
        const b = (h << 4) | l;
        out += (b < 0x80 && UNRESERVED[b] === 1) || (keepSlash && b === 0x2f) ? String.fromCharCode(b) : PCT[b]!;
        i += 2;
      } else {
        out += "%25";
      }
    } else if (c === 0x2b && plusIsSpace) {
      out += "%20";
    } else if (c < 0x80) {
      out += PCT[c]!;
    } else {
      // Raw non-ASCII (not produced by the URL parser, but possible in hand-built strings).
      const hi = c >= 0xd800 && c < 0xdc00 && i + 1 < n ? encoded.charCodeAt(i + 1) : 0;
      if (hi >= 0xdc00 && hi < 0xe000) {
        out += uriEncode(encoded.slice(i, i + 2));
        i++;
      } else {
        out += uriEncode(encoded[i]!);
      }
    }
    runStart = i + 1;
  }
  if (runStart < n) out += encoded.slice(runStart);
  return out;
}

/**
 * Decodes one query-string component the way form-decoding servers (and the Alibaba gateways) do: `+` is
 * a space and `%XY` are UTF-8 bytes. Malformed escapes are kept literally (WHATWG URLSearchParams
 * behaviour) rather than throwing.
 */
export function decodeQueryComponent(raw: string): string {
  let i = 0;
  const n = raw.length;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25 || c === 0x2b) break;
  }
  if (i === n) return raw;
  const spaced = raw.includes("+") ? raw.replaceAll("+", " ") : raw;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return new URLSearchParams("a=" + raw).get("a") ?? raw;
  }
}

/**
 * Whether every server reads the query component `raw` (as a URL carries it: ASCII) as
 * {@link decodeQueryComponent} does: no raw `+` (a space to form decoders, a plus to others), no raw
 * non-ASCII, and every `%` starts an escape of well-formed UTF-8 (what a server does with `%zz` or `%FF`
 * is its own choice).
 */
export function decodesUnambiguously(raw: string): boolean {
  let escapes = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2b || c >= 0x80) return false;
    if (c === 0x25) escapes = true;
  }
  if (!escapes) return true;
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
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

/** One query parameter; a bare key (`?acl`) has value "". */
export type QueryPair = [key: string, value: string];

/** Splits `url.search` (or a form body) into raw, still encoded [key, value] pairs, skipping empty segments. */
export function splitQuery(search: string): QueryPair[] {
  const out: QueryPair[] = [];
  const n = search.length;
  let i = n > 0 && search.charCodeAt(0) === 0x3f ? 1 : 0;
  while (i < n) {
    let amp = search.indexOf("&", i);
    if (amp === -1) amp = n;
    if (amp > i) {
      const eq = search.indexOf("=", i);
      if (eq === -1 || eq > amp) out.push([search.slice(i, amp), ""]);
      else out.push([search.slice(i, eq), search.slice(eq + 1, amp)]);
    }
    i = amp + 1;
  }
  return out;
}

/** Splits a URL search (`?a=1&b`) or form body into decoded pairs, in order, skipping empty segments. */
export function parseQuery(search: string): QueryPair[] {
  const pairs = splitQuery(search);
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    p[0] = decodeQueryComponent(p[0]);
    p[1] = decodeQueryComponent(p[1]);
  }
  return pairs;
}

/** Plain UTF-16 code-unit order (Array.prototype.sort's default; what Go's sort.Strings gives for ASCII). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
