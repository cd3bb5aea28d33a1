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

/** Text every scheme here leaves as it is (RFC 3986 unreserved only): the common case, returned at once. */
const UNRESERVED_ONLY = /^[\w.~-]*$/;
const UNRESERVED_PATH = /^[\w.~/-]*$/;
/** `!'()*`: left raw by encodeURIComponent, escaped by every scheme here. */
const SUB_DELIMS = /[!'()*]/g;
/** `%XY` of one ASCII character, upper-case hex. */
const escapeAscii = (c: string): string => "%" + c.charCodeAt(0).toString(16).toUpperCase();
/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * UriEncode(value) as Huawei and Baidu define it: RFC 3986 percent-encoding of the UTF-8 bytes of `value`
 * (space → %20, `*` → %2A, `~` kept). A lone surrogate (impossible in strings taken from a URL or Headers)
 * becomes U+FFFD.
 */
export function uriEncode(value: string): string {
  try {
    return percentEncode(value);
  } catch {
    return percentEncode(value.replace(LONE_SURROGATE, "\uFFFD")); // as the URL parser and TextEncoder do
  }
}

/**
 * percentEncode(value) as Alibaba Cloud defines it for ACS3, RPC v1 and OSS (space → %20, `*` → %2A, `~`
 * kept): encodeURIComponent with `! ' ( ) *` escaped too. Throws URIError on a lone surrogate, like
 * encodeURIComponent and the vendor SDKs.
 */
export function percentEncode(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(SUB_DELIMS, escapeAscii);
}

/** Like percentEncode but keeps `/` (OSS canonical URIs). */
export function percentEncodePath(path: string): string {
  return percentEncode(path).replaceAll("%2F", "/");
}

/** What canonicalizeEncoded rewrites: an escape, a raw surrogate pair, or one character outside the unreserved set. */
const NOT_CANONICAL = /%[\dA-Fa-f]{2}|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\w.~-]/g;

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
  if ((keepSlash ? UNRESERVED_PATH : UNRESERVED_ONLY).test(encoded)) return encoded;
  return encoded.replace(NOT_CANONICAL, (m) => {
    if (m.length === 3) {
      // One escaped byte: an unreserved one (or `/` with keepSlash) as itself, any other in upper case.
      const c = String.fromCharCode(parseInt(m.slice(1), 16));
      return /[\w.~-]/.test(c) || (keepSlash && c === "/") ? c : m.toUpperCase();
    }
    if (keepSlash && m === "/") return m;
    return plusIsSpace && m === "+" ? "%20" : uriEncode(m);
  });
}

/**
 * Decodes one query-string component the way form-decoding servers (and the Alibaba gateways) do: `+` is
 * a space and `%XY` are UTF-8 bytes. Malformed escapes are kept literally (WHATWG URLSearchParams
 * behaviour) rather than throwing.
 */
export function decodeQueryComponent(raw: string): string {
  if (!/[%+]/.test(raw)) return raw;
  const spaced = raw.replaceAll("+", " ");
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
  if (/[+\x80-\uffff]/.test(raw)) return false;
  if (!raw.includes("%")) return true;
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
  for (const part of (search[0] === "?" ? search.slice(1) : search).split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    out.push(eq === -1 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)]);
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
