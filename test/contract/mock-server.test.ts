// startMockServer from @bucketry/mocks/server with the facade as its client, over real sockets (no MSW in this
// process). The server's own behaviour (CORS, 404, resets) is tested in packages/mocks/test/server.test.ts.
import { scenario } from "@bucketry/mocks";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { createBucketClient, isBucketryError } from "bucketry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 250, seed: 3 });
});
afterAll(() => server.close());

describe("startMockServer", () => {
  it("serves all five APIs to the facade with the published credentials (clientOptions as they are)", async () => {
    const names = server.mock.state.buckets.map((b) => b.name);
    const ens = createBucketClient(server.clientOptions["aliyun-ens"]);
    const listed: string[] = [];
    for await (const b of ens.listBuckets({ pageSize: 100 })) listed.push(b.name);
    expect(listed).toEqual(names);
    const ensV1 = createBucketClient({ ...server.clientOptions["aliyun-ens"], signatureVersion: "v1" });
    expect((await ensV1.listBucketsPage({ prefix: "img" })).buckets.map((b) => b.name)).toEqual(names.filter((n) => n.startsWith("img")).slice(0, 100));
    const mpc = createBucketClient(server.clientOptions["huaweicloud-mpc"]);
    expect((await mpc.listBucketsPage({})).buckets.length).toBe(server.mock.state.buckets.filter((b) => b.mpcRegion === "cn-north-4").length);
    const hitachi = createBucketClient(server.clientOptions["hitachi-vsp-one-object"]);
    const owned: string[] = [];
    for await (const b of hitachi.listBuckets({ userId: 1, pageSize: 17 })) owned.push(b.name);
    expect(owned).toEqual(server.mock.state.buckets.filter((b) => b.hitachiUserId === 1).map((b) => b.name));
    for (const provider of ["baidu-bos", "aliyun-oss"] as const) {
      const client = createBucketClient(server.clientOptions[provider]);
      const b = server.mock.state.buckets[9]!;
      expect((await client.getBucketAcl(b.name)).acl).toBe(b.acl);
    }
    const ossV1 = createBucketClient({ ...server.clientOptions["aliyun-oss"], signatureVersion: "v1" });
    expect((await ossV1.getBucketAcl(names[0]!)).acl).toBe(server.mock.state.buckets[0]!.acl);
    expect(server.mock.requests.every((c) => c.issues.length === 0 && c.response!.status === 200)).toBe(true);
  });

  it("scenario.reset destroys the socket: the facade sees a Network error", async () => {
    server.mock.use(scenario.reset("baidu-bos"));
    const bos = createBucketClient({ ...server.clientOptions["baidu-bos"], retry: false });
    const err = await bos.getBucketAcl(server.mock.state.buckets[0]!.name).catch((e: unknown) => e);
    expect(isBucketryError(err) && err.kind).toBe("Network");
  });

  it("a failed CSRF handshake surfaces as a Hitachi session error (scenario on GetCsrfToken only)", async () => {
    server.mock.reset();
    server.mock.use(scenario.status("hitachi-vsp-one-object", 503, { operation: "GetCsrfToken" }));
    const client = createBucketClient({ ...server.clientOptions["hitachi-vsp-one-object"], retry: false });
    const err = await client.listBucketsPage({ userId: 0 }).catch((e: unknown) => e);
    expect(isBucketryError(err) && [err.kind, err.status]).toEqual(["Unavailable", 503]);
    await expect(client.listBucketsPage({ userId: 0 })).resolves.toBeDefined();
    expect(server.mock.requests.map((c) => `${c.operationId} ${c.response?.status}`)).toEqual(["GetCsrfToken 503", "GetCsrfToken 200", "ListUserBuckets 200"]);
  });
});
