// startMockServer: the same handlers over node:http (no MSW in this process), one path prefix per provider,
// CORS, unknown paths, connection resets. The facade against this server: test/contract/mock-server.test.ts.
import { signAcs3, signBceV1, signOssV4, signSdkHmacSha256 } from "@bucketry/signing";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scenario, testAccount, testCredentials } from "../src/index.js";
import { startMockServer, type MockServer } from "../src/server.js";
import { send, sign } from "./helpers.js";
import { VENDOR_IDS } from "../../../test/support/vendors.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 250, seed: 3 });
});
afterAll(() => server.close());

describe("startMockServer", () => {
  it("one endpoint per provider on 127.0.0.1, with the published credentials and complete client options", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.endpoints).toEqual(Object.fromEntries(VENDOR_IDS.map((id) => [id, `${server.url}/${id}`])));
    expect(Object.keys(server.clientOptions)).toEqual(VENDOR_IDS);
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
      await sign({ method: "POST", url: `${server.endpoints["aliyun-ens"]}/?Action=ListBuckets&Version=2017-11-10&Format=JSON&PageSize=100` }, (r) =>
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
    // Every header the answer carries is exposed, whatever the vendor names it.
    const exposed = r.headers.get("access-control-expose-headers")!.split(", ");
    expect(exposed).toContain("x-oss-request-id");
    for (const name of ["x-oss-ec", "date", "x-bucketry-mock-reason"]) {
      expect(r.headers.has(name), name).toBe(true);
      expect(exposed).toContain(name);
    }
  });

  it("answers unknown paths with 404 listing the endpoints", async () => {
    const r = await send({ method: "GET", url: `${server.url}/nowhere`, headers: {} });
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ error: "no mock for this URL", url: "/nowhere", endpoints: server.endpoints });
  });

  it("a URL with user info (a proxy-form target, a Host with user:password@) is refused without quoting its password, token or signature", async () => {
    const canary = "canary-3f9a1c";
    const query = `?Action=ListBuckets&SecurityToken=tok-${canary}&Signature=sig-${canary}`;
    for (const [target, host] of [
      [`http://user:pw-${canary}@127.0.0.1:${server.port}/aliyun-ens/${query}`, `127.0.0.1:${server.port}`],
      [`/aliyun-ens/${query}`, `user:pw-${canary}@127.0.0.1:${server.port}`],
    ]) {
      const raw = await rawExchange(server.port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(raw).toMatch(/^HTTP\/1\.1 500 /);
      expect(raw).toContain("includes credentials");
      expect(raw).not.toContain(canary);
    }
  });

  it("close() ends a request waiting on a latency scenario: no timer outlives the server, the client sees the connection end", async () => {
    const own = await startMockServer({ buckets: 3 });
    own.mock.use(scenario.latency("baidu-bos", 60_000));
    const b = own.mock.state.buckets[0]!;
    const signed = await sign({ method: "GET", url: `${own.endpoints["baidu-bos"]}/v1/${b.name}?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] }));
    const answer = send(signed).then(
      (r) => r.status,
      (err: Error) => err.name,
    );
    await vi.waitFor(() => expect(own.mock.requests).toHaveLength(1));
    await own.close();
    expect(await answer).toBe("TypeError");
    await vi.waitFor(() => expect(own.mock.requests[0]!.reset).toBe(true));
  });

  it("close() may be called again (a test's own and the suite's afterAll): it resolves, and the port is free", async () => {
    const own = await startMockServer({ buckets: 1 });
    await Promise.all([own.close(), own.close()]);
    await expect(own.close()).resolves.toBeUndefined();
    const again = await startMockServer({ buckets: 1, port: own.port });
    expect(again.port).toBe(own.port);
    await again.close();
  });

  it("destroys the socket for scenario.reset", async () => {
    server.mock.use(scenario.reset("baidu-bos"));
    const b = server.mock.state.buckets[0]!;
    const signed = await sign({ method: "GET", url: `${server.endpoints["baidu-bos"]}/v1/${b.name}?acl` }, (r) => signBceV1(r, { credentials: testCredentials["baidu-bos"] }));
    await expect(send(signed)).rejects.toThrow(TypeError);
    expect(server.mock.requests.at(-1)!.reset).toBe(true);
  });
});

/** Writes `raw` to a socket on 127.0.0.1:port and resolves with everything the server sends until it closes. */
function rawExchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(raw));
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}

/** Sends over a real socket to 127.0.0.1:port with whatever Host header the test names. */
function sendAs(port: number, req: { method: string; url: URL; headers: Headers }, host: string, connectTo = "127.0.0.1"): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of req.headers) headers[name] = value;
    headers.host = host;
    const outgoing = request({ host: connectTo, port, method: req.method, path: req.url.pathname + req.url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("startMockServer under any Host", () => {
  const ossV4 = (addressing: "path" | "virtual-hosted") => (r: Parameters<typeof signOssV4>[0]) =>
    signOssV4(r, { credentials: testCredentials["aliyun-oss"], region: testAccount.ossRegion, addressing });
  const bosSign = (r: Parameters<typeof signBceV1>[0]) => signBceV1(r, { credentials: testCredentials["baidu-bos"] });

  it("routes by path under a proxy's or a container's host name, signatures checked against that Host", async () => {
    server.mock.reset();
    const host = "mock.internal:9000";
    const b = server.mock.state.buckets[4]!;
    const oss = await sendAs(server.port, await sign({ method: "GET", url: `http://${host}/aliyun-oss/${b.name}/?acl` }, ossV4("path")), host);
    expect([oss.status, oss.text.includes(`<Grant>${b.acl}</Grant>`)]).toEqual([200, true]);
    const bos = await sendAs(server.port, await sign({ method: "GET", url: `http://${host}/baidu-bos/v1/${b.name}?acl` }, bosSign), host);
    expect([bos.status, JSON.parse(bos.text).owner.id]).toEqual([200, testAccount.bosOwnerId]);
    const ens = await sendAs(
      server.port,
      await sign({ method: "POST", url: `http://${host}/aliyun-ens/?Action=ListBuckets&Version=2017-11-10&Format=JSON&PageSize=5` }, (r) => signAcs3(r, { credentials: testCredentials["aliyun-ens"] })),
      host,
    );
    expect(JSON.parse(ens.text).BucketInfos.map((x: { BucketName: string }) => x.BucketName)).toEqual(server.mock.state.buckets.slice(0, 5).map((x) => x.name));
    const mpc = await sendAs(
      server.port,
      await sign({ method: "GET", url: `http://compose-mock/huaweicloud-mpc/v1/${testAccount.mpcProjectId}/buckets` }, (r) =>
        signSdkHmacSha256(r, { credentials: testCredentials["huaweicloud-mpc"], projectId: testAccount.mpcProjectId }),
      ),
      "compose-mock",
    );
    expect(mpc.status, mpc.text).toBe(200);
    expect(server.mock.requests.map((c) => [c.provider, c.auth?.ok, new URL(c.url).host])).toEqual([
      ["aliyun-oss", true, host],
      ["baidu-bos", true, host],
      ["aliyun-ens", true, host],
      ["huaweicloud-mpc", true, "compose-mock"],
    ]);
  });

  it("a signature over another Host than the one received still fails (the Host is what the client signed)", async () => {
    const signed = await sign({ method: "POST", url: `http://mock.internal:9000/aliyun-ens/?Action=ListBuckets&Version=2017-11-10&Format=JSON` }, (r) => signAcs3(r, { credentials: testCredentials["aliyun-ens"] }));
    const r = await sendAs(server.port, signed, "other.internal:9000");
    expect([r.status, JSON.parse(r.text).Code]).toEqual([400, "SignatureDoesNotMatch"]);
  });

  it("a virtual-hosted request ({bucket}.{host}) names the bucket in the first label, OSS and BOS", async () => {
    const b = server.mock.state.buckets[7]!;
    const other = server.mock.state.buckets.find((x) => x.acl !== b.acl)!;
    const host = `${b.name}.mock.internal:9000`;
    const oss = await sendAs(server.port, await sign({ method: "GET", url: `http://${host}/aliyun-oss/?acl` }, ossV4("virtual-hosted")), host);
    expect([oss.status, oss.text.includes(`<Grant>${b.acl}</Grant>`)]).toEqual([200, true]);
    const bosHost = `${other.name}.bos.test`;
    const bos = await sendAs(server.port, await sign({ method: "GET", url: `http://${bosHost}/baidu-bos/?acl` }, bosSign), bosHost);
    expect([bos.status, JSON.parse(bos.text).owner.id]).toEqual([200, testAccount.bosOwnerId]);
    // A bucket that does not exist is looked up by its own name, not the spec's example bucket.
    const missingOss = await sendAs(server.port, await sign({ method: "GET", url: "http://no-such-bucket.mock.internal/aliyun-oss/?acl" }, ossV4("virtual-hosted")), "no-such-bucket.mock.internal");
    const missingBos = await sendAs(server.port, await sign({ method: "GET", url: "http://no-such-bucket.bos.test/baidu-bos/?acl" }, bosSign), "no-such-bucket.bos.test");
    expect([missingOss.status, missingBos.status, JSON.parse(missingBos.text).code]).toEqual([404, 404, "NoSuchBucket"]);
  });

  it("answers a vendor's own host name mapped to it (the spec's servers), virtual-hosted and path-style", async () => {
    const b = server.mock.state.buckets[11]!;
    const host = `${b.name}.oss-cn-hangzhou.aliyuncs.com`;
    const oss = await sendAs(server.port, await sign({ method: "GET", url: `https://${host}/?acl` }, ossV4("virtual-hosted")), host);
    expect([oss.status, oss.text.includes(`<Grant>${b.acl}</Grant>`)]).toEqual([200, true]);
    const example = await sendAs(server.port, await sign({ method: "GET", url: "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl" }, ossV4("virtual-hosted")), "examplebucket.oss-cn-hangzhou.aliyuncs.com");
    expect(example.status, example.text).toBe(200);
    const bosHost = `${b.name}.gz.bcebos.com`;
    const bos = await sendAs(server.port, await sign({ method: "GET", url: `https://${bosHost}/?acl` }, bosSign), bosHost);
    expect([bos.status, JSON.parse(bos.text).owner.id]).toEqual([200, testAccount.bosOwnerId]);
  });

  it("listens where `host` says; the endpoints name that address", async () => {
    const named = await startMockServer({ host: "localhost", buckets: 5 });
    try {
      expect(named.url).toBe(`http://localhost:${named.port}`);
      expect(named.endpoints["aliyun-oss"]).toBe(`${named.url}/aliyun-oss`);
      const b = named.mock.state.buckets[0]!;
      const r = await sendAs(named.port, await sign({ method: "GET", url: `${named.endpoints["aliyun-oss"]}/${b.name}/?acl` }, ossV4("path")), `localhost:${named.port}`, "localhost");
      expect(r.status, r.text).toBe(200);
    } finally {
      await named.close();
    }
  });

  it("an IP address or a single-label host names no bucket: the path does", async () => {
    const b = server.mock.state.buckets[2]!;
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const r = await sendAs(server.port, await sign({ method: "GET", url: `http://${host}/aliyun-oss/${b.name}/?acl` }, ossV4("path")), host);
      expect([r.status, r.text.includes(`<Grant>${b.acl}</Grant>`)]).toEqual([200, true]);
    }
    const unknown = await sendAs(server.port, { method: "GET", url: new URL("http://x/elsewhere/?acl"), headers: new Headers() }, "mock.internal:9000");
    expect([unknown.status, JSON.parse(unknown.text).error]).toEqual([404, "no mock for this URL"]);
  });
});
