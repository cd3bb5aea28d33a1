// A bug in the mock (an adapter, the engine, a test's override) answers a plain 500 that says what failed, with
// neither a stack trace nor the request's credentials on the wire; the detail stays on the recorded call.
import { signBceV1, signOssV4 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { testCredentials, vendorAdapters, type VendorAdapter } from "../src/index.js";
import { send, sign, useMock } from "./helpers.js";

const TOKEN = "sts-token-canary-7d41";
const adapterOf = (provider: string) => vendorAdapters.find((a) => a.provider === provider)!;
// Overrides that fail the way a careless one does: quoting the request's credentials in the error.
const bos: VendorAdapter = {
  ...adapterOf("baidu-bos"),
  respond(ctx) {
    throw new TypeError(`cannot answer for ${ctx.headers.get("authorization")}\nwith token ${ctx.headers.get("x-bce-security-token")}`);
  },
};
const oss: VendorAdapter = {
  ...adapterOf("aliyun-oss"),
  decorate(ctx) {
    throw new Error(`cannot decorate for ${ctx.headers.get("x-oss-security-token")}`);
  },
};
const mock = useMock({ buckets: 5, adapters: vendorAdapters.map((a) => (a.provider === "baidu-bos" ? bos : a.provider === "aliyun-oss" ? oss : a)) });
const bucket = () => mock.state.buckets[0]!.name;

describe("an exception inside the mock", () => {
  it("answers 500 naming the operation and the error, without a stack or credentials; the recorded call keeps the redacted stack", async () => {
    const signed = await sign({ method: "GET", url: `https://${bucket()}.bj.bcebos.com/?acl` }, (r) =>
      signBceV1(r, { credentials: { ...testCredentials["baidu-bos"], securityToken: TOKEN } }),
    );
    const authorization = signed.headers.get("authorization")!;
    const r = await send(signed);
    expect(r.status).toBe(500);
    expect(r.text).toMatch(/^@bucketry\/mocks internal error answering baidu-bos GetBucketAclVirtualHosted: TypeError: cannot answer for \[redacted\] with token \[redacted\]/);
    expect(r.text).not.toMatch(/\n|\bat .*:\d+:\d+/);
    for (const secret of [authorization, TOKEN]) expect(r.text).not.toContain(secret);
    const call = mock.requests[0]!;
    expect(call.response?.status).toBe(500);
    expect(call.internalError).toMatchObject({ name: "TypeError", message: "cannot answer for [redacted]\nwith token [redacted]" });
    expect(call.internalError!.stack).toMatch(/\n\s+at /);
    for (const secret of [authorization, TOKEN]) expect(JSON.stringify(call)).not.toContain(secret);
  });

  it("an adapter's decorate that throws gets the same plain 500 (not MSW's answer with the stack)", async () => {
    const signed = await sign({ method: "GET", url: `https://${bucket()}.oss-cn-hangzhou.aliyuncs.com/?acl` }, (r) =>
      signOssV4(r, { credentials: { ...testCredentials["aliyun-oss"], securityToken: TOKEN }, region: "cn-hangzhou" }),
    );
    const r = await send(signed);
    expect(r.status).toBe(500);
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(r.text).toMatch(/^@bucketry\/mocks internal error answering aliyun-oss GetBucketAcl: Error: cannot decorate for \[redacted\]/);
    expect(r.text).not.toContain(TOKEN);
    expect(r.text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(mock.requests[0]!.internalError?.message).toBe("cannot decorate for [redacted]");
  });
});
