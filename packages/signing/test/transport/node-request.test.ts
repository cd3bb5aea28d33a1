// The Node transport's Request (`platformRequest` on Node): for every init openapi-fetch can build it must
// answer like the platform's Request — same members, same normalization, same errors — and anything it does
// not keep itself must come back as a platform Request. The platform's Request is the oracle throughout.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import createFetchClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptBody } from "../../src/request-bodies.js";
import { signingMiddleware } from "../../src/middleware.js";
import { NodeRequest } from "../../src/transport/node-request.js";
import { fetchTransport, nodeTransport, platformRequest } from "../../src/transport/node.js";

const Light = NodeRequest as unknown as typeof Request;
const isPlatform = (r: Request) => Object.getPrototypeOf(r) === Request.prototype;

const SCALARS = ["method", "url", "destination", "referrer", "referrerPolicy", "mode", "credentials", "cache", "redirect", "integrity", "keepalive", "isReloadNavigation", "isHistoryNavigation", "duplex", "bodyUsed"] as const;

function snapshot(r: Request): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SCALARS) out[key] = (r as unknown as Record<string, unknown>)[key];
  out.headers = [...r.headers];
  out.hasBody = r.body !== null;
  return out;
}

const URLS = ["http://127.0.0.1:9/", "https://oss-cn-hangzhou.aliyuncs.com/bucket?acl", "http://[::1]:8080/a b/ü?q=a%20b&x=1#frag", new URL("https://ens.aliyuncs.com/?Action=ListBuckets")];
const INITS: (RequestInit | undefined)[] = [
  undefined,
  {},
  { method: "post" },
  { method: "Patch", body: "x" },
  { method: "PROPFIND" },
  { method: "delete", redirect: "manual" },
  { method: "POST", body: JSON.stringify({ a: 1 }), headers: { "Content-Type": "application/json", "X-Acs-Date": "d" } },
  { method: "PUT", body: new Uint8Array([0, 1, 255]) },
  { method: "PUT", body: new Uint8Array([9, 8, 7, 6]).subarray(1, 3) },
  { method: "PUT", body: new Uint8Array([5, 6]).buffer },
  { method: "POST", body: "ünï ✓", headers: [["x-multi", "a"], ["X-Multi", "b"]] },
  { method: "POST", body: null },
  { headers: new Headers({ authorization: "sig", "x-oss-date": "20261121T000000Z" }), redirect: "error" },
  { signal: new AbortController().signal },
  { signal: null, redirect: "follow", method: "HEAD" },
  { method: "GET", body: undefined, headers: undefined },
  // What a rebuild from a Request passes (the signing middleware's): the platform's defaults are still its own.
  { method: "POST", body: "x", credentials: "same-origin", mode: "cors", cache: "default", keepalive: false },
];

