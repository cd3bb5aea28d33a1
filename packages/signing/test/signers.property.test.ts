// Random strings into every canonicalizer and signer core (fast-check, fixed seeds). Canonicalizers never
// throw (percentEncode documents a URIError for a lone surrogate, and only that); signer cores either sign
// or throw a plain Error with their documented message; through the middleware, a credential that cannot
// be sent in a header is refused without the error quoting it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acs3Signer, acsRpcV1Signer, bceV1Signer, ossV1Signer, ossV4Signer, sdkHmacSha256Signer, signAcs3, signAcsRpcV1, signBceV1, signOssV1, signOssV4, signRequest, signSdkHmacSha256 } from "../src/index.js";
import type { SignableRequest } from "../src/types.js";
import { httpDate, isoBasic, isoSeconds } from "../src/alibaba-common.js";
import { canonicalizeEncoded, decodePath, decodeQueryComponent, decodesUnambiguously, parseQuery, percentEncode, percentEncodePath, splitQuery, uriEncode } from "../src/percent-encoding.js";
import { bceCanonicalQuery, bceCanonicalUri, bceTimestamp } from "../src/bce-v1.js";
import { huaweiCanonicalQuery, huaweiCanonicalUri, sdkDate } from "../src/huawei-sdk-hmac.js";

const RUNS = { seed: 4242, numRuns: 500 };

/** Any UTF-16 string, lone surrogates included. */
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const mixed = fc.oneof(anyString, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom("%", "%zz", "%2", "%ED%A0%80", "+", "a=b&c", "?", "/", "//", "%2F", "~!*'()"));
const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("canonicalizers take any string", () => {
  const pure: [string, (s: string) => unknown][] = [
    ["uriEncode", uriEncode],
    ["canonicalizeEncoded(path)", (s) => canonicalizeEncoded(s, true, false)],
    ["canonicalizeEncoded(query)", (s) => canonicalizeEncoded(s, false, true)],
    ["decodeQueryComponent", decodeQueryComponent],
    ["decodesUnambiguously", decodesUnambiguously],
    ["splitQuery", splitQuery],
    ["decodePath", decodePath],
    ["parseQuery", parseQuery],
    ["bceCanonicalUri", bceCanonicalUri],
    ["bceCanonicalQuery", bceCanonicalQuery],
    ["huaweiCanonicalUri", huaweiCanonicalUri],
    ["huaweiCanonicalQuery", huaweiCanonicalQuery],
  ];
  it.each(pure)("%s never throws", (_, fn) => {
    fc.assert(
      fc.property(mixed, (s) => {
        fn(s);
      }),
      RUNS,
    );
  });

  it.each([
    ["percentEncode", percentEncode],
    ["percentEncodePath", percentEncodePath],
  ] as const)("%s throws only its documented URIError, only for a lone surrogate", (_, fn) => {
    fc.assert(
      fc.property(mixed, (s) => {
        try {
          const out = fn(s);
          expect(out).toMatch(/^[A-Za-z0-9\-._~%/]*$/);
        } catch (err) {
          expect(err).toBeInstanceOf(URIError);
          expect(hasLoneSurrogate(s)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("uriEncode output is always RFC 3986 canonical", () => {
    fc.assert(fc.property(mixed, (s) => {
        expect(uriEncode(s)).toMatch(/^[A-Za-z0-9\-._~]*(%[0-9A-F]{2}[A-Za-z0-9\-._~]*)*$/);
      }), RUNS);
  });

  it("date formatters write any instant from 1970 to 9999 as the platform's UTC Date does, the second truncated", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (t) => {
        // The oracle: Date's own UTC forms (toISOString, toUTCString), milliseconds dropped, never rounded up.
        const iso = new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
        const basic = iso.replace(/[-:]/g, "");
        expect(isoSeconds(t)).toBe(iso);
        expect(bceTimestamp(t)).toBe(iso);
        expect(isoBasic(t)).toBe(basic);
        expect(sdkDate(t)).toBe(basic);
        expect(httpDate(t)).toBe(new Date(t).toUTCString());
      }),
      RUNS,
    );
    // The last millisecond of a second stays in it (a rounding formatter would move to the next one).
    expect([isoSeconds(1_700_000_000_999), isoBasic(1_700_000_000_999)]).toEqual(["2023-11-14T22:13:20Z", "20231114T221320Z"]);
  });
});

// ------------------------------------------------------------------------------------------------------------------

const headerSafe = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 30 });
const tokenChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_".split(""));
const headerName = fc.string({ unit: tokenChar, minLength: 1, maxLength: 12 });
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });

