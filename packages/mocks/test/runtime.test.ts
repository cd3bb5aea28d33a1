// The runtime is given its vendor adapters: by default the five of vendorAdapters, or any list a caller passes.
import { signBceV1, signOssV4 } from "@bucketry/signing";
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createMock, createMockState, MockRuntime, providerHandlers, testCredentials, vendorAdapters, vendors, type VendorAdapter } from "../src/index.js";
import { sign } from "./helpers.js";

const state = createMockState({ buckets: 20, seed: 5 });
const bucket = state.buckets[3]!;
const adapterOf = (provider: string) => vendorAdapters.find((a) => a.provider === provider)!;

async function bosRequest(): Promise<Request> {
  const signed = await sign({ method: "GET", url: `https://${bucket.name}.bj.bcebos.com/?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] }));
  return new Request(signed.url, { headers: signed.headers });
}
async function ossRequest(): Promise<Request> {
  const signed = await sign({ method: "GET", url: `https://${bucket.name}.oss-cn-hangzhou.aliyuncs.com/?acl` }, (r) =>
    signOssV4(r, { credentials: testCredentials["aliyun-oss"], region: "cn-hangzhou" }),
  );
  return new Request(signed.url, { headers: signed.headers });
}

describe("vendorAdapters", () => {
  it("one adapter per generated vendor module, in the same order", () => {
    expect(vendorAdapters.map((a) => a.provider)).toEqual(Object.keys(vendors));
  });

  it("new MockRuntime({ state }) has all five; a runtime refuses two adapters for one provider", () => {
    const runtime = new MockRuntime({ state });
    for (const adapter of vendorAdapters) expect(runtime.adapter(adapter.provider)).toBe(adapter);
    expect(() => new MockRuntime({ state, adapters: [adapterOf("baidu-bos"), adapterOf("baidu-bos")] })).toThrow(/two adapters for provider baidu-bos/);
  });
});

describe("a runtime given its adapters", () => {
  it("answers with the adapter it was given", async () => {
    const bos = adapterOf("baidu-bos");
    const stamped: VendorAdapter = {
      ...bos,
      decorate(ctx, reply) {
        bos.decorate(ctx, reply);
        reply.headers.set("x-decorated-by", "test adapter");
      },
    };
    const runtime = new MockRuntime({ state, adapters: [stamped] });
    const response = await getResponse(providerHandlers(runtime, "baidu-bos"), await bosRequest());
    expect(response?.status).toBe(200);
    expect(response?.headers.get("x-decorated-by")).toBe("test adapter");
    expect((await response!.json()).accessControlList).toBeDefined();
    expect(runtime.requests.map((c) => [c.provider, c.auth?.ok])).toEqual([["baidu-bos", true]]);
  });

  it("createMock({ adapters }) makes handlers for those providers only", async () => {
    const mock = createMock({ state, adapters: [adapterOf("aliyun-oss")] });
    expect(mock.handlers).toHaveLength(providerHandlers(mock.runtime, "aliyun-oss").length);
    expect((await getResponse(mock.handlers, await ossRequest()))?.status).toBe(200);
    expect(await getResponse(mock.handlers, await bosRequest())).toBeUndefined();
  });

  it("handlers bound for a provider the runtime has no adapter for fail naming it", async () => {
    const runtime = new MockRuntime({ state, adapters: [adapterOf("aliyun-oss")] });
    await expect(getResponse(providerHandlers(runtime, "baidu-bos"), await bosRequest())).rejects.toThrow(/no adapter for provider baidu-bos/);
  });
});
