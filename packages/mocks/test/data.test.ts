// The seeded data set and what each vendor answers from it (or from the spec's examples).
import { signAcs3, signBceV1, signOssV4 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { startMockServer } from "../src/server.js";
import { createMockState, testCredentials, vendors } from "../src/index.js";
import { send, sign, useMock } from "./helpers.js";

const mock = useMock({ buckets: 1000, seed: 9 });

describe("createMockState", () => {
  it("is deterministic per seed, sorted, unique and valid as OSS/BOS bucket names", () => {
    const a = createMockState({ buckets: 500, seed: 1 });
    const b = createMockState({ buckets: 500, seed: 1 });
    const c = createMockState({ buckets: 500, seed: 2 });
    expect(a.buckets).toEqual(b.buckets);
    expect(a.buckets.map((x) => x.name)).not.toEqual(c.buckets.map((x) => x.name));
    const names = a.buckets.map((x) => x.name);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(500);
    for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    expect(a.withPrefix("img").every((x) => x.name.startsWith("img"))).toBe(true);
    expect(a.withPrefix("img").length).toBe(names.filter((n) => n.startsWith("img")).length);
  });

  it("put/remove keep the order", () => {
    const s = createMockState({ buckets: 10, seed: 1 });
    s.put({ ...s.buckets[0]!, name: "aaa-first" });
    expect(s.buckets[0]!.name).toBe("aaa-first");
    expect(s.remove("aaa-first")).toBe(true);
    expect(s.find("aaa-first")).toBeUndefined();
  });
});

describe("answers from the spec's examples", () => {
  it("OSS examplebucket (the server variable's default) is the page's XML example", async () => {
    const r = await send(await sign({ method: "GET", url: "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl" }, (req) => signOssV4(req, { credentials: testCredentials["aliyun-oss"], region: "cn-hangzhou" })));
    expect(r.status).toBe(200);
    expect(r.text).toBe(vendors["aliyun-oss"].spec.operations.GetBucketAcl!.responses["200"]!.content["application/xml"]!.examples.success);
  });

  it("BOS example-bucket and bucketName_example are the page's examples", async () => {
    const examples = vendors["baidu-bos"].spec.operations.GetBucketAcl!.responses["200"]!.content["application/json"]!.examples;
    const virtual = await send(await sign({ method: "GET", url: "https://example-bucket.bj.bcebos.com/?acl" }, (req) => signBceV1(req, { credentials: testCredentials["baidu-bos"] })));
    expect(virtual.json()).toEqual(examples.publicRead);
    const path = await send(await sign({ method: "GET", url: "https://bj.bcebos.com/v1/bucketName_example/?acl" }, (req) => signBceV1(req, { credentials: testCredentials["baidu-bos"] })));
    expect(path.json()).toEqual(examples.page);
  });

  it("ENS with no buckets answers the page's example, filtered by Prefix and paged by PageNumber as the page's parameters say", async () => {
    // The ListBuckets page: Prefix "The prefix that returned bucket names must contain"; PageNumber "Pages start
    // from page 1"; TotalCount "The total number of buckets that match the conditions". Its example holds one bucket, "test".
    const server = await startMockServer({ buckets: 0 });
    try {
      const list = async (query: string) => {
        const r = await send(await sign({ method: "POST", url: `${server.endpoints["aliyun-ens"]}/?Action=ListBuckets&Version=2017-11-10&Format=JSON${query}` }, (req) => signAcs3(req, { credentials: testCredentials["aliyun-ens"] })));
        expect(r.status, r.text).toBe(200);
        const body = r.json() as { BucketInfos: Array<{ BucketName: string }>; TotalCount: number };
        return [body.BucketInfos.map((b) => b.BucketName), body.TotalCount];
      };
      expect(await list("")).toEqual([["test"], 1]);
      expect(await list("&Prefix=te")).toEqual([["test"], 1]);
      expect(await list("&Prefix=image")).toEqual([[], 0]);
      expect(await list("&PageNumber=2&PageSize=1")).toEqual([[], 1]);
    } finally {
      await server.close();
    }
  });

  it("unknown buckets are NoSuchBucket (404)", async () => {
    const r = await send(await sign({ method: "GET", url: "https://no-such-bucket.bj.bcebos.com/?acl" }, (req) => signBceV1(req, { credentials: testCredentials["baidu-bos"] })));
    expect([r.status, r.json().code]).toEqual([404, "NoSuchBucket"]);
  });
});

describe("custom base URLs", () => {
  it("route patterns: spec servers first, then each base (OSS path style keeps /{bucket})", () => {
    const routes = mock.runtime.routes(vendors["aliyun-oss"].spec, "GetBucketAcl", ["http://127.0.0.1:9000/oss/"]);
    const custom = routes.filter((r) => r.baseUrl);
    expect(custom.map((r) => r.pattern.source)).toEqual([
      "^http:\\/\\/(?<g0_bucket>[^./:\\[]+)\\.127\\.0\\.0\\.1:9000\\/oss\\/?$",
      "^http:\\/\\/127\\.0\\.0\\.1:9000\\/oss\\/?$",
      "^http:\\/\\/127\\.0\\.0\\.1:9000\\/oss\\/(?<g0_bucket>[^/]+)\\/?$",
    ]);
    // A custom base also answers virtual-hosted ({bucket}.{base host}), the bucket read from the first label.
    const onHost = mock.runtime.routes(vendors["aliyun-oss"].spec, "GetBucketAcl", ["http://oss.test"]).filter((r) => r.baseUrl);
    expect(onHost[0]!.pattern.exec("http://my-bucket.oss.test/")?.groups).toEqual({ g0_bucket: "my-bucket" });
    expect(onHost[0]!.pattern.test("http://oss.test/")).toBe(false);
    // Under any host (a bare path): not on an IP address, where no bucket can prefix the host.
    const anyHost = mock.runtime.routes(vendors["aliyun-oss"].spec, "GetBucketAcl", ["/aliyun-oss"]).filter((r) => r.baseUrl);
    expect(["http://b1.mock.internal:9000/aliyun-oss/", "https://b1.10.0.0.5/aliyun-oss/", "http://127.0.0.1:80/aliyun-oss/"].map((u) => anyHost[0]!.pattern.exec(u)?.groups?.g0_bucket)).toEqual(["b1", undefined, undefined]);
    expect(routes[0]!.pattern.test("https://my-bucket.oss-cn-shanghai.aliyuncs.com/")).toBe(true);
    expect(routes[0]!.pattern.test("https://my.bucket.oss-cn-shanghai.aliyuncs.com/")).toBe(false);
  });
});
