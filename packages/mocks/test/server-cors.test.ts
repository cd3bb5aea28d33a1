// startMockServer's CORS: any page may call the mock and read its answers, but only a page served from this
// machine (a loopback origin) or an origin the developer lists may send the browser's cookies with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/server.js";

let server: MockServer;
let listing: MockServer;
beforeAll(async () => {
  [server, listing] = await Promise.all([startMockServer({ buckets: 5 }), startMockServer({ buckets: 5, credentialedOrigins: ["https://app.example.test:8443", "http://dev.example.test/"] })]);
});
afterAll(() => Promise.all([server.close(), listing.close()]));

/** The CORS headers of a preflight and of the request itself, sent with `origin`. */
async function corsOf(mock: MockServer, origin: string): Promise<Array<[string | null, string | null]>> {
  const url = `${mock.endpoints["hitachi-vsp-one-object"]}/v1/csrf`;
  const preflight = await fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } });
  const actual = await fetch(url, { headers: { origin } });
  return [preflight, actual].map((r) => [r.headers.get("access-control-allow-origin"), r.headers.get("access-control-allow-credentials")]);
}

describe("startMockServer CORS", () => {
  it.each(["http://localhost:5173", "http://127.0.0.1:8080", "http://127.9.0.1", "http://[::1]:3000", "http://docs.localhost:4000"])("a loopback page (%s) may call with cookies", async (origin) => {
    expect(await corsOf(server, origin)).toEqual([
      [origin, "true"],
      [origin, "true"],
    ]);
  });

  it.each(["https://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example", "null"])("another origin (%s) may read answers but not send cookies", async (origin) => {
    expect(await corsOf(server, origin)).toEqual([
      [origin, null],
      [origin, null],
    ]);
  });

  it("credentialedOrigins adds origins that may send cookies, and only those", async () => {
    expect(await corsOf(listing, "https://app.example.test:8443")).toEqual([
      ["https://app.example.test:8443", "true"],
      ["https://app.example.test:8443", "true"],
    ]);
    expect((await corsOf(listing, "http://dev.example.test"))[1]).toEqual(["http://dev.example.test", "true"]);
    expect((await corsOf(listing, "https://app.example.test"))[1]).toEqual(["https://app.example.test", null]); // another port
    expect((await corsOf(listing, "http://localhost:5173"))[1]).toEqual(["http://localhost:5173", "true"]);
  });

  it("refuses a credentialedOrigins entry that is no origin", async () => {
    await expect(startMockServer({ credentialedOrigins: ["app.example.test"] })).rejects.toThrow('credentialedOrigins: "app.example.test" is not an origin');
    await expect(startMockServer({ credentialedOrigins: ["https://app.example.test/path"] })).rejects.toThrow("is not an origin");
  });
});
