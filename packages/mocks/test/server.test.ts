// startMockServer: the same handlers over node:http (no MSW in this process), one path prefix per provider,
// CORS, unknown paths, connection resets. The facade against this server: test/contract/mock-server.test.ts.
import { signAcs3, signBceV1, signOssV4, signSdkHmacSha256 } from "@bucketry/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenario, testAccount, testCredentials } from "../src/index.js";
import { startMockServer, type MockServer } from "../src/server.js";
import { send, sign } from "./helpers.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 250, seed: 3 });
});
afterAll(() => server.close());

describe("startMockServer", () => {
  it("one endpoint per provider on 127.0.0.1, with the published credentials and complete client options", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.endpoints).toEqual({
      "aliyun-ens": `${server.url}/aliyun-ens`,
      "huaweicloud-mpc": `${server.url}/huaweicloud-mpc`,
      "baidu-bos": `${server.url}/baidu-bos`,
      "hitachi-vsp-one-object": `${server.url}/hitachi-vsp-one-object`,
      "aliyun-oss": `${server.url}/aliyun-oss`,
    });
    expect(server.credentials).toBe(testCredentials);
    expect(server.clientOptions["huaweicloud-mpc"]).toEqual({
      provider: "huaweicloud-mpc",
      endpoint: server.endpoints["huaweicloud-mpc"],
      region: testAccount.mpcRegion,
      projectId: testAccount.mpcProjectId,
      credentials: testCredentials["huaweicloud-mpc"],
    });
    expect(server.mock.state.buckets).toHaveLength(250);
    expect(server.mock.state.seed).toBe(3);
  });

  it("answers signed requests on each endpoint (path-style for OSS and BOS), on 127.0.0.1 and localhost", async () => {
    server.mock.reset();
    const b = server.mock.state.buckets[9]!;
    const oss = await send(
      await sign({ method: "GET", url: `${server.endpoints["aliyun-oss"]}/${b.name}/?acl` }, (r) =>
        signOssV4(r, { credentials: testCredentials["aliyun-oss"], region: testAccount.ossRegion, addressing: "path" }),
      ),
    );
    expect([oss.status, oss.text.includes(`<Grant>${b.acl}</Grant>`)]).toEqual([200, true]);
    const bosUrl = `${server.endpoints["baidu-bos"].replace("127.0.0.1", "localhost")}/v1/${b.name}?acl`;
    const bos = await send(await sign({ method: "GET", url: bosUrl }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] })));
    expect([bos.status, bos.json().owner.id]).toEqual([200, testAccount.bosOwnerId]);
    const ens = await send(
      await sign({ method: "POST", url: `${server.endpoints["aliyun-ens"]}/?Action=ListBuckets&Version=2017-11-10&PageSize=100` }, (r) =>
        signAcs3(r, { credentials: testCredentials["aliyun-ens"] }),
      ),
    );
    expect(ens.json().BucketInfos.map((x: { BucketName: string }) => x.BucketName)).toEqual(server.mock.state.buckets.slice(0, 100).map((x) => x.name));
    const mpc = await send(
      await sign({ method: "GET", url: `${server.endpoints["huaweicloud-mpc"]}/v1/${testAccount.mpcProjectId}/buckets` }, (r) =>
        signSdkHmacSha256(r, { credentials: testCredentials["huaweicloud-mpc"], projectId: testAccount.mpcProjectId }),
      ),
    );
    expect(mpc.status, mpc.text).toBe(200);
    expect(server.mock.requests.map((c) => [c.provider, c.issues.length, c.auth?.ok, c.response?.status])).toEqual([
      ["aliyun-oss", 0, true, 200],
      ["baidu-bos", 0, true, 200],
      ["aliyun-ens", 0, true, 200],
      ["huaweicloud-mpc", 0, true, 200],
    ]);
  });

  it("answers CORS preflights and exposes the request-id headers", async () => {
    const preflight = await fetch(`${server.endpoints["aliyun-oss"]}/b/?acl`, {
      method: "OPTIONS",
      headers: { origin: "http://app.test", "access-control-request-method": "GET", "access-control-request-headers": "authorization,x-oss-date" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,x-oss-date");
    const r = await fetch(`${server.endpoints["aliyun-oss"]}/b/?acl`, { headers: { origin: "http://app.test" } });
    expect(r.status).toBe(403);
    expect(r.headers.get("access-control-expose-headers")).toContain("x-oss-request-id");
  });

  it("answers unknown paths with 404 listing the endpoints", async () => {
    const r = await send({ method: "GET", url: `${server.url}/nowhere`, headers: {} });
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ error: "no mock for this URL", url: "/nowhere", endpoints: server.endpoints });
  });

  it("destroys the socket for scenario.reset", async () => {
    server.mock.use(scenario.reset("baidu-bos"));
    const b = server.mock.state.buckets[0]!;
    const signed = await sign({ method: "GET", url: `${server.endpoints["baidu-bos"]}/v1/${b.name}?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] }));
    await expect(send(signed)).rejects.toThrow(TypeError);
    expect(server.mock.requests.at(-1)!.reset).toBe(true);
  });
});
