import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acsRpcV1Signer, signAcsRpcV1 } from "../src/acs-rpc-v1.js";
import type { SignableRequest } from "../src/types.js";
import { awkwardString, credentials, epochMs, queryStyle, sample, serializeQuery, uniqueBy } from "./fixtures/alibaba-gen.js";

// Oracle: the RPC signature function of the official POP core (used by doRPCRequest).
const require = createRequire(import.meta.url);
const OpenApiUtil = require("@alicloud/openapi-core/dist/utils.js").default as {
  getRPCSignature(signedParams: Record<string, string>, method: string, secret: string): string;
};

const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";
const OWNED = new Set(["Signature", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "SecurityToken", "Format", "Action", "Version"]);

function signable(method: string, url: string, headers: Headers = new Headers(), body?: Uint8Array): SignableRequest {
  return { method, url: new URL(url), headers, body };
}

describe("RPC HMAC-SHA1 (SignatureVersion 1.0)", () => {
  // Published worked example, "RPC signature" / V2 请求体&签名机制 → 固定参数示例:
  // https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
  // (en: https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism)
  // GET ECS DescribeDedicatedHosts, AccessKeyId testid / AccessKeySecret testsecret,
  // SignatureNonce edb2b34af0af9a6d14deaf7c1a5315eb, Timestamp 2023-03-13T08:34:30Z → 9NaGiOspFP5UPcwX8Iwt2YJXXuk=
  it("reproduces the published RPC signature example", async () => {
    const req = signable("GET", "https://ecs.cn-beijing.aliyuncs.com/?Action=DescribeDedicatedHosts&RegionId=cn-beijing&Version=2014-05-26");
    await signAcsRpcV1(req, {
      credentials: { accessKeyId: "testid", accessKeySecret: "testsecret" },
      clock: () => Date.UTC(2023, 2, 13, 8, 34, 30),
      nonce: () => "edb2b34af0af9a6d14deaf7c1a5315eb",
    });
    const q = req.url.searchParams;
    expect(q.get("Signature")).toBe("9NaGiOspFP5UPcwX8Iwt2YJXXuk=");
    expect(req.url.search.endsWith("&Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D")).toBe(true);
    expect(Object.fromEntries(q)).toEqual({
      Action: "DescribeDedicatedHosts",
      RegionId: "cn-beijing",
      Version: "2014-05-26",
      Format: "JSON",
      AccessKeyId: "testid",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: "edb2b34af0af9a6d14deaf7c1a5315eb",
      Timestamp: "2023-03-13T08:34:30Z",
      Signature: "9NaGiOspFP5UPcwX8Iwt2YJXXuk=",
    });
    expect(req.headers.get("authorization")).toBeNull();
  });

  interface Case {
    method: string;
    params: [string, string, boolean][];
    style: "rfc3986" | "component" | "form";
    form: [string, string, boolean][] | undefined;
    creds: { accessKeyId: string; accessKeySecret: string; securityToken: string | undefined };
    now: number;
    nonce: string;
    format: string | undefined;
  }

  const nameArb = awkwardString(3).filter((k) => k !== "" && !OWNED.has(k));
  const caseArb: fc.Arbitrary<Case> = fc.record({
    method: fc.constantFrom("GET", "POST", "post", "PUT", "DELETE"),
    // RPC names and values are both percent-encoded by the SDK, so both are fully awkward here.
    params: fc.array(fc.tuple(nameArb, awkwardString(), fc.boolean()), { maxLength: 6 }).map((ps) => uniqueBy(ps, (p) => p[0])),
    style: queryStyle,
    form: fc.option(fc.array(fc.tuple(nameArb, awkwardString(), fc.boolean()), { minLength: 1, maxLength: 4 }), { nil: undefined }),
    creds: credentials,
    now: epochMs,
    nonce: fc.uuid(),
    format: fc.option(fc.constantFrom("JSON", "XML", "json"), { nil: undefined }),
  });

  it("matches @alicloud/openapi-core getRPCSignature on 300 seeded awkward requests", async () => {
    const cases = sample(caseArb, 0x5a1, 300);
    let compared = 0;
    let withForm = 0;
    for (const c of cases) {
      // Body and query must not share a name (the SDK's map merge would keep one of them).
      const form = c.form ? uniqueBy(c.form, (p) => p[0]).filter((p) => !c.params.some((q) => q[0] === p[0])) : undefined;
      const qs = serializeQuery([...c.params, ["Action", "ListBuckets", false], ["Version", "2017-11-10", false]], c.style);
      const headers = new Headers();
      let body: Uint8Array | undefined;
      if (form && form.length > 0) {
        headers.set("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
        body = new TextEncoder().encode(serializeQuery(form, "form"));
        withForm++;
      }
      const req = signable(c.method, "https://ens.aliyuncs.com/?" + qs, headers, body);
      await signAcsRpcV1(req, { credentials: c.creds, clock: () => c.now, nonce: () => c.nonce, format: c.format });

      // What doRPCRequest signs: its defaults, the caller's query, the credential params, the body params.
      const signed: Record<string, string> = {
        Action: "ListBuckets",
        Format: c.format ?? "JSON",
        Version: "2017-11-10",
        Timestamp: isoSeconds(c.now),
        SignatureNonce: c.nonce,
      };
      for (const [k, v] of c.params) signed[k] = v;
      if (c.creds.securityToken) signed["SecurityToken"] = c.creds.securityToken;
      signed["SignatureMethod"] = "HMAC-SHA1";
      signed["SignatureVersion"] = "1.0";
      signed["AccessKeyId"] = c.creds.accessKeyId;
      if (form) for (const [k, v] of form) signed[k] = v;
      const expected = OpenApiUtil.getRPCSignature(signed, c.method.toUpperCase(), c.creds.accessKeySecret);

      const sent = new URLSearchParams(req.url.search);
      expect(sent.get("Signature"), JSON.stringify(c)).toBe(expected);
      // Everything signed from the query is on the wire; body params are not duplicated there.
      for (const [k, v] of c.params) expect(sent.get(k)).toBe(v);
      if (form) for (const [k] of form) expect(sent.has(k)).toBe(false);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(300);
    expect(withForm).toBeGreaterThan(50);
  });

  // SDK vs documentation: doRPCRequest sends `Format=json`; the common-parameter tables and the worked
  // example use `JSON`. The gateway accepts either; the signer defaults to the documented value and
  // lets a caller (or an existing Format query parameter) choose.
  it("SDK difference: Format defaults to JSON (documented) where the SDK sends json", async () => {
    const a = signable("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10");
    await signAcsRpcV1(a, { credentials: { accessKeyId: "a", accessKeySecret: "s" }, clock: () => 0, nonce: () => "n" });
    expect(a.url.searchParams.get("Format")).toBe("JSON");
    const b = signable("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10");
    await signAcsRpcV1(b, { credentials: { accessKeyId: "a", accessKeySecret: "s" }, clock: () => 0, nonce: () => "n", format: "json" });
    expect(b.url.searchParams.get("Format")).toBe("json");
    const sdk = OpenApiUtil.getRPCSignature(
      {
        Action: "ListBuckets",
        Format: "json",
        Version: "2017-11-10",
        Timestamp: "1970-01-01T00:00:00Z",
        SignatureNonce: "n",
        SignatureMethod: "HMAC-SHA1",
        SignatureVersion: "1.0",
        AccessKeyId: "a",
      },
      "POST",
      "s",
    );
    expect(b.url.searchParams.get("Signature")).toBe(sdk);
    expect(a.url.searchParams.get("Signature")).not.toBe(sdk);
  });

  it("signs STS requests with SecurityToken in the query", async () => {
    const req = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10");
    await signAcsRpcV1(req, { credentials: { accessKeyId: "STS.a", accessKeySecret: "s", securityToken: "CAIS+/=x" }, clock: () => 0, nonce: () => "n" });
    expect(req.url.searchParams.get("SecurityToken")).toBe("CAIS+/=x");
    expect(req.url.search).toContain("SecurityToken=CAIS%2B%2F%3Dx");
  });

  it("re-signing replaces the previous attempt's parameters", async () => {
    const opts = { credentials: { accessKeyId: "a", accessKeySecret: "s" }, clock: () => 1000, nonce: () => "n2" };
    const req = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Prefix=a%20b");
    await signAcsRpcV1(req, { ...opts, clock: () => 0, nonce: () => "n1", credentials: { ...opts.credentials, securityToken: "t" } });
    await signAcsRpcV1(req, opts);
    const fresh = signable("GET", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Prefix=a%20b");
    await signAcsRpcV1(fresh, opts);
    expect(req.url.search).toBe(fresh.url.search);
    expect(req.url.searchParams.getAll("Signature")).toHaveLength(1);
  });

  it("requires Action and Version in the query", async () => {
    await expect(
      signAcsRpcV1(signable("GET", "https://ens.aliyuncs.com/?Prefix=x"), { credentials: { accessKeyId: "a", accessKeySecret: "SECRETXYZ" } }),
    ).rejects.toThrow(/^(?!.*SECRETXYZ).*Action and Version/);
  });

  it("middleware re-signs each attempt", async () => {
    const mw = acsRpcV1Signer({ credentials: { accessKeyId: "a", accessKeySecret: "s" } });
    const run = async () =>
      (await mw.onRequest!({ request: new Request("https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10", { method: "POST" }) } as never)) as Request;
    const [x, y] = [await run(), await run()];
    const nx = new URL(x.url).searchParams;
    expect(nx.get("SignatureNonce")).toMatch(/^[0-9a-f]{32}$/);
    expect(nx.get("SignatureNonce")).not.toBe(new URL(y.url).searchParams.get("SignatureNonce"));
    expect(nx.get("Signature")).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });
});