describe("NodeRequest answers like the platform's Request", () => {
  it("members, headers and bodies, for every URL × init openapi-fetch can build", async () => {
    let compared = 0;
    for (const url of URLS) {
      for (const init of INITS) {
        const light = new Light(url, init);
        const oracle = new Request(url, init);
        expect(isPlatform(light), `${String(url)} ${JSON.stringify(init)}`).toBe(false); // kept by NodeRequest itself
        expect(light).toBeInstanceOf(Request);
        expect(Object.prototype.toString.call(light)).toBe("[object Request]");
        expect(snapshot(light), `${String(url)} ${JSON.stringify(init)}`).toEqual(snapshot(oracle));
        expect(light.signal).toBeInstanceOf(AbortSignal);
        expect(light.signal.aborted).toBe(false);
        expect([...new Uint8Array(await light.clone().arrayBuffer())]).toEqual([...new Uint8Array(await oracle.clone().arrayBuffer())]);
        expect(await light.clone().text()).toBe(await oracle.clone().text());
        const [lb, ob] = [await light.clone().blob(), await oracle.clone().blob()];
        expect(lb.type).toBe(ob.type);
        expect(lb.size).toBe(ob.size);
        if (oracle.body !== null) {
          let streamed = "";
          for await (const chunk of light.clone().body!) streamed += Buffer.from(chunk).toString("latin1");
          expect(streamed).toBe(Buffer.from(await oracle.clone().arrayBuffer()).toString("latin1"));
        }
        await light.arrayBuffer();
        await oracle.arrayBuffer();
        expect(light.bodyUsed).toBe(oracle.bodyUsed);
        compared++;
      }
    }
    expect(compared).toBe(URLS.length * INITS.length);
  });

  it("a caller's signal is the request's signal; a copy (new Request(request), clone) keeps headers apart", () => {
    const controller = new AbortController();
    const r = new Light("http://127.0.0.1:9/x", { method: "POST", body: "b", signal: controller.signal, headers: { a: "1" } });
    expect(r.signal).toBe(controller.signal);
    const copy = new Light(r, { headers: { b: "2" } });
    expect(copy.method).toBe("POST");
    expect([...copy.headers]).toEqual([["b", "2"]]);
    const clone = r.clone();
    clone.headers.set("c", "3");
    expect(r.headers.has("c")).toBe(false);
    expect(isPlatform(clone)).toBe(false);
    // A signal it made itself (asked for without one) has no controller anywhere: the transport does not listen
    // to it, in a copy either; a caller's signal is what the transport watches.
    const own = new Light("http://127.0.0.1:9/o").signal;
    expect(NodeRequest.take(new Light("http://127.0.0.1:9/o", { signal: own }))!.signal).toBeUndefined();
    expect(NodeRequest.take(r)!.signal).toBe(controller.signal);
  });

  it("refuses what the platform's Request refuses, with a TypeError, and never quotes URL credentials", () => {
    const bad: [RequestInfo | URL, RequestInit | undefined][] = [
      ["/relative", undefined],
      ["not a url", undefined],
      ["http://user:s3cr3t@example.com/", undefined],
      ["http://127.0.0.1:9/", { method: "GE T" }],
      ["http://127.0.0.1:9/", { method: "connect" }],
      ["http://127.0.0.1:9/", { method: "TRACE" }],
      ["http://127.0.0.1:9/", { method: "GET", body: "x" }],
      ["http://127.0.0.1:9/", { method: "head", body: new Uint8Array(1) }],
      ["http://127.0.0.1:9/", { redirect: "sometimes" as RequestRedirect }],
      ["http://127.0.0.1:9/", { signal: {} as AbortSignal }],
      ["http://127.0.0.1:9/", { headers: { "bad name": "v" } }],
      ["http://127.0.0.1:9/", { headers: { ok: "line\nbreak" } }],
    ];
    for (const [input, init] of bad) {
      expect(() => new Request(input, init), `oracle: ${String(input)} ${JSON.stringify(init)}`).toThrow(TypeError);
      let error: unknown;
      try {
        new Light(input, init);
      } catch (err) {
        error = err;
      }
      expect(error, `${String(input)} ${JSON.stringify(init)}`).toBeInstanceOf(TypeError);
      expect(String((error as Error).message)).not.toContain("s3cr3t");
    }
  });

  it("anything it does not keep itself is a platform Request, built as the platform builds it", async () => {
    const url = "http://127.0.0.1:9/p";
    const others: RequestInit[] = [
      { mode: "no-cors" },
      { credentials: "include" },
      { cache: "no-store" },
      { keepalive: true },
      { method: "POST", body: new Blob(["blob"]) },
      { method: "POST", body: new URLSearchParams({ a: "b c" }) },
      { method: "POST", body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("s")), c.close()) }), duplex: "half" } as RequestInit,
    ];
    for (const init of others) {
      const r = new Light(url, init);
      expect(isPlatform(r), JSON.stringify(Object.keys(init))).toBe(true);
      expect(snapshot(r)).toEqual(snapshot(new Request(url, init)));
    }
    expect(isPlatform(new Light(new Request(url, { method: "PUT", body: "p" })))).toBe(true);
    expect(await new Light(new Request(url, { method: "PUT", body: "p" })).text()).toBe("p");
  });

  it("a body is read once; a used request cannot be cloned or copied without a new body", async () => {
    const r = new Light("http://127.0.0.1:9/", { method: "POST", body: "once" });
    expect(await r.json().catch((e: unknown) => e)).toBeInstanceOf(SyntaxError);
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
    expect(() => new Light(r)).toThrow(TypeError);
    expect(await new Light(r, { body: "again" }).text()).toBe("again");
    expect(keptBody(r)).toBe("once"); // what it was built with, read or not (the Hitachi 401 replay)
    expect(keptBody(new Light("http://127.0.0.1:9/", { method: "POST", body: new Uint8Array(2) }))).toBeUndefined();
  });

  it("util.inspect shows it without making a body stream", () => {
    const r = new Light("http://127.0.0.1:9/i", { method: "POST", body: "b", headers: { "x-a": "1" } });
    const shown = inspect(r);
    expect(shown).toContain("POST");
    expect(shown).toContain("http://127.0.0.1:9/i");
    expect(r.bodyUsed).toBe(false);
    expect(keptBody(r)).toBe("b");
  });
});

