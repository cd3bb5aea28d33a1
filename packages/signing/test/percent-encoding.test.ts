// The one percent-encoding module, against the platform's own encoders as oracles: the ACS/OSS rule is
// encodeURIComponent with `! ' ( ) *` escaped (what the Alibaba SDKs write), the Huawei/BCE rule is the same
// bytes with a lone surrogate taken as U+FFFD (what the URL parser and TextEncoder do), and a component that
// decodes unambiguously reads the same to a form decoder (URLSearchParams) and a plain one (decodeURIComponent).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalizeEncoded,
  decodeQueryComponent,
  decodesUnambiguously,
  parseQuery,
  percentEncode,
  percentEncodePath,
  splitQuery,
  uriEncode,
} from "../src/percent-encoding.js";

const RUNS = { seed: 3986, numRuns: 1000 };
/** String.prototype.toWellFormed (ES2024): each lone surrogate becomes U+FFFD. */
const toWellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
/** Any UTF-16 string, lone surrogates included. */
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const wellFormed = fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ unit: "binary", maxLength: 20 }).map(toWellFormed), fc.constantFrom("a b*", "~!*'()", "/x/y/", "é 中 😀"));
/** What the Alibaba SDKs compute (tea-util / openapi-util percentEncode). */
/** A query component as a URL carries it: printable ASCII, escapes well-formed or not. */
const rawComponent = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
  fc.array(fc.constantFrom("%", "%zz", "%2", "%ED%A0%80", "%E4%B8", "%E4%B8%AD", "%2B", "+", "a", "*(x)!", "%FF", "%20"), { maxLength: 6 }).map((p) => p.join("")),
);
const sdkPercentEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

describe("the ACS/OSS rule (percentEncode, percentEncodePath)", () => {
  it("is encodeURIComponent with ! ' ( ) * escaped, and throws URIError exactly where encodeURIComponent does", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, wellFormed), (s) => {
        let expected: string | URIError;
        try {
          expected = sdkPercentEncode(s);
        } catch (err) {
          expected = err as URIError;
        }
        if (expected instanceof URIError) expect(() => percentEncode(s)).toThrow(URIError);
        else expect(percentEncode(s)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("keeps / in paths and encodes each segment alike", () => {
    fc.assert(
      fc.property(fc.array(wellFormed.filter((s) => !s.includes("/")), { maxLength: 4 }), (segments) => {
        expect(percentEncodePath(segments.join("/"))).toBe(segments.map(sdkPercentEncode).join("/"));
      }),
      RUNS,
    );
    expect(percentEncodePath("/bucket/a b/%2F(x)")).toBe("/bucket/a%20b/%252F%28x%29");
  });
});

describe("the Huawei/BCE rule (uriEncode, canonicalizeEncoded)", () => {
  it("gives the ACS bytes for well-formed text, and U+FFFD's bytes for a lone surrogate (as TextEncoder)", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, wellFormed), (s) => {
        expect(uriEncode(s)).toBe(sdkPercentEncode(toWellFormed(s)));
      }),
      RUNS,
    );
    expect(uriEncode("\uD800x")).toBe("%EF%BF%BDx");
  });

  it("canonicalizes any encoding of a value to uriEncode of the value (paths keep /, queries read + as space)", () => {
    fc.assert(
      fc.property(wellFormed, fc.constantFrom("component", "uri", "lowerhex", "form"), (s, style) => {
        const encoded =
          style === "component"
            ? encodeURIComponent(s)
            : style === "uri"
              ? encodeURI(s).replace(/[?#&=+]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
              : style === "lowerhex"
                ? encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())
                : new URLSearchParams([["", s]]).toString().slice(1);
        if (style !== "form") expect(canonicalizeEncoded(encoded, false, false)).toBe(uriEncode(s));
        expect(canonicalizeEncoded(encoded, false, true)).toBe(uriEncode(s));
        if (style !== "form") expect(canonicalizeEncoded(encoded, true, false)).toBe(s.split("/").map(uriEncode).join("/"));
      }),
      RUNS,
    );
  });

  it("keeps invalid UTF-8 escapes as bytes and a stray % as %25", () => {
    expect(canonicalizeEncoded("%ff%zz%2", false, false)).toBe("%FF%25zz%252");
    expect(canonicalizeEncoded("a%2Fb/c", true, false)).toBe("a/b/c");
    expect(canonicalizeEncoded("a%2Fb/c", false, false)).toBe("a%2Fb%2Fc");
  });
});

describe("query decoding", () => {
  it("decodes as URLSearchParams does (+ is a space, malformed escapes kept)", () => {
    fc.assert(
      fc.property(rawComponent, (raw) => {
        // URLSearchParams splits at & and =; compare on one component.
        if (/[&=#]/.test(raw)) return;
        expect(decodeQueryComponent(raw)).toBe(new URLSearchParams("a=" + raw).get("a"));
      }),
      RUNS,
    );
  });

  it("an unambiguous component reads the same to a form decoder and to decodeURIComponent", () => {
    fc.assert(
      fc.property(rawComponent, (raw) => {
        if (/[&=#]/.test(raw)) return;
        if (!decodesUnambiguously(raw)) return;
        expect(decodeURIComponent(raw)).toBe(new URLSearchParams("a=" + raw).get("a"));
      }),
      RUNS,
    );
    // What openapi-fetch's default serializer writes (encodeURIComponent) is always unambiguous.
    fc.assert(
      fc.property(wellFormed, (s) => {
        expect(decodesUnambiguously(encodeURIComponent(s))).toBe(true);
      }),
      RUNS,
    );
    for (const raw of ["a+b", "%zz", "%FF", "%ED%A0%80", "%E4%B8", "100%"]) expect(decodesUnambiguously(raw), raw).toBe(false);
    for (const raw of ["", "abc", "*(x)!'", "%2B", "%E4%B8%AD", "a%20b"]) expect(decodesUnambiguously(raw), raw).toBe(true);
  });

  it("splits raw pairs and decodes them, skipping empty segments; a bare key has an empty value", () => {
    expect(splitQuery("?a=1&&b&c=x%20y&=z")).toEqual([
      ["a", "1"],
      ["b", ""],
      ["c", "x%20y"],
      ["", "z"],
    ]);
    expect(parseQuery("?a=1&&b&c=x%20y+z")).toEqual([
      ["a", "1"],
      ["b", ""],
      ["c", "x y z"],
    ]);
    expect(parseQuery("")).toEqual([]);
  });
});
