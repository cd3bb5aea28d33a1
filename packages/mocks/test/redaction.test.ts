// The recorded calls (`mock.requests`) are printed, logged, written to report files and shown in pages: they keep
// each credential's name and say it was redacted, never its value — headers, signature query parameters, cookies
// (sent and set), and the answer's quotes of them (OSS's SignatureProvided, an RPC string to sign).
import { inspect } from "node:util";
import { signAcsRpcV1, signBceV1, signOssV1, signOssV4, signSdkHmacSha256 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { testAccount, testCredentials, type RecordedCall } from "../src/index.js";
import { Redactor } from "../src/redact.js";
import { startMockServer } from "../src/server.js";
import { send, sign, useMock } from "./helpers.js";

const mock = useMock();
// Characters Alibaba's percent-encoding and encodeURIComponent escape differently, and ones both escape.
const TOKEN = "STS.Tok/en+with=chars!(x)*'0123456789";

/** Every form a recorded call could show a value in: as is, percent-encoded once and twice. */
const forms = (value: string) => [value, encodeURIComponent(value), encodeURIComponent(encodeURIComponent(value))];

function expectHidden(calls: readonly RecordedCall[], secrets: readonly string[]): void {
  const shown = [JSON.stringify(calls), inspect(calls, { depth: null })];
  for (const text of shown) for (const secret of secrets.flatMap(forms)) expect(text, `shows ${secret}`).not.toContain(secret);
}

describe("recorded calls hide credentials, keeping their names", () => {
  it("ENS RPC v1: the Signature and SecurityToken query parameters", async () => {
    const url = "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON&PageSize=10";
    const good = await sign({ method: "GET", url }, (r) => signAcsRpcV1(r, { credentials: testCredentials["aliyun-ens"] }));
    const bad = await sign({ method: "GET", url }, (r) => signAcsRpcV1(r, { credentials: { ...testCredentials["aliyun-ens"], accessKeySecret: "wrong-secret", securityToken: TOKEN } }));
    await send(good);
    expect((await send(bad)).status).toBe(400);
    const [ok, mismatch] = mock.requests;
    expect(ok!.auth).toMatchObject({ ok: true });
    expect(mismatch!.auth).toMatchObject({ ok: false });
    const query = (call: RecordedCall) => new URL(call.url).searchParams;
    expect([query(ok!).get("Signature"), query(ok!).get("PageSize")]).toEqual(["[redacted]", "10"]);
    expect([query(mismatch!).get("Signature"), query(mismatch!).get("SecurityToken"), query(mismatch!).get("PageSize")]).toEqual(["[redacted]", "[redacted]", "10"]);
    expect(JSON.parse(mismatch!.response!.body!)).toMatchObject({ Code: "SignatureDoesNotMatch" });
    expectHidden(mock.requests, [TOKEN, good.url.searchParams.get("Signature")!, bad.url.searchParams.get("Signature")!]);
  });

  it("OSS: Authorization and x-oss-security-token; the SignatureProvided of a mismatch", async () => {
    const bucket = mock.state.buckets[3]!.name;
    const url = `https://${bucket}.oss-cn-hangzhou.aliyuncs.com/?acl`;
    const v4 = await sign({ method: "GET", url }, (r) => signOssV4(r, { credentials: testCredentials["aliyun-oss"], region: "cn-hangzhou", addressing: "virtual-hosted" }));
    const v1 = await sign({ method: "GET", url }, (r) =>
      signOssV1(r, { credentials: { ...testCredentials["aliyun-oss"], accessKeySecret: "wrong-secret", securityToken: TOKEN }, addressing: "virtual-hosted" }),
    );
    const accepted = await send(v4);
    expect(accepted.status, accepted.text).toBe(200);
    // The answer itself is the vendor's: it quotes the signature sent.
    const refused = await send(v1);
    const v1Signature = /:([^:]+)$/.exec(v1.headers.get("authorization")!)![1]!;
    expect(refused.text).toContain(`<SignatureProvided>${v1Signature}</SignatureProvided>`);
    const [ok, mismatch] = mock.requests;
    expect(ok!.auth).toMatchObject({ scheme: "OSS4-HMAC-SHA256", ok: true });
    expect(ok!.headers.authorization).toBe("[redacted]");
    expect([mismatch!.headers.authorization, mismatch!.headers["x-oss-security-token"]]).toEqual(["[redacted]", "[redacted]"]);
    expect(mismatch!.response!.body).toMatch(/<SignatureProvided>\[redacted\]<\/SignatureProvided>/);
    const v4Signature = /Signature=(\w+)/.exec(v4.headers.get("authorization")!)![1]!;
    expectHidden(mock.requests, [TOKEN, v1Signature, v4Signature, v1.headers.get("authorization")!, v4.headers.get("authorization")!]);
  });

  it("MPC's X-Auth-Token and signature, BOS's x-bce-security-token", async () => {
    const mpcUrl = `https://mpc.cn-north-4.myhuaweicloud.com/v1/${testAccount.mpcProjectId}/buckets`;
    await send({ method: "GET", url: mpcUrl, headers: { "x-auth-token": testAccount.mpcToken } });
    const mpc = await sign({ method: "GET", url: mpcUrl }, (r) => signSdkHmacSha256(r, { credentials: testCredentials["huaweicloud-mpc"], projectId: testAccount.mpcProjectId }));
    await send(mpc);
    const bos = await sign({ method: "GET", url: `https://${mock.state.buckets[0]!.name}.bj.bcebos.com/?acl` }, (r) =>
      signBceV1(r, { credentials: { ...testCredentials["baidu-bos"], securityToken: TOKEN } }),
    );
    await send(bos);
    const [token, signed, bce] = mock.requests;
    expect(token!.auth).toMatchObject({ scheme: "X-Auth-Token", ok: true });
    expect(token!.headers["x-auth-token"]).toBe("[redacted]");
    expect(signed!.auth).toMatchObject({ ok: true });
    expect(signed!.headers.authorization).toBe("[redacted]");
    expect([bce!.headers.authorization, bce!.headers["x-bce-security-token"]]).toEqual(["[redacted]", "[redacted]"]);
    expectHidden(mock.requests, [TOKEN, testAccount.mpcToken, mpc.headers.get("authorization")!, bos.headers.get("authorization")!]);
  });

  it("Hitachi: the bearer token, X-XSRF-TOKEN and Cookie sent, the cookies set (names and attributes kept)", async () => {
    const base = "https://admin.region1.cluster1/mapi";
    const bearer = testCredentials["hitachi-vsp-one-object"].token;
    const csrf = await fetch(`${base}/v1/csrf`);
    const setCookies = csrf.headers.getSetCookie();
    const values = setCookies.map((line) => /^[^=]+=([^;]*)/.exec(line)![1]!);
    const xsrf = /XSRF-TOKEN=([^;]+)/.exec(setCookies.join("\n"))![1]!;
    const list = await fetch(`${base}/v1/user/list_buckets`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "x-xsrf-token": xsrf, cookie: setCookies.map((line) => line.split(";")[0]).join("; "), "content-type": "application/json" },
      body: JSON.stringify({ id: testAccount.hitachiUserIds[0], count: 2 }),
    });
    expect(list.status).toBe(200);
    const [handshake, call] = mock.requests;
    const recordedSetCookie = handshake!.response!.headers["set-cookie"]!;
    expect(recordedSetCookie).toMatch(/XSRF-TOKEN=\[redacted\]; /);
    expect(recordedSetCookie).toMatch(/vertx-web\.session=\[redacted\]; .*HttpOnly/i);
    expect(call!.auth).toEqual({ scheme: "Bearer+XSRF", ok: true });
    expect([call!.headers.authorization, call!.headers["x-xsrf-token"]]).toEqual(["[redacted]", "[redacted]"]);
    // Every cookie sent keeps its name; no value is shown.
    expect(call!.headers.cookie).toMatch(/^XSRF-TOKEN=\[redacted\]; vertx-web\.session=\[redacted\]/);
    for (const pair of call!.headers.cookie!.split(";")) expect(pair.includes("=") ? pair.split("=")[1] : "[redacted]").toBe("[redacted]");
    expectHidden(mock.requests, [bearer, ...values]);
  });
});

