// What every generated client's `createClient` does with the options openapi-fetch itself would take as they are:
// `baseUrl` is checked when the client is made (src/generated/base-url.ts, from scripts/templates/base-url.ts), and
// requests go out with `redirect: "manual"` unless the options say otherwise. Every client package from the vendor
// registry: a new vendor is covered without editing this file.
import { describe, expect, it } from "vitest";
import { VENDOR_IDS } from "./support/vendors.js";

type Any = { GET(path: string, init?: object): Promise<{ response: Response }> };
type CreateClient = (options: { baseUrl: string; fetch?: (r: Request) => Promise<Response>; redirect?: RequestRedirect }) => Any;

const CLIENTS = await Promise.all(
  VENDOR_IDS.map(async (id) => {
    const name = `@bucketry/${id}`;
    const { createClient } = (await import(name)) as { createClient: CreateClient };
    return [name, createClient] as const;
  }),
);

describe.each(CLIENTS)("%s createClient", (name, createClient) => {
  it("refuses a baseUrl with user info, a query, a fragment or a non-http scheme, never quoting it", () => {
    const cases: [unknown, string][] = [
      ["https://admin:p4ss%2Fw0rd@127.0.0.1:9000", "baseUrl must not contain user info: pass credentials to the signer"],
      ["https://127.0.0.1:9000/?token=s3cr3t", "baseUrl must not contain a query or fragment"],
      ["https://127.0.0.1:9000/#s3cr3t", "baseUrl must not contain a query or fragment"],
      ["ftp://127.0.0.1:9000", "baseUrl must be http: or https:"],
      ["localhost:9000", "baseUrl must be http: or https:"],
      [new URL("https://127.0.0.1:9000"), "baseUrl is not an absolute URL string such as https://127.0.0.1:9000"],
      ["127.0.0.1:9000", "baseUrl is not an absolute URL string such as https://127.0.0.1:9000"],
    ];
    for (const [baseUrl, message] of cases) {
      let error: unknown;
      try {
        createClient({ baseUrl: baseUrl as string });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(`${name}: ${message}`);
    }
  });

  it("keeps an http(s) baseUrl with a path or an IPv6 host, and a bare path (a same-origin proxy in a browser)", async () => {
    const urls: string[] = [];
    const fetch = async (request: Request) => {
      urls.push(request.url);
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    for (const baseUrl of ["http://[::1]:9000/proxy/", "https://127.0.0.1:9000/"]) await createClient({ baseUrl, fetch }).GET("/", {});
    expect(urls.map((u) => u.replace(/\?.*/, ""))).toEqual(["http://[::1]:9000/proxy/", "https://127.0.0.1:9000/"]);
    expect(() => createClient({ baseUrl: "/api/" })).not.toThrow();
  });

  it('sends with redirect: "manual" by default (a followed redirect would take the credentials elsewhere); the option overrides it', async () => {
    const modes: string[] = [];
    const fetch = async (request: Request) => {
      modes.push(request.redirect);
      return new Response(null, { status: 307, headers: { location: "https://elsewhere.example/" } });
    };
    const { response } = await createClient({ baseUrl: "http://127.0.0.1:9", fetch }).GET("/", {});
    expect(response.status).toBe(307); // handed back as it is, not followed
    await createClient({ baseUrl: "http://127.0.0.1:9", fetch, redirect: "follow" }).GET("/", {});
    expect(modes).toEqual(["manual", "follow"]);
  });
});
