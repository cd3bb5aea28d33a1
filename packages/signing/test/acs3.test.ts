import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClient as createEnsClient } from "@bucketry/aliyun-ens";
import { acs3Signer, signAcs3 } from "../src/acs3.js";
import type { SignableRequest } from "../src/types.js";
import {
  awkwardString,
  credentials,
  epochMs,
  headerTail,
  headerValue,
  queryStyle,
  safeName,
  sample,
  serializeQuery,
  toHeaders,
  uniqueBy,
} from "./fixtures/alibaba-gen.js";

// Oracle: the official POP core the ENS SDK (@alicloud/ens20171110) runs on.
const require = createRequire(import.meta.url);
const OpenApiUtil = require("@alicloud/openapi-core/dist/utils.js").default as {
  getAuthorization(
    request: { method: string; pathname: string; query: Record<string, string>; headers: Record<string, string> },
    algorithm: string,
    payloadHex: string,
    accessKeyId: string,
    accessKeySecret: string,
  ): string;
};

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";

function signable(method: string, url: string, headers: Headers = new Headers(), body?: Uint8Array): SignableRequest {
  return { method, url: new URL(url), headers, body };
}

describe("ACS3-HMAC-SHA256", () => {
  // Published worked example, "Request syntax and signature method V3" → 固定参数示例:
  // https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
  // (zh: https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature)
  // AccessKey YourAccessKeyId / YourAccessKeySecret, POST ecs.cn-shanghai RunInstances 2014-05-26,
  // x-acs-date 2023-10-26T10:22:32Z, nonce 3156853299f313e23d1673dc12e1703d, empty body;
  // published HashedCanonicalRequest 7ea06492…e259 and Signature 06563a9e…83c0.
  it("reproduces the published V3 example", async () => {
    const req = signable(
      "POST",
      "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai&Action=RunInstances&Version=2014-05-26",
    );
    await signAcs3(req, {
      credentials: { accessKeyId: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret" },
      clock: () => Date.UTC(2023, 9, 26, 10, 22, 32),
      nonce: () => "3156853299f313e23d1673dc12e1703d",
    });
    expect(req.headers.get("authorization")).toBe(
      "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
    // Action/Version moved to headers, as the SDK sends them; the business parameters stay.
    expect(req.url.search).toBe("?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai");
    expect(req.headers.get("x-acs-action")).toBe("RunInstances");
    expect(req.headers.get("x-acs-version")).toBe("2014-05-26");
    expect(req.headers.get("x-acs-date")).toBe("2023-10-26T10:22:32Z");
    expect(req.headers.get("x-acs-content-sha256")).toBe(sha256(""));
  });

  interface Case {
    method: string;
    path: string;
    params: [string, string, boolean][];
    style: "rfc3986" | "component" | "form";
    actionIn: "query" | "options";
    headers: [string, string][];
    contentType: string | undefined;
    body: string | undefined;
    creds: { accessKeyId: string; accessKeySecret: string; securityToken: string | undefined };
    now: number;
    nonce: string;
  }

  const caseArb: fc.Arbitrary<Case> = fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "post", "Get"),
    // RPC APIs use "/", ROA ones a resource path; both are signed as sent.
    path: fc.oneof(
      fc.constant("/"),
      fc.array(awkwardString(3), { minLength: 1, maxLength: 3 }).map((segs) => "/" + segs.map((s) => encodeURIComponent(s)).join("/")),
      fc.constantFrom("/clusters/c-1/triggers", "/a+b/*x*/~y~/%7Ez", "/(x)/!y/'z'"),
    ),
    // Parameter names: the SDK does not encode names (see the divergence test), so they are drawn from
    // the unreserved set here; values are arbitrary.
    params: fc
      .array(fc.tuple(safeName, awkwardString(), fc.boolean()), { maxLength: 6 })
      .map((ps) => uniqueBy(ps, (p) => p[0]).filter((p) => p[0] !== "Action" && p[0] !== "Version")),
    style: queryStyle,
    actionIn: fc.constantFrom<"query" | "options">("query", "options"),
    headers: fc
      .array(
        fc.tuple(
          fc.oneof(
            headerTail.map((t) => "x-acs-" + t),
            headerTail.map((t) => "X-Acs-" + t.toUpperCase()),
            fc.constantFrom("user-agent", "accept", "x-other", "cookie2", "x-acs-retry-attempts", "host"),
          ),
          headerValue,
        ),
        { maxLength: 5 },
      )
      .map((hs) =>
        uniqueBy(hs, (h) => h[0].toLowerCase()).filter(
          // The signer owns these; a caller's copies are overwritten.
          (h) => !/^x-acs-(action|version|date|signature-nonce|content-sha256|security-token|accesskey-id)$/i.test(h[0]),
        ),
      ),
    contentType: fc.option(fc.constantFrom("application/x-www-form-urlencoded", "application/json; charset=utf-8", "  text/plain  "), { nil: undefined }),
    body: fc.option(awkwardString(4), { nil: undefined }),
    creds: credentials,
    now: epochMs,
    nonce: fc.string({ unit: fc.constantFrom(..."0123456789abcdef".split("")), minLength: 32, maxLength: 32 }),
  });

  it("matches @alicloud/openapi-core getAuthorization on 300 seeded awkward requests", async () => {
    const cases = sample(caseArb, 0xac53, 300);
    let compared = 0;
    for (const c of cases) {
      const action = "ListBuckets";
      const version = "2017-11-10";
      const all: [string, string, boolean][] = c.actionIn === "query" ? [...c.params, ["Action", action, false], ["Version", version, false]] : c.params;
      const qs = serializeQuery(all, c.style);
      const url = "https://ens.aliyuncs.com" + c.path + (qs ? "?" + qs : "");
      const headerList: [string, string][] = [...c.headers];
      if (c.contentType !== undefined) headerList.push(["Content-Type", c.contentType]);
      const body = c.body === undefined ? undefined : new TextEncoder().encode(c.body);
      const req = signable(c.method, url, toHeaders(headerList), body);
      await signAcs3(req, {
        credentials: c.creds,
        ...(c.actionIn === "options" ? { action, version } : {}),
        clock: () => c.now,
        nonce: () => c.nonce,
      });

      // Independent expectations for what doRequest puts in the headers.
      const payload = sha256(c.body ?? "");
      expect(req.headers.get("x-acs-content-sha256")).toBe(payload);
      expect(req.headers.get("x-acs-date")).toBe(isoSeconds(c.now));
      expect(req.headers.get("x-acs-signature-nonce")).toBe(c.nonce);

      // The SDK's request_: pathname as sent, decoded query map (Action/Version removed), header map with
      // host = endpoint and the raw (unnormalised) caller headers plus the ones doRequest adds.
      const sdkHeaders: Record<string, string> = {};
      for (const [k, v] of headerList) if (k.toLowerCase() !== "host") sdkHeaders[k] = v;
      Object.assign(sdkHeaders, {
        host: "ens.aliyuncs.com",
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": isoSeconds(c.now),
        "x-acs-signature-nonce": c.nonce,
        "x-acs-content-sha256": payload,
        "user-agent": "AlibabaCloud (linux; x64) Node.js/v20 Core/1.0.1 TeaDSL/2",
        accept: "application/json",
      });
      if (c.creds.securityToken) {
        sdkHeaders["x-acs-accesskey-id"] = c.creds.accessKeyId;
        sdkHeaders["x-acs-security-token"] = c.creds.securityToken;
      }
      const query: Record<string, string> = {};
      for (const [k, v] of c.params) query[k] = v;
      const expected = OpenApiUtil.getAuthorization(
        { method: c.method.toUpperCase(), pathname: new URL(url).pathname, query, headers: sdkHeaders },
        "ACS3-HMAC-SHA256",
        payload,
        c.creds.accessKeyId,
        c.creds.accessKeySecret,
      );
      expect(req.headers.get("authorization"), JSON.stringify(c)).toBe(expected);
      // On the wire: the same parameters. A query every server reads one way (no raw "+": escapes are
      // well-formed here) goes out as it came, minus Action/Version; otherwise in canonical form.
      const sent = [...req.url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      expect(sent).toEqual(c.params.map(([k, v]) => [k, v]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
      if (!qs.includes("+")) {
        const kept = qs.split("&").filter((p) => p !== "" && !p.startsWith("Action=") && !p.startsWith("Version="));
        expect(req.url.search).toBe(new URL(url.split("?")[0] + (kept.length ? "?" + kept.join("&") : "")).search);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(300);
  });

  // SDK vs documentation: openapi-core's getAuthorizationQueryString encodes values but not names
  // (`key + "=" + encode(value)`), while the V3 document says to percent-encode both names and values.
  // The gateway follows its document; the signer encodes names. For unreserved names (every ENS parameter)
  // the two agree, which is why the equality test above draws names from that set.
  it("SDK divergence: parameter names are percent-encoded (document), not raw (SDK)", async () => {
    const req = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Tag.1.Key%20x=v%20w");
    const creds = { accessKeyId: "ak", accessKeySecret: "sk" };
    await signAcs3(req, { credentials: creds, clock: () => 0, nonce: () => "n" });
    expect(req.url.search).toBe("?Tag.1.Key%20x=v%20w");
    const sdkHeaders: Record<string, string> = {};
    for (const [k, v] of req.headers) if (k !== "authorization") sdkHeaders[k] = v;
    sdkHeaders["host"] = "ens.aliyuncs.com";
    const sdk = (name: string) =>
      OpenApiUtil.getAuthorization({ method: "GET", pathname: "/", query: { [name]: "v w" }, headers: sdkHeaders }, "ACS3-HMAC-SHA256", sha256(""), "ak", "sk");
    // The SDK signs the raw name "Tag.1.Key x"; feeding it the encoded name reproduces our signature.
    expect(req.headers.get("authorization")).not.toBe(sdk("Tag.1.Key x"));
    expect(req.headers.get("authorization")).toBe(sdk("Tag.1.Key%20x"));
  });

  it("an action or version with surrounding whitespace is signed as its header carries it (trimmed), as the SDK signs what it sends", async () => {
    for (const [options, url] of [
      [{ action: " ListBuckets\n", version: "2017-11-10 " }, "https://ens.aliyuncs.com/?Prefix=a"],
      [{}, "https://ens.aliyuncs.com/?Action=%20ListBuckets%0A&Version=2017-11-10%20&Prefix=a"],
    ] as const) {
      const req = signable("GET", url);
      await signAcs3(req, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, ...options, clock: () => 0, nonce: () => "n" });
      expect(req.headers.get("x-acs-action")).toBe("ListBuckets");
      expect(req.headers.get("x-acs-version")).toBe("2017-11-10");
      // The oracle gets the headers as they go out.
      const sdkHeaders: Record<string, string> = {};
      for (const [k, v] of req.headers) if (k !== "authorization") sdkHeaders[k] = v;
      sdkHeaders["host"] = "ens.aliyuncs.com";
      const expected = OpenApiUtil.getAuthorization({ method: "GET", pathname: "/", query: { Prefix: "a" }, headers: sdkHeaders }, "ACS3-HMAC-SHA256", sha256(""), "ak", "sk");
      expect(req.headers.get("authorization")).toBe(expected);
    }
  });

  // Query decoding: a literal "+" is a space (form decoding, as URLSearchParams and the POP gateway read
  // it), "%2B" is a plus; malformed escapes are kept literally. A query with such a component (one a
  // server could read another way) is re-sent in canonical RFC 3986 form, so the bytes on the wire are
  // exactly the bytes signed.
  it("decodes + as space, keeps %2B as plus, tolerates malformed escapes, and re-sends an ambiguous query in canonical form", async () => {
    const req = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Prefix=a+b%2Bc&Bad=%zz%E4&Star=*(x)!");
    await signAcs3(req, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, clock: () => 0, nonce: () => "n" });
    expect(req.url.search).toBe("?Bad=%25zz%EF%BF%BD&Prefix=a%20b%2Bc&Star=%2A%28x%29%21");
    const sdkHeaders: Record<string, string> = {};
    for (const [k, v] of req.headers) if (k !== "authorization") sdkHeaders[k] = v;
    sdkHeaders["host"] = "ens.aliyuncs.com";
    expect(req.headers.get("authorization")).toBe(
      OpenApiUtil.getAuthorization(
        { method: "GET", pathname: "/", query: { Prefix: "a b+c", Bad: "%zz\ufffd", Star: "*(x)!" }, headers: sdkHeaders },
        "ACS3-HMAC-SHA256",
        sha256(""),
        "ak",
        "sk",
      ),
    );
  });

  // The official SDK sends the query with Node's querystring.stringify (`! ' ( ) *` raw) and signs their
  // escapes: the gateway canonicalizes what it decodes. An unambiguous query is therefore sent as it came.
  it("sends an unambiguous query as it came (minus Action/Version) and signs its decoded parameters, like the SDK", async () => {
    const { stringify } = require("node:querystring") as typeof import("node:querystring");
    const query = { Prefix: "a b*(x)!'~", PageSize: "5", Marker: "é/中" };
    const wire = stringify(query); // the SDK's wire form
    const req = signable("POST", `https://ens.aliyuncs.com/?Action=ListBuckets&${wire}&Version=2017-11-10`);
    const before = new URL(`https://ens.aliyuncs.com/?${wire}`).search;
    await signAcs3(req, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, clock: () => 0, nonce: () => "n" });
    expect(req.url.search).toBe(before);
    const sdkHeaders: Record<string, string> = {};
    for (const [k, v] of req.headers) if (k !== "authorization") sdkHeaders[k] = v;
    sdkHeaders["host"] = "ens.aliyuncs.com";
    expect(req.headers.get("authorization")).toBe(OpenApiUtil.getAuthorization({ method: "POST", pathname: "/", query, headers: sdkHeaders }, "ACS3-HMAC-SHA256", sha256(""), "ak", "sk"));

    const inPlace = signable("GET", `https://ens.aliyuncs.com/?${wire}`);
    const href = inPlace.url.href;
    await signAcs3(inPlace, { credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, action: "ListBuckets", version: "2017-11-10", clock: () => 0, nonce: () => "n" });
    expect(inPlace.url.href).toBe(href);
  });

  it("sends and signs the STS token (and the key id) like the SDK", async () => {
    const req = signable("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10");
    await signAcs3(req, {
      credentials: { accessKeyId: "STS.ak", accessKeySecret: "sk", securityToken: "CAIS+tok/en==" },
      clock: () => 0,
      nonce: () => "n",
    });
    expect(req.headers.get("x-acs-security-token")).toBe("CAIS+tok/en==");
    expect(req.headers.get("x-acs-accesskey-id")).toBe("STS.ak");
    expect(req.headers.get("authorization")).toContain(
      "SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,",
    );
  });

  it("is idempotent across attempts and drops stale STS headers when credentials change", async () => {
    const req = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Prefix=img");
    await signAcs3(req, { credentials: { accessKeyId: "a", accessKeySecret: "s", securityToken: "t" }, clock: () => 0, nonce: () => "n" });
    await signAcs3(req, { credentials: { accessKeyId: "a", accessKeySecret: "s" }, clock: () => 0, nonce: () => "n" });
    const fresh = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Prefix=img");
    await signAcs3(fresh, { credentials: { accessKeyId: "a", accessKeySecret: "s" }, clock: () => 0, nonce: () => "n" });
    expect(req.headers.get("x-acs-security-token")).toBeNull();
    expect(req.headers.get("authorization")).toBe(fresh.headers.get("authorization"));
  });

  it("requires an action and version, and never puts the secret in errors", async () => {
    const req = signable("GET", "https://ens.aliyuncs.com/?Prefix=x");
    const err = await signAcs3(req, { credentials: { accessKeyId: "a", accessKeySecret: "TOPSECRET" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).not.toContain("TOPSECRET");
    await expect(signAcs3(req, { credentials: { accessKeyId: "a", accessKeySecret: "" }, action: "A", version: "V" })).rejects.toThrow(/accessKeySecret/);
  });

  it("middleware signs each attempt with a fresh nonce and re-resolved credentials", async () => {
    let calls = 0;
    const mw = acs3Signer({
      credentials: () => {
        calls++;
        return { accessKeyId: "ak" + calls, accessKeySecret: "sk" };
      },
    });
    const run = async () => {
      const out = await mw.onRequest!({
        request: new Request("https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&PageSize=10", { method: "POST" }),
      } as never);
      return out as Request;
    };
    const a = await run();
    const b = await run();
    expect(calls).toBe(2);
    expect(a.headers.get("authorization")).toMatch(/^ACS3-HMAC-SHA256 Credential=ak1,SignedHeaders=host;x-acs-action;/);
    expect(b.headers.get("authorization")).toMatch(/Credential=ak2,/);
    expect(a.headers.get("x-acs-signature-nonce")).toMatch(/^[0-9a-f]{32}$/);
    expect(a.headers.get("x-acs-signature-nonce")).not.toBe(b.headers.get("x-acs-signature-nonce"));
    expect(new URL(a.url).search).toBe("?PageSize=10");
  });

  it("a bare ENS client with actionAndVersion \"headers\" is signed in place, with the same bytes on the wire as the query form", async () => {
    // The query form: Action/Version in the query, which ACS3 moves to headers — a second Request per call.
    // The headers form: x-acs-action/x-acs-version and openapi-fetch's own query — the Request it built is sent.
    const send = async (actionAndVersion: "query" | "headers", query: Record<string, string>) => {
      let built: Request | undefined;
      let sent: Request | undefined;
      const client = createEnsClient({ baseUrl: "https://ens.aliyuncs.com", actionAndVersion, fetch: async (r: Request) => ((sent = r), new Response("{}", { headers: { "content-type": "application/json" } })) });
      client.use({ onRequest: ({ request }) => void (built = request) });
      client.use(acs3Signer({ credentials: { accessKeyId: "ak", accessKeySecret: "sk" }, clock: () => 1_700_000_000_000, nonce: () => "n0" }));
      await client.POST("/", { params: { query: query as never } });
      return { inPlace: built === sent, url: sent!.url, headers: [...sent!.headers] };
    };
    await fc.assert(
      fc.asyncProperty(awkwardString(), fc.integer({ min: 1, max: 100 }), async (prefix, size) => {
        const query = { PageSize: String(size), Prefix: prefix, PageNumber: "1" };
        let viaQuery;
        try {
          viaQuery = await send("query", query);
        } catch {
          return; // a lone surrogate cannot be encoded: both forms refuse it (checked below)
        }
        const viaHeaders = await send("headers", query);
        expect(viaQuery.inPlace).toBe(false);
        expect(viaHeaders.inPlace).toBe(true);
        expect(viaHeaders.url).toBe(viaQuery.url);
        expect(viaHeaders.headers).toEqual(viaQuery.headers);
        // The wire decodes to the caller's values, and the signature is the official SDK's over them.
        const sent = new URL(viaHeaders.url);
        expect(Object.fromEntries(sent.searchParams)).toEqual(query);
        const sdkHeaders: Record<string, string> = Object.fromEntries(viaHeaders.headers.filter(([k]) => k !== "authorization"));
        sdkHeaders["host"] = sent.host;
        const expected = OpenApiUtil.getAuthorization({ method: "POST", pathname: "/", query, headers: sdkHeaders }, "ACS3-HMAC-SHA256", sha256(""), "ak", "sk");
        expect(Object.fromEntries(viaHeaders.headers).authorization).toBe(expected);
      }),
      { numRuns: 150, seed: 20261121 },
    );
    await expect(send("headers", { Prefix: "\uD800" })).rejects.toThrow(URIError);
    const simple = await send("headers", { Prefix: "a b*", PageSize: "10" });
    expect(new URL(simple.url).search).toBe("?Prefix=a%20b*&PageSize=10");
    expect(Object.fromEntries(simple.headers)).toMatchObject({ "x-acs-action": "ListBuckets", "x-acs-version": "2017-11-10" });
  });
});
