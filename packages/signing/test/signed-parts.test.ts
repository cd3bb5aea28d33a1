// Every signer records what it signed (`SignableRequest.signed`), and the middleware makes it readable for
// the Request it hands on (`signedPartsOf`). The record is checked against the signature itself: the HMAC
// (with the vendor's documented key derivation, recomputed here with node:crypto) of the recorded string to
// sign equals the signature the signer sent — and it never contains the secret.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signAcs3, signAcsRpcV1, signBceV1, signedPartsOf, signingMiddleware, signOssV1, signOssV4, signSdkHmacSha256, type SignableRequest } from "../src/index.js";

const SECRET = "recorded-parts-secret-0123456789";
const TOKEN = "recorded-parts-token-abcdef";
const creds = { accessKeyId: "AKRECORD", accessKeySecret: SECRET, securityToken: TOKEN };
const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

const signable = (method: string, url: string): SignableRequest => ({ method, url: new URL(url), headers: new Headers() });
const hmac = (alg: string, key: string | Buffer, text: string) => createHmac(alg, key).update(text);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("signers record what they signed", () => {
  it("ACS3: string to sign = algorithm + SHA-256 of the canonical request; HMAC-SHA256 of it is the signature", async () => {
    const req = signable("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&PageSize=10");
    await signAcs3(req, { credentials: creds, clock: () => NOW, nonce: () => "n1" });
    const { canonicalRequest, stringToSign } = req.signed!;
    expect(stringToSign).toBe(`ACS3-HMAC-SHA256\n${sha256(canonicalRequest!)}`);
    expect(req.headers.get("authorization")).toContain(`Signature=${hmac("sha256", SECRET, stringToSign).digest("hex")}`);
    expect(JSON.stringify(req.signed)).not.toContain(SECRET);
  });

  it("RPC v1: HMAC-SHA1 with secret& of the string to sign is the Signature parameter", async () => {
    const req = signable("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10");
    await signAcsRpcV1(req, { credentials: creds, clock: () => NOW, nonce: () => "n1" });
    expect(req.signed!.canonicalRequest).toBeUndefined();
    expect(req.url.searchParams.get("Signature")).toBe(hmac("sha1", `${SECRET}&`, req.signed!.stringToSign).digest("base64"));
    expect(JSON.stringify(req.signed)).not.toContain(SECRET);
  });

  it("OSS V4: the signing key chain over the string to sign gives the signature", async () => {
    const req = signable("GET", "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl");
    await signOssV4(req, { credentials: creds, region: "cn-hangzhou", clock: () => NOW });
    const { canonicalRequest, stringToSign } = req.signed!;
    expect(stringToSign.split("\n")[3]).toBe(sha256(canonicalRequest!));
    let key: Buffer = hmac("sha256", `aliyun_v4${SECRET}`, "20260115").digest();
    for (const part of ["cn-hangzhou", "oss", "aliyun_v4_request"]) key = hmac("sha256", key, part).digest();
    expect(req.headers.get("authorization")).toContain(`Signature=${hmac("sha256", key, stringToSign).digest("hex")}`);
    expect(JSON.stringify(req.signed)).not.toContain(SECRET);
  });

  it("OSS V1: HMAC-SHA1 of the string to sign is the signature", async () => {
    const req = signable("GET", "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl");
    await signOssV1(req, { credentials: creds, clock: () => NOW });
    expect(req.headers.get("authorization")).toBe(`OSS AKRECORD:${hmac("sha1", SECRET, req.signed!.stringToSign).digest("base64")}`);
    expect(req.signed!.stringToSign).toMatch(/\/examplebucket\/\?acl$/);
  });

  it("SDK-HMAC-SHA256: HMAC-SHA256 of the string to sign is the signature", async () => {
    const req = signable("GET", "https://mpc.cn-north-4.myhuaweicloud.com/v1/p/buckets");
    await signSdkHmacSha256(req, { credentials: creds, clock: () => NOW });
    const { canonicalRequest, stringToSign } = req.signed!;
    expect(stringToSign).toBe(`SDK-HMAC-SHA256\n20260115T080000Z\n${sha256(canonicalRequest!)}`);
    expect(req.headers.get("authorization")).toContain(`Signature=${hmac("sha256", SECRET, stringToSign).digest("hex")}`);
  });

  it("bce-auth-v1: the derived key's HMAC of the canonical request is the signature; the secret is not recorded", async () => {
    const req = signable("GET", "https://b.bj.bcebos.com/?acl");
    await signBceV1(req, { credentials: creds, clock: () => NOW });
    const auth = req.headers.get("authorization")!;
    const prefix = auth.split("/").slice(0, 4).join("/");
    const key = hmac("sha256", SECRET, prefix).digest("hex");
    expect(req.signed!.stringToSign).toBe(req.signed!.canonicalRequest);
    expect(auth.endsWith(`/${hmac("sha256", key, req.signed!.canonicalRequest!).digest("hex")}`)).toBe(true);
    expect(JSON.stringify(req.signed)).not.toContain(SECRET);
    expect(JSON.stringify(req.signed)).not.toContain(key);
  });

  it("the middleware makes the record readable for the Request it hands on, and only for that one", async () => {
    const middleware = signingMiddleware((r) => signAcs3(r, { credentials: creds, clock: () => NOW, nonce: () => "n2" }));
    const original = new Request("https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&PageSize=10", { method: "POST" });
    const signed = (await middleware.onRequest!({ request: original } as never)) as Request;
    expect(signedPartsOf(signed)?.stringToSign).toMatch(/^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    expect(signedPartsOf(new Request(signed))).toBeUndefined();
  });
});