const requestArb = fc
  .record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"),
    host: fc.constantFrom("ens.aliyuncs.com", "examplebucket.oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com", "127.0.0.1:9000", "bj.bcebos.com", "b.bj.bcebos.com", "mpc.cn-north-4.myhuaweicloud.com", "x"),
    path: mixed,
    query: fc.array(fc.tuple(mixed, fc.option(mixed)), { maxLength: 5 }),
    action: fc.boolean(),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
    body: fc.option(fc.uint8Array({ maxLength: 64 })),
  })
  .map((r): SignableRequest => {
    const url = new URL(`http://${r.host}/`);
    url.pathname = r.path; // the URL parser normalizes what it is given, as it does for real requests
    const search = new URLSearchParams();
    if (r.action) search.append("Action", "ListBuckets"), search.append("Version", "2017-11-10");
    for (const [k, v] of r.query) search.append(k, v ?? "");
    url.search = search.toString();
    const headers = new Headers();
    for (const [k, v] of r.headers) headers.append(k, v);
    return { method: r.method, url, headers, body: r.body ?? undefined };
  });

const credsArb = fc.record({ accessKeyId: headerSafe, accessKeySecret: fc.oneof(anyString.filter((s) => s !== ""), headerSafe), securityToken: fc.option(headerSafe, { nil: undefined }) });
const clockArb = fc.integer({ min: 0, max: 253_402_300_799_999 });

type Core = (request: SignableRequest, options: never) => Promise<void>;
const CORES: [string, Core, (c: unknown, clock: number) => object, RegExp][] = [
  ["signAcs3", signAcs3 as Core, (credentials, clock) => ({ credentials, clock: () => clock }), /^ACS3: no API action\/version/],
  ["signAcsRpcV1", signAcsRpcV1 as Core, (credentials, clock) => ({ credentials, clock: () => clock }), /^RPC v1: the request needs Action and Version/],
  ["signOssV4", signOssV4 as Core, (credentials, clock) => ({ credentials, clock: () => clock, region: "cn-hangzhou" }), /^OSS: cannot derive the bucket/],
  ["signOssV1", signOssV1 as Core, (credentials, clock) => ({ credentials, clock: () => clock }), /^OSS: cannot derive the bucket/],
  ["signSdkHmacSha256", signSdkHmacSha256 as Core, (credentials, clock) => ({ credentials, clock: () => clock, projectId: "p" }), /^$/],
  ["signBceV1", signBceV1 as Core, (credentials, clock) => ({ credentials, clock: () => clock }), /^$/],
];

describe("signer cores take any request", () => {
  it.each(CORES)("%s signs, or throws only its documented Error", async (_, sign, options, documented) => {
    await fc.assert(
      fc.asyncProperty(requestArb, credsArb, clockArb, async (request, credentials, clock) => {
        try {
          await sign(request, options(credentials, clock) as never);
        } catch (err) {
          expect(Object.getPrototypeOf(err)).toBe(Error.prototype); // a plain Error, not a TypeError/RangeError/URIError
          expect((err as Error).message).toMatch(documented);
          return;
        }
        const signed = request.headers.get("authorization") ?? request.url.searchParams.get("Signature");
        expect(signed).toBeTruthy();
        // The secret never appears in what is sent.
        const sent = `${request.url.href}\n${[...request.headers].join("\n")}`;
        if (credentials.accessKeySecret.length >= 4) expect(sent).not.toContain(credentials.accessKeySecret);
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});

describe("through the middleware, a credential that cannot be sent in a header is refused without being quoted", () => {
  const signers = [
    ["acs3Signer", (c: object) => acs3Signer({ credentials: c as never })],
    ["acsRpcV1Signer", (c: object) => acsRpcV1Signer({ credentials: c as never })],
    ["ossV4Signer", (c: object) => ossV4Signer({ credentials: c as never, region: "cn-hangzhou" })],
    ["ossV1Signer", (c: object) => ossV1Signer({ credentials: c as never })],
    ["sdkHmacSha256Signer", (c: object) => sdkHmacSha256Signer({ credentials: c as never })],
    ["bceV1Signer", (c: object) => bceV1Signer({ credentials: c as never })],
  ] as const;
  const badToken = fc.tuple(headerSafe, fc.constantFrom("\n", "\r\n", "\u0000", "\u00e9", "\u2028", "\u79d8"), headerSafe).map(([a, bad, b]) => `SENTINEL${a}${bad}${b}`);

  it.each(signers)("%s", async (_, make) => {
    await fc.assert(
      fc.asyncProperty(badToken, fc.boolean(), async (token, asId) => {
        const credentials = asId ? { accessKeyId: token, accessKeySecret: "secret-key" } : { accessKeyId: "id", accessKeySecret: "secret-key", securityToken: token };
        const middleware = make(credentials) as { onRequest(p: { request: Request }): Promise<Request> };
        const request = new Request("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&acl", { method: "GET" });
        try {
          await middleware.onRequest({ request } as never);
        } catch (err) {
          expect(String((err as Error).message)).not.toContain(token);
          expect(String((err as Error).stack)).not.toContain(token);
          return;
        }
        // Some schemes carry the token in the query (RPC v1), where it is percent-encoded: fine.
      }),
      { seed: 77, numRuns: 60 },
    );
  });

  it("signRequest keeps other errors as they are", async () => {
    await expect(signRequest(new Request("https://x/"), async () => Promise.reject(new Error("custom")))).rejects.toThrow("custom");
  });
});