describe("Redactor", () => {
  it("hides the signature or token part of each Authorization scheme where an answer quotes it alone", () => {
    const cases: Array<[authorization: string, quoted: string]> = [
      ["OSS LTAI5tKey:xK40//rgM5Phxc3h7Ryu5lTZkM4=", "xK40//rgM5Phxc3h7Ryu5lTZkM4="],
      ["Bearer eyJhbGciOi.J9/x+y=", "eyJhbGciOi.J9/x+y="],
      ["bce-auth-v1/ak/2024-01-01T00:00:00Z/1800/host/0f1e2d3c4b5a69788796a5b4c3d2e1f0", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"],
      ["ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host,Signature=9a8b7c6d5e4f", "9a8b7c6d5e4f"],
    ];
    for (const [authorization, quoted] of cases) {
      const r = new Redactor();
      expect(r.header("Authorization", authorization)).toBe("[redacted]");
      expect(r.text(`<SignatureProvided>${quoted}</SignatureProvided>`), authorization).toBe("<SignatureProvided>[redacted]</SignatureProvided>");
    }
  });

  it("keeps names, other parameters and their encoding; a Set-Cookie keeps its attributes", () => {
    const r = new Redactor();
    expect(r.url("https://h.test/p?a=%2F1&signature=s1gn&x-oss-security-token=tok%2Bken&continuation-token=next&b")).toBe(
      "https://h.test/p?a=%2F1&signature=[redacted]&x-oss-security-token=[redacted]&continuation-token=next&b",
    );
    expect(r.header("set-cookie", "XSRF-TOKEN=abcd1234; Path=/; Secure")).toBe("XSRF-TOKEN=[redacted]; Path=/; Secure");
    expect(r.header("x-acs-signature-nonce", "n0nce")).toBe("n0nce");
    expect(r.text("tok+ken tok%2Bken abcd1234 next")).toBe("[redacted] [redacted] [redacted] next");
  });
});

describe("startMockServer", () => {
  it("a 404 names the path and the query, never a signature or token in it", async () => {
    const server = await startMockServer({ buckets: 1 });
    try {
      const r = await send({ method: "GET", url: `${server.url}/nowhere?Signature=sig-value-1234&SecurityToken=${encodeURIComponent(TOKEN)}&a=1`, headers: {} });
      expect(r.status).toBe(404);
      expect(r.json().url).toBe("/nowhere?Signature=[redacted]&SecurityToken=[redacted]&a=1");
      for (const secret of ["sig-value-1234", ...forms(TOKEN)]) expect(r.text).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
