// The brief's awkward inputs, each signed by us and by the official SDK with the same request: every reserved
// character, "%20"/"%2F" typed as text, an emoji, CJK, an empty value, a 3000-character value — as a query value
// (and, where the SDK encodes names, as part of a name), next to a bare key; header values padded and with inner
// runs of spaces and tabs; two header names differing only in case; a path with "//"; an STS token with + / =.
// The seeded oracle tests draw from similar pieces but never put them all in one request, nor repeat a name.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { signAcs3 } from "../src/acs3.js";
import { signAcsRpcV1 } from "../src/acs-rpc-v1.js";
import { signBceV1 } from "../src/bce-v1.js";
import { sdkDate, signSdkHmacSha256 } from "../src/huawei-sdk-hmac.js";
import { signOssV1 } from "../src/oss-v1.js";
import { signOssV4 } from "../src/oss-v4.js";
import type { SignableRequest } from "../src/types.js";

const require = createRequire(import.meta.url);
const ossUtils = require("ali-oss/lib/common/signUtils.js") as {
  authorizationV4(ak: string, sk: string, region: string, method: string, request: { headers: Record<string, string>; queries: Record<string, string | null> }, bucket?: string, object?: string): string;
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: unknown }): string;
  authorization(ak: string, sk: string, canonicalString: string, headerEncoding?: string): string;
};
const Auth = require("@baiducloud/sdk/src/auth") as new (ak: string, sk: string) => {
  generateAuthorization(method: string, resource: string, params: Record<string, string>, headers: Record<string, string>, timestamp?: number): string;
};
const OpenApiUtil = require("@alicloud/openapi-core/dist/utils.js").default as {
  getAuthorization(request: { method: string; pathname: string; query: Record<string, string>; headers: Record<string, string> }, algorithm: string, payload: string, ak: string, sk: string): string;
  getRPCSignature(params: Record<string, string>, method: string, secret: string): string;
};
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials") as {
  BasicCredentials: new () => {
    withAk(v: string): InstanceType<typeof BasicCredentials>;
    withSk(v: string): InstanceType<typeof BasicCredentials>;
    withSecurityToken(v: string): InstanceType<typeof BasicCredentials>;
    withProjectId(v: string): InstanceType<typeof BasicCredentials>;
    processAuthRequest(client: unknown, req: unknown): Promise<{ headers: Record<string, string> }>;
  };
};
const { HttpRequestBuilder } = require("@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder") as {
  HttpRequestBuilder: new () => Record<"withEndpoint" | "withUrl" | "withHeaders" | "withMethod" | "withPathParams" | "withQueryParams", (v: unknown) => InstanceType<typeof HttpRequestBuilder>> & { build(): unknown };
};

const VALUES = ["~", "*", "'", "(", ")", "!", "+", "/", "?", "=", "&", " ", "%20", "%2F", "😀", "a  b", "名字", "", "x".repeat(3000)];
const NOW = 1702743657000;
const TOKEN = "CAIS+a/b==";
const creds = { accessKeyId: "ak", accessKeySecret: "sk", securityToken: TOKEN };
const q = encodeURIComponent; // openapi-fetch's query serialization
const signable = (method: string, url: string, headers: Record<string, string> | Headers): SignableRequest => ({ method, url: new URL(url), headers: new Headers(headers) });
const label = (v: string) => JSON.stringify(v.slice(0, 12));

