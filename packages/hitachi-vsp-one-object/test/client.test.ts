import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, mapiBaseUrl, REQUEST_BODY } from "../src/index.js";

// The Hitachi API page's example response (the spec's externalDocs), copied here rather than read from the spec.
const seedExample = { buckets: [{ bucketId: 0, bucketName: "example" }], pageToken: "example" };
const base = "https://admin.region1.cluster1/mapi";

const seen: { body?: unknown; headers?: Headers } = {};
const server = setupServer(
  http.post(`${base}/v1/user/list_buckets`, async ({ request }) => {
    seen.body = await request.json();
    seen.headers = request.headers;
    return HttpResponse.json(seedExample);
  }),
  http.post(`${base}/v1/user/legacy`, () => HttpResponse.json([])),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("@bucketry/hitachi-vsp-one-object createClient", () => {
  it("posts the JSON body to {base}/v1/user/list_buckets and returns the seed example as data", async () => {
    const client = createClient({ baseUrl: base });
    const { data, error, response } = await client.POST("/v1/user/list_buckets", {
      params: { header: { "X-XSRF-TOKEN": "t0k", Cookie: "XSRF-TOKEN=t0k" } },
      body: { id: 0, count: 602, pageToken: "pageToken" },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(seedExample);
    expect(seen.body).toEqual({ id: 0, count: 602, pageToken: "pageToken" });
    expect(seen.headers?.get("x-xsrf-token")).toBe("t0k");
    expect(seen.headers?.get("content-type")).toContain("application/json");
  });

  it('sends with redirect: "manual" by default (a followed redirect would take the session\'s headers elsewhere); the option overrides it', async () => {
    const modes: string[] = [];
    const fetch = async (request: Request) => {
      modes.push(request.redirect);
      return new Response(null, { status: 307, headers: { location: "https://elsewhere.example/mapi/v1/user/list_buckets" } });
    };
    const { response } = await createClient({ baseUrl: base, fetch }).POST("/v1/user/list_buckets", { body: { id: 0 } });
    expect(response.status).toBe(307); // handed back as it is, not followed
    await createClient({ baseUrl: base, fetch, redirect: "follow" }).POST("/v1/user/list_buckets", { body: { id: 0 } });
    expect(modes).toEqual(["manual", "follow"]);
  });

  it("uses a late-bound fetch, so handlers installed after creation still intercept", async () => {
    const client = createClient({ host: "admin.region1.cluster1" });
    server.use(http.post(`${base}/v1/user/list_buckets`, () => HttpResponse.json([{ bucketId: "7c4e", bucketName: "legacy" }])));
    const { data } = await client.POST("/v1/user/list_buckets", { body: { id: "7c4e-uuid" } });
    expect(data).toEqual([{ bucketId: "7c4e", bucketName: "legacy" }]);
  });

  it("sends the platform's own Request: its JSON body reads back as sent, and nothing rides under REQUEST_BODY", async () => {
    let sent: Request | undefined;
    const client = createClient({
      baseUrl: base,
      fetch: async (request: Request) => {
        sent = request;
        return HttpResponse.json(seedExample);
      },
    });
    await client.POST("/v1/user/list_buckets", { body: { id: 3, count: 2 } });
    expect(Object.getPrototypeOf(sent)).toBe(Request.prototype);
    expect(REQUEST_BODY).toBe(Symbol.for("bucketry.requestBody")); // still exported (deprecated)
    expect(Object.getOwnPropertySymbols(sent)).not.toContain(REQUEST_BODY);
    expect(await sent!.clone().text()).toBe('{"id":3,"count":2}');
    expect(await sent!.json()).toEqual({ id: 3, count: 2 });
  });

  it("builds the base URL from host and scheme, and refuses to guess one", () => {
    expect(mapiBaseUrl({ host: "cluster:9099" })).toBe("https://cluster:9099/mapi");
    expect(mapiBaseUrl({ host: "127.0.0.1:8080", scheme: "http" })).toBe("http://127.0.0.1:8080/mapi");
    expect(mapiBaseUrl({ baseUrl: "https://x/mapi/" })).toBe("https://x/mapi");
    expect(() => createClient({})).toThrow(/baseUrl.*host/);
    expect(mapiBaseUrl({ host: "[::1]:9099" })).toBe("https://[::1]:9099/mapi");
    // Anything but a host and port would move the requests (and their bearer token) somewhere else.
    for (const host of ["evil.example/steal?", "evil.example#", "user@evil.example", "a b", "host:port"]) {
      expect(() => mapiBaseUrl({ host })).toThrow(`@bucketry/hitachi-vsp-one-object: host must be a host name or address with an optional port (e.g. admin.region1.cluster1:9099), got "${host}"`);
    }
    // A port no URL can carry, or an IPv6 literal that is none: refused at creation, not at the first call.
    for (const host of ["cluster:99999", "cluster:65536", "[:::1]:9099", "[1::2::3]"]) {
      expect(() => createClient({ host })).toThrow(`@bucketry/hitachi-vsp-one-object: host must be a host name or address with an optional port (e.g. admin.region1.cluster1:9099), got "${host}"`);
    }
    expect(mapiBaseUrl({ host: "cluster:65535" })).toBe("https://cluster:65535/mapi");
    expect(() => mapiBaseUrl({ host: "127.0.0.1:9", scheme: "ftp" as never })).toThrow('@bucketry/hitachi-vsp-one-object: scheme must be "https" or "http", got "ftp"');
  });
});
