import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, mpcEndpoint } from "../src/index.js";

// The MPC API page's example (the spec's externalDocs): creation_date is a number there, a String in its table.
const seedExample = {
  buckets: [
    { bucket: "example-bucket", creation_date: 20221026152511, is_authorized: 1 },
    { bucket: "example-bucket", creation_date: 20221026104736, is_authorized: 0 },
  ],
};
const seedError = { error_code: "MPC.10208", error_msg: "Failed to verify the tenant ID." };

const server = setupServer(
  http.get("https://mpc.cn-north-4.myhuaweicloud.com/v1/:projectId/buckets", ({ params }) =>
    params.projectId === "p-1" ? HttpResponse.json(seedExample, { headers: { "X-Request-Id": "rid-1" } }) : HttpResponse.json(seedError, { status: 403 }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("@bucketry/huaweicloud-mpc createClient", () => {
  it("GETs /v1/{project_id}/buckets on the region endpoint and returns the seed example", async () => {
    const client = createClient({ region: "cn-north-4" });
    const { data, error, response } = await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "p-1" } } });
    expect(error).toBeUndefined();
    expect(data).toEqual(seedExample);
    expect(response.headers.get("x-request-id")).toBe("rid-1");
  });

  it("returns the documented 403 body as a typed error", async () => {
    const client = createClient();
    const { data, error, response } = await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "other" } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(403);
    expect(error).toEqual(seedError);
  });

  // URL normalization would drop these segments ("/v1/../buckets" is "/buckets"): refused before any request.
  it.each(["..", ".", ""])("refuses project_id %j before any request (the URL would lose the segment)", async (project_id) => {
    const requests: Request[] = [];
    const fetch = async (request: Request) => {
      requests.push(request);
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createClient({ baseUrl: "http://127.0.0.1:9", fetch });
    await expect(client.GET("/v1/{project_id}/buckets", { params: { path: { project_id } } })).rejects.toThrow(
      new TypeError(`@bucketry/huaweicloud-mpc: project_id ${JSON.stringify(project_id)} cannot be sent in the path: give the project's id (32 hex characters)`),
    );
    expect(requests).toEqual([]);
    // A value that is no dot segment goes out in the path as it is.
    await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "..a" } } });
    expect(requests.map((r) => r.url)).toEqual(["http://127.0.0.1:9/v1/..a/buckets"]);
  });

  it("maps regions to endpoints, including cn-north-1's legacy mts host", () => {
    expect(mpcEndpoint("cn-east-3")).toBe("https://mpc.cn-east-3.myhuaweicloud.com");
    expect(mpcEndpoint("cn-north-1")).toBe("https://mts.cn-north-1.myhuaweicloud.com");
    expect(() => mpcEndpoint("https://evil")).toThrow(/region id/);
  });
});
