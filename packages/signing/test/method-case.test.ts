// A method fetch keeps as written: the Fetch standard upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so
// `new Request(url, { method: "patch" })` sends "patch". Each signer signs the method upper-cased, as the official
// SDKs do (ali-oss signUtils and @alicloud/pop-core upper-case it; Node's http.request, under every official Node
// SDK, sends it upper-cased). The request that goes out must carry the method that was signed: each official
// SDK, given the method of the request we send, must produce our signature — the SDKs below that sign the method
// as given (openapi-core, @baiducloud/sdk, huaweicloud-sdk-core) — or sign that very verb (ali-oss).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { signAcs3 } from "../src/acs3.js";
import { signAcsRpcV1 } from "../src/acs-rpc-v1.js";
import { signBceV1 } from "../src/bce-v1.js";
import { signSdkHmacSha256 } from "../src/huawei-sdk-hmac.js";
import { signingMiddleware, signRequest } from "../src/middleware.js";
import { signOssV1 } from "../src/oss-v1.js";
import { signOssV4 } from "../src/oss-v4.js";
import type { SignableRequest } from "../src/types.js";

const require = createRequire(import.meta.url);
const OpenApiUtil = require("@alicloud/openapi-core/dist/utils.js").default as {
  getAuthorization(request: { method: string; pathname: string; query: Record<string, string>; headers: Record<string, string> }, algorithm: string, payloadHex: string, ak: string, sk: string): string;
  getRPCSignature(signedParams: Record<string, string>, method: string, secret: string): string;
};
const ossSignUtils = require("ali-oss/lib/common/signUtils.js") as {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: unknown }): string;
  authorization(ak: string, sk: string, canonicalString: string, headerEncoding?: string): string;
  getCanonicalRequest(method: string, request: { headers: Record<string, string>; queries: Record<string, string | null> }, bucketName?: string, objectName?: string): string;
  authorizationV4(ak: string, sk: string, region: string, method: string, request: { headers: Record<string, string>; queries: Record<string, string | null> }, bucketName?: string): string;
};
const BceAuth = require("@baiducloud/sdk/src/auth") as new (ak: string, sk: string) => {
  generateAuthorization(method: string, resource: string, params: Record<string, string>, headers: Record<string, string | number>, timestamp?: number): string;
};
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials") as {
  BasicCredentials: new () => { withAk(v: string): { withSk(v: string): { processAuthRequest(client: unknown, req: unknown): Promise<{ headers: Record<string, string> }> } } };
};
const { HttpRequestBuilder } = require("@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder") as {
  HttpRequestBuilder: new () => Record<string, (v: unknown) => unknown> & { build(): unknown };
};

const AK = "LTAI5tMethodCaseKey";
const SK = "method-case-secret-0123456789";
const NOW = Date.UTC(2026, 4, 17, 8, 9, 10);
const NONCE = "0123456789abcdef0123456789abcdef";
const creds = { accessKeyId: AK, accessKeySecret: SK };
const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");
const headersOf = (request: Request, host: string): Record<string, string> => ({ ...Object.fromEntries(request.headers), host });

interface Scheme {
  url: string;
  sign(request: SignableRequest): Promise<void>;
  /** Whether the official SDK, given the sent request's method (and its headers), signs what we signed. */
  check(sent: Request): Promise<void> | void;
}

