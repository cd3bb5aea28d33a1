import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, serializeBosQuery } from "../src/index.js";

// The BOS API page's example (the spec's externalDocs), repeated entries included.
const seedExample = {
  owner: { id: "16df583fe6824d73a5f858f06de0af03" },
  accessControlList: [
    { grantee: [{ id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }, { id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }], permission: ["FULL_CONTROL", "FULL_CONTROL"] },
    { grantee: [{ id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }, { id: "10eb6f5ff6ff4605bf044313e8f3ffa5" }], permission: ["FULL_CONTROL", "FULL_CONTROL"] },
  ],
};

const urls: string[] = [];
const server = setupServer(
  http.get("https://bj.bcebos.com/v1/:bucket", ({ request }) => {
    urls.push(request.url);
    return HttpResponse.json(seedExample);
  }),
  http.get("https://bucketname-example.gz.bcebos.com/", ({ request }) => {
    urls.push(request.url);
    return HttpResponse.json(seedExample);
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  urls.length = 0;
});
afterAll(() => server.close());

describe("@bucketry/baidu-bos createClient", () => {
  it("keeps the bare ?acl under a per-call querySerializer (without it, GET is another operation)", async () => {
    const urls: string[] = [];
    const fetch = async (request: Request) => {
      urls.push(request.url);
      return new Response(null, { status: 204 });
    };
    const client = createClient({ fetch });
    for (const SERIALIZER of [() => "max-keys=5", () => "", { array: { style: "form" as const, explode: true } }]) await client.GET("/v1/{bucketName}", { params: { path: { bucketName: "b" } }, querySerializer: SERIALIZER });
    expect(urls).toEqual(["https://bj.bcebos.com/v1/b?acl&max-keys=5", "https://bj.bcebos.com/v1/b?acl", "https://bj.bcebos.com/v1/b?acl"]);
  });

  // URL normalization would drop these segments ("/v1/..?acl" is "/?acl"): refused before any request. BOS's rule
  // (bce-sdk-go services/bos/api/util.go isValidBucketName: ^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$) refuses them too.
  it.each(["..", ".", ""])("path-style: refuses bucketName %j before any request (the URL would lose the segment)", async (bucketName) => {
    const requests: Request[] = [];
    const fetch = async (request: Request) => {
      requests.push(request);
      return new Response(null, { status: 204 });
    };
    const client = createClient({ baseUrl: "http://127.0.0.1:9", fetch });
    await expect(client.GET("/v1/{bucketName}", { params: { path: { bucketName } } })).rejects.toThrow(
      new TypeError(`@bucketry/baidu-bos: ${JSON.stringify(bucketName)} is not a valid bucket name (3-63 characters: a-z, 0-9, "-"; no leading or trailing "-")`),
    );
    expect(requests).toEqual([]);
    // A name that is no dot segment goes out in the path as it is.
    await client.GET("/v1/{bucketName}", { params: { path: { bucketName: "..a" } } });
    expect(requests.map((r) => r.url)).toEqual(["http://127.0.0.1:9/v1/..a?acl"]);
  });

  it("path-style: GET /v1/{bucketName}?acl returns the seed example", async () => {
    const client = createClient();
    const { data, error } = await client.GET("/v1/{bucketName}", { params: { path: { bucketName: "bucketName_example" } } });
    expect(error).toBeUndefined();
    expect(data).toEqual(seedExample);
    expect(urls).toEqual(["https://bj.bcebos.com/v1/bucketName_example?acl"]);
  });

  it("virtual-hosted: GET /?acl on {bucket}.{region}.bcebos.com", async () => {
    const client = createClient({ region: "gz", bucket: "bucketname-example" });
    const { data } = await client.GET("/", {});
    expect(data).toEqual(seedExample);
    expect(urls).toEqual(["https://bucketname-example.gz.bcebos.com/?acl"]);
  });

  it.each(["attacker.example#", "x.evil.com/", "evil.com?", "Upper_Case", "a/b", "ab", "-lead"])("refuses bucket %j: it would become part of the host", (bucket) => {
    expect(() => createClient({ region: "bj", bucket })).toThrow(new TypeError(`@bucketry/baidu-bos: "${bucket}" is not a valid bucket name (3-63 characters: a-z, 0-9, "-"; no leading or trailing "-")`));
    expect(urls).toEqual([]);
  });

  it("quotes a bad bucket name cut at 60 characters, and a value of another type by its type", () => {
    expect(() => createClient({ bucket: "b".repeat(100_000) })).toThrow(`@bucketry/baidu-bos: "${"b".repeat(60)}"… is not a valid bucket name`);
    expect(() => createClient({ bucket: "b\nERROR forged" })).toThrow('@bucketry/baidu-bos: "b\\nERROR forged" is not a valid bucket name'); // escaped: no forged log line
    expect(() => createClient({ bucket: { secret: "s" } as never })).toThrow("@bucketry/baidu-bos: a value of type object is not a valid bucket name");
  });

  it("serializes acl as a bare key first, other parameters encoded", () => {
    expect(serializeBosQuery({})).toBe("acl");
    expect(serializeBosQuery({ acl: "", "a b": "c/d", flag: "" })).toBe("acl&a%20b=c%2Fd&flag");
  });
});
