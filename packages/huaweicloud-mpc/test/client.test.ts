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
  it('sends with redirect: "manual" by default (a followed redirect would take the credentials elsewhere); the option overrides it', async () => {
    const modes: string[] = [];
    const fetch = async (request: Request) => {
      modes.push(request.redirect);
      return new Response(null, { status: 307, headers: { location: "https://elsewhere.example/" } });
    };
    let client = createClient({ region: "cn-north-4", fetch });
    const { response } = await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "p-1" } } });
    expect(response.status).toBe(307); // handed back as it is, not followed
    client = createClient({ region: "cn-north-4", fetch, redirect: "follow" });
    await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "p-1" } } });
    expect(modes).toEqual(["manual", "follow"]);
  });

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

  it("maps regions to endpoints, including cn-north-1's legacy mts host", () => {
    expect(mpcEndpoint("cn-east-3")).toBe("https://mpc.cn-east-3.myhuaweicloud.com");
    expect(mpcEndpoint("cn-north-1")).toBe("https://mts.cn-north-1.myhuaweicloud.com");
    expect(() => mpcEndpoint("https://evil")).toThrow(/region id/);
  });
});

describe("@bucketry/huaweicloud-mpc baseUrl", () => {
  it("refuses a baseUrl with user info, a query, a fragment or a non-http scheme, never quoting it", () => {
    const cases: [unknown, RegExp][] = [
      ["https://admin:p4ss%2Fw0rd@127.0.0.1:9000", /baseUrl must not contain user info/],
      ["https://127.0.0.1:9000/?token=s3cr3t", /baseUrl must not contain a query or fragment/],
      ["https://127.0.0.1:9000/#s3cr3t", /baseUrl must not contain a query or fragment/],
      ["ftp://127.0.0.1:9000", /baseUrl must be http: or https:/],
      ["localhost:9000", /baseUrl must be http: or https:/],
      [new URL("https://127.0.0.1:9000"), /baseUrl is not an absolute URL string/],
      ["127.0.0.1:9000", /baseUrl is not an absolute URL string/],
    ];
    for (const [baseUrl, message] of cases) {
      let error: unknown;
      try {
        createClient({ baseUrl: baseUrl as string });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^@bucketry\/huaweicloud-mpc: /);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toMatch(/p4ss|s3cr3t/);
    }
  });

  it("keeps an http(s) baseUrl with a path or an IPv6 host, and a bare path (a same-origin proxy in a browser)", () => {
    for (const baseUrl of ["/api/", "http://[::1]:9000/proxy/", "https://127.0.0.1:9000/"]) expect(() => createClient({ baseUrl })).not.toThrow();
  });
});
