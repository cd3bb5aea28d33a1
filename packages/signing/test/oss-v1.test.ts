import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ossV1Signer, signOssV1 } from "../src/oss-v1.js";
import type { SignableRequest } from "../src/types.js";
import { awkwardString, credentials, epochMs, headerTail, headerValue, queryStyle, sample, serializeQuery, uniqueBy } from "./fixtures/alibaba-gen.js";

// Oracle: ali-oss 6.23 (official Node SDK) V1 functions, called as client.authorization() does.
const require = createRequire(import.meta.url);
const signUtils = require("ali-oss/lib/common/signUtils.js") as {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: unknown }, expires?: string): string;
  authorization(accessKeyId: string, accessKeySecret: string, canonicalString: string, headerEncoding?: string): string;
};
const aliOssAuthorization = (ak: string, sk: string, method: string, resource: string, headers: Record<string, string>, subres: unknown) =>
  signUtils.authorization(ak, sk, signUtils.buildCanonicalString(method.toUpperCase(), resource, { headers, parameters: subres }), "utf-8");

const httpDate = (ms: number) => new Date(ms).toUTCString();

function signable(method: string, url: string, headers: Headers = new Headers()): SignableRequest {
  return { method, url: new URL(url), headers };
}

describe("OSS V1 (OSS ak:signature)", () => {
  // Published worked example, "Include a V1 signature in the Authorization header" → 计算示例:
  // https://help.aliyun.com/document_detail/31951.html
  // (en: https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header)
  // PUT /nelson on bucket oss-example, AccessKeyId 44CF9590006BF252F707 / secret
  // OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV, Date Thu, 17 Nov 2005 18:49:58 GMT → 26NBxoKdsyly4EDv6inkoDft/yA=.
  // The page's HTTP message shows Content-Md5 eB5eJF1ptWaXm4bijSPyxw== but its StringToSign (and the
  // published signature) use ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM= — a documentation slip; the
  // signature only reproduces with the latter. This is the documented `Date` form (dateHeader: "date").
  it("reproduces the published V1 example (Date header form)", async () => {
    const req = signable(
      "PUT",
      "https://oss-example.oss-cn-hangzhou.aliyuncs.com/nelson",
      new Headers({
        "Content-Md5": "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=",
        "Content-Type": "text/html",
        "X-OSS-Meta-Author": "foo@bar.com",
        "X-OSS-Magic": "abracadabra",
      }),
    );
    await signOssV1(req, {
      credentials: { accessKeyId: "44CF9590006BF252F707", accessKeySecret: "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV" },
      clock: () => Date.UTC(2005, 10, 17, 18, 49, 58),
      dateHeader: "date",
    });
    expect(req.headers.get("authorization")).toBe("OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA=");
    expect(req.headers.get("date")).toBe("Thu, 17 Nov 2005 18:49:58 GMT");
    expect(req.headers.get("x-oss-date")).toBeNull();
  });

  // Official Go SDK v2 vectors (aliyun/alibabacloud-oss-go-sdk-v2 oss/signer/signer_test.go TestV1AuthHeader):
  // they sign x-oss-date (RFC 1123) as an OSS header and the same value in the Date slot — exactly the
  // default, browser-safe form of this signer.
  it.each([
    ["PUT", "http://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson", true, undefined, "OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M="],
    ["PUT", "http://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson?acl", true, undefined, "OSS ak:/afkugFbmWDQ967j1vr6zygBLQk="],
    ["GET", "http://examplebucket.oss-cn-hangzhou.aliyuncs.com/?resourceGroup&non-resousce=null", false, ["resourceGroup"], "OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs="],
    ["GET", "http://examplebucket.oss-cn-hangzhou.aliyuncs.com/?resourceGroup&acl", false, ["resourceGroup"], "OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk="],
  ] as const)("Go SDK v2 vector %s %s", async (method, url, withBody, subResources, expected) => {
    const headers = new Headers();
    if (withBody) {
      headers.set("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==");
      headers.set("Content-Type", "text/html");
      headers.set("x-oss-meta-author", "alice");
      headers.set("x-oss-meta-magic", "abracadabra");
    }
    const req = signable(method, url, headers);
    await signOssV1(req, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, clock: () => Date.UTC(2022, 11, 28, 10, 27, 41), subResources });
    expect(req.headers.get("x-oss-date")).toBe("Wed, 28 Dec 2022 10:27:41 GMT");
    expect(req.headers.get("authorization")).toBe(expected);
  });

  // Documentation vs ali-oss: the V1 document puts the `Date` header in the string to sign. Browsers may
  // not set `Date` (forbidden request header), so ali-oss sends only `x-oss-date` (RFC 1123) and uses it
  // in the Date slot (signUtils.buildCanonicalString: `expires || headers['x-oss-date']`); OSS accepts
  // either header (https://help.aliyun.com/en/oss/user-guide/0002-00000503). Default = ali-oss form.
  it("date handling: x-oss-date by default (ali-oss form), Date on request (documented form)", async () => {
    const creds = { accessKeyId: "ak", accessKeySecret: "sk" };
    const now = Date.UTC(2024, 0, 2, 3, 4, 5);
    const byDefault = signable("GET", "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl");
    await signOssV1(byDefault, { credentials: creds, clock: () => now });
    expect(byDefault.headers.get("x-oss-date")).toBe("Tue, 02 Jan 2024 03:04:05 GMT");
    expect(byDefault.headers.has("date")).toBe(false);
    expect(byDefault.headers.get("authorization")).toBe(
      aliOssAuthorization("ak", "sk", "GET", "/examplebucket/", { "x-oss-date": httpDate(now) }, "acl"),
    );
    const withDate = signable("GET", "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl");
    await signOssV1(withDate, { credentials: creds, clock: () => now, dateHeader: "date" });
    expect(withDate.headers.get("date")).toBe("Tue, 02 Jan 2024 03:04:05 GMT");
    // ali-oss cannot produce this form: with only a Date header its Date slot is empty.
    expect(signUtils.buildCanonicalString("GET", "/examplebucket/", { headers: { date: httpDate(now) }, parameters: "acl" })).toBe(
      "GET\n\n\n\n/examplebucket/?acl",
    );
    expect(withDate.headers.get("authorization")).not.toBe(byDefault.headers.get("authorization"));
  });

  interface Case {
    method: string;
    bucket: string | undefined;
    key: string;
    addressing: "virtual-hosted" | "path";
    params: [string, string, boolean][];
    style: "rfc3986" | "component" | "form";
    headers: [string, string][];
    creds: { accessKeyId: string; accessKeySecret: string; securityToken: string | undefined };
    now: number;
  }

  const SUBRES = ["acl", "uploads", "uploadId", "partNumber", "versionId", "response-content-type", "response-content-disposition", "x-oss-process", "x-oss-traffic-limit", "tagging", "continuation-token", "x-oss-anything", "location", "bucketInfo"];
  const caseArb: fc.Arbitrary<Case> = fc.record({
    method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "HEAD", "put"),
    bucket: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/), { nil: undefined, freq: 8 }),
    key: fc
      .oneof(fc.constant(""), awkwardString(4), fc.array(awkwardString(2), { minLength: 1, maxLength: 3 }).map((s) => s.join("/")))
      .filter((k) => !k.split("/").some((seg) => seg === "." || seg === "..")),
    addressing: fc.constantFrom<"virtual-hosted" | "path">("virtual-hosted", "path"),
    // Signed sub-resources and ordinary (unsigned) parameters such as prefix/max-keys/awkward names.
    params: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...SUBRES), fc.constantFrom("prefix", "max-keys", "marker"), awkwardString(2).filter((k) => k !== "")), awkwardString(), fc.boolean()), {
        maxLength: 6,
      })
      .map((ps) => uniqueBy(ps, (p) => p[0])),
    style: queryStyle,
    headers: fc
      .array(
        fc.tuple(
          fc.oneof(
            headerTail.map((t) => "x-oss-meta-" + t),
            headerTail.map((t) => "X-OSS-" + t.toUpperCase()),
            fc.constantFrom("Content-Type", "Content-MD5", "cache-control", "x-custom", "range"),
          ),
          headerValue,
        ),
        { maxLength: 6 },
      )
      .map((hs) =>
        uniqueBy(hs, (h) => h[0].toLowerCase())
          .filter((h) => !/^x-oss-(date|security-token)$/i.test(h[0]))
          // ali-oss puts Content-Type/Content-MD5 untrimmed in the string to sign (named test below).
          .map((h): [string, string] => (/^content-(type|md5)$/i.test(h[0]) ? [h[0], h[1].trim()] : h)),
      ),
    creds: credentials,
    now: epochMs,
  });

  it("matches ali-oss buildCanonicalString + authorization on 300 seeded awkward requests", async () => {
    const cases = sample(caseArb, 0x0551, 300);
    let compared = 0;
    let withSubres = 0;
    for (const c of cases) {
      const bucket = c.bucket ?? "examplebucket";
      const encodedKey = c.key.split("/").map(encodeURIComponent).join("/");
      const qs = serializeQuery(c.params, c.style);
      const base = c.addressing === "virtual-hosted" ? `https://${bucket}.oss-cn-shenzhen.aliyuncs.com/` : `http://[::1]:9000/${bucket}/`;
      const url = base + encodedKey + (qs ? "?" + qs : "");
      const headers = new Headers();
      for (const [k, v] of c.headers) headers.set(k, v);
      const req = signable(c.method, url, headers);
      await signOssV1(req, { credentials: c.creds, clock: () => c.now, ...(c.bucket ? { bucket: c.bucket } : {}) });

      // ali-oss: createRequest headers (raw caller headers + x-oss-date + STS), _getResource
      // (/bucket/ + raw object key), the operation's subres map ({name: value}).
      const aliHeaders: Record<string, string> = {};
      for (const [k, v] of c.headers) aliHeaders[k] = v;
      aliHeaders["x-oss-date"] = httpDate(c.now);
      if (c.creds.securityToken) aliHeaders["x-oss-security-token"] = c.creds.securityToken;
      const subres: Record<string, string> = {};
      for (const [k, v] of c.params) if (SUBRES.includes(k) || k.startsWith("x-oss-")) subres[k] = v;
      if (Object.keys(subres).length > 0) withSubres++;
      const expected = aliOssAuthorization(c.creds.accessKeyId, c.creds.accessKeySecret, c.method, `/${bucket}/${c.key}`, aliHeaders, subres);
      expect(req.headers.get("authorization"), JSON.stringify({ url, c })).toBe(expected);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(300);
    expect(withSubres).toBeGreaterThan(100);
  });

  // ali-oss bug class: buildCanonicalString uses headers['content-type'] / ['content-md5'] as given, while
  // x-oss-* values are trimmed. A padded value goes on the wire trimmed (fetch normalises header values,
  // HTTP strips optional whitespace), so OSS computes the trimmed form; the signer signs what is sent.
  it("ali-oss divergence: padded Content-Type is signed trimmed (as sent), ali-oss signs it raw", async () => {
    const req = signable("PUT", "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k", new Headers({ "Content-Type": "  text/plain  " }));
    await signOssV1(req, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, clock: () => 0 });
    expect(req.headers.get("content-type")).toBe("text/plain");
    const h = { "x-oss-date": httpDate(0) };
    expect(req.headers.get("authorization")).toBe(aliOssAuthorization("ak", "sk", "PUT", "/examplebucket/k", { ...h, "content-type": "text/plain" }, undefined));
    expect(req.headers.get("authorization")).not.toBe(aliOssAuthorization("ak", "sk", "PUT", "/examplebucket/k", { ...h, "content-type": "  text/plain  " }, undefined));
  });

  it("signs the STS token header", async () => {
    const req = signable("GET", "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl");
    await signOssV1(req, { credentials: { accessKeyId: "STS.ak", accessKeySecret: "sk", securityToken: "CAIS+a/b==" }, clock: () => 0 });
    expect(req.headers.get("x-oss-security-token")).toBe("CAIS+a/b==");
    expect(req.headers.get("authorization")).toBe(
      aliOssAuthorization("STS.ak", "sk", "GET", "/examplebucket/", { "x-oss-date": httpDate(0), "x-oss-security-token": "CAIS+a/b==" }, "acl"),
    );
  });

  it("service-level requests (no bucket) sign the resource /", async () => {
    const req = signable("GET", "https://oss-cn-hangzhou.aliyuncs.com/?prefix=a");
    await signOssV1(req, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, clock: () => 0 });
    expect(req.headers.get("authorization")).toBe(aliOssAuthorization("ak", "sk", "GET", "/", { "x-oss-date": httpDate(0) }, undefined));
  });

  // With addressing: "virtual-hosted" (what the facade's raw OSS client signs with), the service host's first label
  // was taken for a bucket: GET https://oss-cn-hangzhou.aliyuncs.com/ signed /oss-cn-hangzhou/, which OSS never computes.
  it("virtual-hosted on a service host without a bucket signs the service-level resource /, and refuses a path below it", async () => {
    const creds = { accessKeyId: "ak", accessKeySecret: "sk" };
    for (const host of ["oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", "oss-accelerate.aliyuncs.com", "cn-hangzhou.oss.aliyuncs.com"]) {
      const req = signable("GET", `https://${host}/`);
      await signOssV1(req, { credentials: creds, addressing: "virtual-hosted", clock: () => 0 });
      expect(req.headers.get("authorization"), host).toBe(aliOssAuthorization("ak", "sk", "GET", "/", { "x-oss-date": httpDate(0) }, undefined));
      await expect(signOssV1(signable("GET", `https://${host}/key`), { credentials: creds, addressing: "virtual-hosted", clock: () => 0 }), host).rejects.toThrow(
        "OSS: cannot derive the bucket from the host; pass options.bucket",
      );
    }
    // A bucket host still names its bucket, a bucket called like an endpoint included.
    for (const [url, bucket] of [["https://oss-example.oss-cn-hangzhou.aliyuncs.com/", "oss-example"], ["https://cn-images.cn-hangzhou.oss.aliyuncs.com/", "cn-images"]] as const) {
      const req = signable("GET", url);
      await signOssV1(req, { credentials: creds, addressing: "virtual-hosted", clock: () => 0 });
      expect(req.headers.get("authorization"), url).toBe(aliOssAuthorization("ak", "sk", "GET", `/${bucket}/`, { "x-oss-date": httpDate(0) }, undefined));
    }
  });

  it("middleware signs every attempt, errors never include the secret", async () => {
    const mw = ossV1Signer({ credentials: { accessKeyId: "ak", accessKeySecret: "sk" } });
    const out = (await mw.onRequest!({ request: new Request("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl") } as never)) as Request;
    expect(out.headers.get("authorization")).toMatch(/^OSS ak:[A-Za-z0-9+/]{27}=$/);
    expect(out.headers.get("x-oss-date")).toMatch(/GMT$/);
    await expect(
      signOssV1(signable("GET", "https://x.oss-cn-hangzhou.aliyuncs.com/"), { credentials: { accessKeyId: "", accessKeySecret: "SECRET123" } }),
    ).rejects.toThrow(/^(?!.*SECRET123).*accessKeyId/);
  });
});