describe("NodeRequest through the transports and openapi-fetch", () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ echo: body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  it("platformRequest is NodeRequest on Node; the Node transport sends its body once; fetchTransport sends it through global fetch", async () => {
    expect(platformRequest).toBe(NodeRequest);
    seen.length = 0;
    const r = new Light(`${base}/n?q=1`, { method: "POST", body: "ünï", headers: { "x-a": "1" } });
    expect(await (await nodeTransport(r)).json()).toEqual({ echo: "ünï" });
    expect(r.bodyUsed).toBe(true); // as fetch leaves a Request it sent
    await expect(nodeTransport(r)).rejects.toThrow(TypeError);
    const viaFetch = new Light(`${base}/f`, { method: "PUT", body: new Uint8Array([0x68, 0x69]), headers: { "x-b": "2" } });
    expect(await (await fetchTransport(viaFetch)).json()).toEqual({ echo: "hi" });
    expect(seen.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: "POST", url: "/n?q=1", body: "ünï" },
      { method: "PUT", url: "/f", body: "hi" },
    ]);
    expect(seen[0]!.headers).toMatchObject({ "x-a": "1", "content-type": "text/plain;charset=UTF-8", "content-length": String(Buffer.byteLength("ünï")) });
    expect(seen[1]!.headers).toMatchObject({ "x-b": "2", "content-length": "2" });
  });

  it("openapi-fetch builds NodeRequests, accepts a middleware's platform Request, and a signer's rebuild stays a NodeRequest", async () => {
    seen.length = 0;
    const built: Request[] = [];
    const client = createFetchClient<Record<string, never>>({ baseUrl: base, fetch: nodeTransport, Request: platformRequest });
    client.use({ onRequest: ({ request }) => void built.push(request) });
    const { data } = await (client as unknown as { POST: (p: string, o: unknown) => Promise<{ data: unknown }> }).POST("/json", { body: { a: 1 } });
    expect(data).toEqual({ echo: '{"a":1}' });
    expect(isPlatform(built[0]!)).toBe(false);
    // A middleware may return a platform Request (openapi-fetch checks it with `instanceof` the Request option).
    const swapping = createFetchClient({ baseUrl: base, fetch: nodeTransport, Request: platformRequest });
    swapping.use({ onRequest: ({ request }) => new Request(`${base}/swapped`, { method: request.method, headers: request.headers }) });
    await (swapping as unknown as { GET: (p: string) => Promise<unknown> }).GET("/original");
    // A signer that rewrites the URL and has a body rebuilds with the request's own class.
    let rebuilt: Request | undefined;
    const signed = createFetchClient({ baseUrl: base, fetch: (r: Request) => ((rebuilt = r), nodeTransport(r)), Request: platformRequest });
    signed.use(signingMiddleware(async (s) => (s.url.searchParams.set("Signature", "sig"), s.headers.set("x-signed", "1"))));
    await (signed as unknown as { POST: (p: string, o: unknown) => Promise<unknown> }).POST("/sign", { body: { b: 2 } });
    expect(isPlatform(rebuilt!)).toBe(false);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['POST /json {"a":1}', "GET /swapped ", 'POST /sign?Signature=sig {"b":2}']);
    expect(seen[2]!.headers["x-signed"]).toBe("1");
  });
});