describe("signers vs the official SDKs on the awkward inputs", () => {
  it("OSS V4 (ali-oss authorizationV4): values and names, bare sub-resource, duplicate padded headers, // path", async () => {
    for (const v of VALUES) {
      for (const [name, value] of [["k", v], ["k" + v, "1"]] as const) {
        const headers = new Headers();
        headers.append("x-oss-meta-a", "  a \t  b  ");
        headers.append("X-OSS-META-A", "c");
        const req = signable("GET", `https://bkt.oss-cn-hangzhou.aliyuncs.com/dir//a%20b/c?${q(name)}=${q(value)}&acl`, headers);
        await signOssV4(req, { credentials: creds, region: "cn-hangzhou", clock: () => NOW });
        const aliHeaders = { "x-oss-meta-a": "a \t  b, c", "x-oss-date": "20231216T162057Z", "x-oss-content-sha256": "UNSIGNED-PAYLOAD", "x-oss-security-token": TOKEN };
        // An empty value is the bare name (document, Go SDK): ali-oss needs null for that (see oss-v4.test.ts).
        const expected = ossUtils.authorizationV4("ak", "sk", "cn-hangzhou", "GET", { headers: aliHeaders, queries: { [name]: value === "" ? null : value, acl: null } }, "bkt", "dir//a b/c");
        expect(req.headers.get("authorization"), label(name + "=" + value)).toBe(expected);
      }
    }
  });

  it("OSS V1 (ali-oss buildCanonicalString): sub-resource values, padded header, // path", async () => {
    for (const v of VALUES) {
      const req = signable("GET", `https://bkt.oss-cn-hangzhou.aliyuncs.com/dir//a%20b/c?response-content-disposition=${q(v)}&acl`, { "X-Oss-Meta-A": "  a \t  b  " });
      await signOssV1(req, { credentials: creds, clock: () => NOW });
      const headers = { "x-oss-meta-a": "a \t  b", "x-oss-date": new Date(NOW).toUTCString(), "x-oss-security-token": TOKEN };
      const canonical = ossUtils.buildCanonicalString("GET", "/bkt/dir//a b/c", { headers, parameters: { "response-content-disposition": v, acl: "" } });
      expect(req.headers.get("authorization"), label(v)).toBe(ossUtils.authorization("ak", "sk", canonical, "utf-8"));
    }
  });

  it("bce-auth-v1 (@baiducloud/sdk Auth): values, bare acl, padded header, // path", async () => {
    for (const v of VALUES) {
      const req = signable("GET", `https://bkt.bj.bcebos.com/dir//a%20b/c?k=${q(v)}&acl`, { "X-Bce-Meta-A": "  a \t  b  ", "Content-Type": "text/plain" });
      await signBceV1(req, { credentials: creds, clock: () => NOW });
      const headers = { Host: "bkt.bj.bcebos.com", "x-bce-meta-a": "a \t  b", "Content-Type": "text/plain", "x-bce-date": "2023-12-16T16:20:57Z", "x-bce-security-token": TOKEN };
      const expected = new Auth("ak", "sk").generateAuthorization("GET", "/dir//a%20b/c", { k: v, acl: "" }, headers, NOW / 1000);
      expect(req.headers.get("authorization"), label(v)).toBe(expected);
    }
  });

  it("SDK-HMAC-SHA256 (huaweicloud-sdk-core AKSKSigner): a repeated name, names and values, padded header, // path", async () => {
    for (const v of VALUES) {
      const cred = new BasicCredentials().withAk("ak").withSk("sk").withSecurityToken(TOKEN).withProjectId("p1");
      const sdkRequest = new HttpRequestBuilder()
        .withEndpoint("https://mpc.cn-north-4.myhuaweicloud.com")
        .withUrl("/v1/{project_id}/a//bc")
        .withHeaders({ "X-Sdk-Date": sdkDate(NOW), "X-Custom": "a \t  b" })
        .withMethod("GET")
        .withPathParams({})
        .withQueryParams({ k: [v, "z"], ["n" + v]: "1" })
        .build();
      const expected = (await cred.processAuthRequest(null, sdkRequest)).headers["Authorization"];
      const url = `https://mpc.cn-north-4.myhuaweicloud.com/v1/p1/a//bc?k=${q(v)}&k=z&${q("n" + v)}=1`;
      const req = signable("GET", url, { "X-Custom": "  a \t  b " });
      await signSdkHmacSha256(req, { credentials: creds, projectId: "p1", clock: () => NOW });
      expect(req.headers.get("authorization"), label(v)).toBe(expected);
    }
  });

  it("ACS3 and RPC v1 (@alicloud/openapi-core): ENS Prefix values, padded x-acs header, STS token", async () => {
    const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    for (const v of VALUES) {
      const url = `https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Prefix=${q(v)}&PageSize=10`;
      const req = signable("POST", url, { "X-Acs-Foo": "  a \t  b " });
      await signAcs3(req, { credentials: creds, clock: () => NOW, nonce: () => "n1" });
      const headers = {
        host: "ens.aliyuncs.com",
        "x-acs-foo": "a \t  b",
        "x-acs-action": "ListBuckets",
        "x-acs-version": "2017-11-10",
        "x-acs-date": "2023-12-16T16:20:57Z",
        "x-acs-signature-nonce": "n1",
        "x-acs-content-sha256": empty,
        "x-acs-accesskey-id": "ak",
        "x-acs-security-token": TOKEN,
      };
      const expected = OpenApiUtil.getAuthorization({ method: "POST", pathname: "/", query: { Prefix: v, PageSize: "10" }, headers }, "ACS3-HMAC-SHA256", empty, "ak", "sk");
      expect(req.headers.get("authorization"), label(v)).toBe(expected);

      const rpc = signable("GET", url, {});
      await signAcsRpcV1(rpc, { credentials: creds, clock: () => NOW, nonce: () => "n1" });
      const params: Record<string, string> = {};
      for (const [k, value] of rpc.url.searchParams) if (k !== "Signature") params[k] = value;
      expect(params["Prefix"], label(v)).toBe(v);
      expect(params["SecurityToken"]).toBe(TOKEN);
      expect(rpc.url.searchParams.get("Signature"), label(v)).toBe(OpenApiUtil.getRPCSignature(params, "GET", "sk"));
    }
  });
});
