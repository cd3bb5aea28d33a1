import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acsCanonicalQuery, createClient, ensEndpoint } from "../src/index.js";

// The ENS ListBuckets API page's example (the spec's externalDocs).
const seedExample = {
  RequestId: "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
  BucketInfos: [
    {
      BucketAcl: "private",
      BucketName: "test",
      Comment: "numb",
      CreateTime: "2022-10-12T05:45:00Z",
      LogicalBucketType: "sink",
      ModifyTime: "2022-10-12T06:45:00Z",
      EnsRegionId: "cn-dalian-unicom",
    },
  ],
  TotalCount: 1,
};

const seen: { method: string; query: URLSearchParams; search: string; headers: Headers }[] = [];
const server = setupServer(
  http.all("https://ens.aliyuncs.com/", ({ request }) => {
    const url = new URL(request.url);
    seen.push({ method: request.method, query: url.searchParams, search: url.search, headers: request.headers });
    if (url.searchParams.get("PageSize") === "500") {
      return HttpResponse.json(
        { RequestId: "r-2", HostId: "ens.aliyuncs.com", Code: "InvalidParameter.PageSize", Message: "The specified field PageSize invalid. Please check it again." },
        { status: 400 },
      );
    }
    return HttpResponse.json(seedExample, { headers: { "x-acs-request-id": seedExample.RequestId } });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

describe("@bucketry/aliyun-ens createClient", () => {
  it("POSTs the RPC call with Action/Version filled in and returns the seed example", async () => {
    const client = createClient();
    const { data, error } = await client.POST("/", { params: { query: { Prefix: "image", PageNumber: "1", PageSize: "5" } } });
    expect(error).toBeUndefined();
    expect(data).toEqual(seedExample);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("POST");
    expect(Object.fromEntries(seen[0]!.query)).toEqual({ Action: "ListBuckets", Version: "2017-11-10", Prefix: "image", PageNumber: "1", PageSize: "5" });
  });

  it("also accepts GET, as RPC APIs do", async () => {
    const client = createClient({ region: "cn-hangzhou" });
    const { data } = await client.GET("/", { params: { query: { PageSize: 10 } } });
    expect(data?.TotalCount).toBe(1);
    expect(seen[0]!.method).toBe("GET");
  });

  it("returns the documented error body as the typed error", async () => {
    const client = createClient();
    const { error, response } = await client.POST("/", { params: { query: { PageSize: "500" } } });
    expect(response.status).toBe(400);
    expect(error?.Code).toBe("InvalidParameter.PageSize");
  });

  it('actionAndVersion "headers": x-acs-action / x-acs-version headers and the query as openapi-fetch serializes it', async () => {
    const client = createClient({ actionAndVersion: "headers" });
    const { data } = await client.POST("/", { params: { query: { Prefix: "a b*(é)", PageSize: "5", PageNumber: "1" } } });
    expect(data).toEqual(seedExample);
    // openapi-fetch's default serializer (encodeURIComponent, in the caller's order): acs3Signer signs the decoded
    // parameters, so the client needs no encoder of its own.
    expect(seen[0]!.search).toBe("?Prefix=a%20b*(%C3%A9)&PageSize=5&PageNumber=1");
    expect(Object.fromEntries(seen[0]!.query)).toEqual({ Prefix: "a b*(é)", PageSize: "5", PageNumber: "1" });
    expect(seen[0]!.headers.get("x-acs-action")).toBe("ListBuckets");
    expect(seen[0]!.headers.get("x-acs-version")).toBe("2017-11-10");
    expect(() => createClient({ actionAndVersion: "body" as never })).toThrow(/actionAndVersion must be "query" or "headers"/);
  });

  it("acsCanonicalQuery (kept export): RFC 3986-encoded pairs sorted by name, empty values dropped", async () => {
    expect(acsCanonicalQuery({ Prefix: "a b*(é)", PageSize: 5, PageNumber: "1", Marker: undefined, Tag: null })).toBe("PageNumber=1&PageSize=5&Prefix=a%20b%2A%28%C3%A9%29");
    // As a per-client querySerializer, it still decides what goes on the wire.
    const client = createClient({ actionAndVersion: "headers", querySerializer: acsCanonicalQuery });
    await client.POST("/", { params: { query: { Prefix: "x'y", PageSize: "5" } } });
    expect(seen[0]!.search).toBe("?PageSize=5&Prefix=x%27y");
  });

  it('actionAndVersion "headers": the caller\'s default headers (an object or a Headers) and per-call headers win over the two', async () => {
    const fromObject = createClient({ actionAndVersion: "headers", headers: { "X-Acs-Version": "2099-01-01", "x-trace": "t" } });
    await fromObject.POST("/", {});
    const fromHeaders = createClient({ actionAndVersion: "headers", headers: new Headers({ "x-trace": "h" }) });
    await fromHeaders.POST("/", {});
    await fromHeaders.POST("/", { headers: { "x-acs-action": "DescribeBuckets" } });
    expect(seen.map((s) => [s.headers.get("x-acs-action"), s.headers.get("x-acs-version"), s.headers.get("x-trace")])).toEqual([
      ["ListBuckets", "2099-01-01", "t"],
      ["ListBuckets", "2017-11-10", "h"],
      ["DescribeBuckets", "2017-11-10", "h"],
    ]);
  });

  it("maps regions as the ENS endpoint table does: its own host only where the table lists one, else the central endpoint", () => {
    expect(ensEndpoint()).toBe("https://ens.aliyuncs.com");
    expect(ensEndpoint("cn-beijing")).toBe("https://ens.aliyuncs.com");
    expect(ensEndpoint("ap-southeast-1")).toBe("https://ens.ap-southeast-1.aliyuncs.com");
    // Not in the table: the central endpoint (the official SDK's), never an invented ens.{region}.aliyuncs.com.
    for (const region of ["ap-northeast-1", "eu-central-1", "us-west-1", "cn-dalian-unicom"]) expect(ensEndpoint(region)).toBe("https://ens.aliyuncs.com");
    expect(() => ensEndpoint("evil.com/")).toThrow(/region id/);
  });

  it("refuses a blank region, as the MPC and BOS clients do, instead of picking the central endpoint unseen", () => {
    for (const region of ["", "  ", "\t"]) {
      const message = "@bucketry/aliyun-ens: region is blank: leave it out for the central endpoint, or give a region id like ap-southeast-1";
      expect(() => createClient({ region })).toThrow(new TypeError(message));
      expect(() => ensEndpoint(region)).toThrow(new TypeError(message));
    }
    // Left out (or undefined from a config without it): the central endpoint, as before.
    expect(ensEndpoint(undefined)).toBe("https://ens.aliyuncs.com");
    expect(() => createClient({ region: undefined })).not.toThrow();
  });

  it("asks for JSON on every request (Accept: application/json, as the official runtime does), headers and query forms alike", async () => {
    await createClient().POST("/", {});
    await createClient({ actionAndVersion: "headers" }).POST("/", {});
    await createClient({ headers: new Headers({ "x-trace": "h" }) }).POST("/", {});
    await createClient({ actionAndVersion: "headers", headers: [["x-trace", "l"]] }).POST("/", {});
    await createClient({ headers: { accept: "application/xml" } }).POST("/", {});
    expect(seen.map((s) => s.headers.get("accept"))).toEqual(["application/json", "application/json", "application/json", "application/json", "application/xml"]);
  });
});