const SCHEMES: Record<string, Scheme> = {
  "ACS3 (openapi-core getAuthorization)": {
    url: "https://ens.aliyuncs.com/",
    sign: (r) => signAcs3(r, { credentials: creds, action: "ListBuckets", version: "2017-11-10", clock: () => NOW, nonce: () => NONCE }),
    check(sent) {
      const headers = headersOf(sent, "ens.aliyuncs.com");
      expect(sent.headers.get("authorization")).toBe(OpenApiUtil.getAuthorization({ method: sent.method, pathname: "/", query: {}, headers }, "ACS3-HMAC-SHA256", sha256(""), AK, SK));
    },
  },
  "ACS RPC v1 (openapi-core getRPCSignature)": {
    url: "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10",
    sign: (r) => signAcsRpcV1(r, { credentials: creds, clock: () => NOW, nonce: () => NONCE }),
    check(sent) {
      const params = Object.fromEntries(new URL(sent.url).searchParams);
      const { Signature: signature, ...signed } = params;
      expect(signature).toBe(OpenApiUtil.getRPCSignature(signed, sent.method, SK));
    },
  },
  "OSS V1 (ali-oss buildCanonicalString)": {
    url: "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl",
    sign: (r) => signOssV1(r, { credentials: creds, bucket: "examplebucket", clock: () => NOW }),
    check(sent) {
      const canonical = ossSignUtils.buildCanonicalString(sent.method, "/examplebucket/", { headers: Object.fromEntries(sent.headers), parameters: "acl" });
      expect(canonical.split("\n")[0]).toBe(sent.method); // the verb ali-oss signs is the one sent
      expect(sent.headers.get("authorization")).toBe(ossSignUtils.authorization(AK, SK, canonical, "utf-8"));
    },
  },
  "OSS V4 (ali-oss getCanonicalRequest, authorizationV4)": {
    url: "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl",
    sign: (r) => signOssV4(r, { credentials: creds, region: "cn-hangzhou", bucket: "examplebucket", clock: () => NOW }),
    check(sent) {
      const request = { headers: Object.fromEntries(sent.headers), queries: { acl: null } };
      expect(ossSignUtils.getCanonicalRequest(sent.method, request, "examplebucket").split("\n")[0]).toBe(sent.method);
      expect(sent.headers.get("authorization")).toBe(ossSignUtils.authorizationV4(AK, SK, "cn-hangzhou", sent.method, request, "examplebucket"));
    },
  },
  "bce-auth-v1 (@baiducloud/sdk generateAuthorization)": {
    url: "https://examplebucket.bj.bcebos.com/?acl",
    sign: (r) => signBceV1(r, { credentials: creds, clock: () => NOW }),
    check(sent) {
      const headers = { Host: "examplebucket.bj.bcebos.com", "x-bce-date": sent.headers.get("x-bce-date")! };
      expect(sent.headers.get("authorization")).toBe(new BceAuth(AK, SK).generateAuthorization(sent.method, "/", { acl: "" }, headers, NOW / 1000));
    },
  },
  "SDK-HMAC-SHA256 (huaweicloud-sdk-core AKSKSigner)": {
    url: "https://mpc.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/buckets",
    sign: (r) => signSdkHmacSha256(r, { credentials: creds, clock: () => NOW }),
    async check(sent) {
      const builder = new HttpRequestBuilder();
      for (const [name, value] of [
        ["withEndpoint", "https://mpc.cn-north-4.myhuaweicloud.com"],
        ["withUrl", "/v1/0123456789abcdef0123456789abcdef/buckets"],
        ["withHeaders", { "X-Sdk-Date": sent.headers.get("x-sdk-date") }],
        ["withMethod", sent.method],
        ["withPathParams", {}],
        ["withQueryParams", {}],
      ] as const) builder[name]!(value);
      const signed = await new BasicCredentials().withAk(AK).withSk(SK).processAuthRequest(null, builder.build());
      expect(sent.headers.get("authorization")).toBe(signed.headers["Authorization"]);
    },
  },
};

describe.each(Object.entries(SCHEMES))("%s: a lower-case method", (_name, scheme) => {
  it("fetch keeps it as written (the premise)", () => {
    expect(new Request(scheme.url, { method: "patch" }).method).toBe("patch");
  });

  it("signRequest: the request sent carries the method the official SDK signs for it", async () => {
    const sent = await signRequest(new Request(scheme.url, { method: "patch" }), scheme.sign);
    await scheme.check(sent);
  });

  it("signingMiddleware (openapi-fetch's request, signed in place otherwise): the same", async () => {
    const onRequest = signingMiddleware(scheme.sign).onRequest as (o: { request: Request }) => Promise<Request>;
    const sent = await onRequest({ request: new Request(scheme.url, { method: "patch", redirect: "manual" }) });
    await scheme.check(sent);
  });

  it("an upper-case method is signed in place, as before", async () => {
    const request = new Request(scheme.url, { method: "PATCH", redirect: "manual" });
    const onRequest = signingMiddleware(scheme.sign).onRequest as (o: { request: Request }) => Promise<Request>;
    const sent = await onRequest({ request });
    await scheme.check(sent);
    if (!/Action=/.test(scheme.url)) expect(sent).toBe(request); // RPC v1 adds its Signature to the URL: a new Request
  });
});
