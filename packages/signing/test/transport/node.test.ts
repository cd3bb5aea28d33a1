// The keep-alive Node transport: fetch's contract over its own HTTP/1.1 connections — the platform's Request in,
// the platform's Response out; status, headers (every Set-Cookie), bodies both ways, keep-alive reuse and the
// socket cap, aborts and network failures as fetch reports them, decoded bodies, no redirects followed, MSW's
// interceptor still applies, and idle sockets never hold a process open. The wire format itself (framings,
// informational answers, broken answers, stale connections, TLS) is in http1.test.ts.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import net, { type AddressInfo, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, deflateRawSync, deflateSync } from "node:zlib";
import { http as mswHttp, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPlatformTransport, fetchTransport, platformTransport, transportName } from "../../src/transport/index.js";
import { READ_AHEAD_BYTES } from "../../src/transport/body.js";
import { createNodeTransport, nodeTransport, splitUrl } from "../../src/transport/node.js";
import { withNetworkGuard } from "../../../../test/support/guarded-child.js";
import { silentServer } from "../../../../test/support/silent-server.js";

// The suite's second pass (BUCKETRY_CRYPTO=web) maps `#transport` to the portable one; the Node transport is
// tested directly either way.
const webPass = process.env.BUCKETRY_CRYPTO === "web";

interface Local {
  url: string;
  connections: number;
  /** Connections the server has seen close. */
  closedConnections: number;
  /** Resolves once `n` connections have closed (an event to wait for instead of a sleep). */
  connectionsClosed(n: number): Promise<void>;
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer }[];
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<Local> {
  const local = { connections: 0, closedConnections: 0, requests: [] } as unknown as Local;
  const waiting: { n: number; resolve: () => void }[] = [];
  local.connectionsClosed = (n) => (local.closedConnections >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve })));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      local.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on("connection", (socket: Socket) => {
    local.connections++;
    socket.on("close", () => {
      local.closedConnections++;
      for (const w of waiting.filter((w) => w.n <= local.closedConnections)) w.resolve();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  local.server = server;
  local.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return local;
}

// Taken before any test fakes the timers: `within` guards against hangs in real time, fake clock or not.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Rejects when `promise` does not settle within `ms`: a hang fails with a message, not as the suite's timeout. */
function within<T>(promise: Promise<T>, ms: number, what = "call"): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => realClearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = realSetTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * The sockets the transport opens from now on (it connects through node:net's `connect`, looked up per
 * connection), each with `paused`: resolves once the transport stops reading it.
 */
function watchSockets(): { socket: Socket; paused: Promise<void> }[] {
  const opened: { socket: Socket; paused: Promise<void> }[] = [];
  const connect = net.connect;
  vi.spyOn(net, "connect").mockImplementation(((...args: Parameters<typeof net.connect>) => {
    const socket = connect(...args);
    const pause = socket.pause;
    let onPause!: () => void;
    const paused = new Promise<void>((resolve) => (onPause = resolve));
    socket.pause = function (this: Socket) {
      onPause();
      return pause.call(this);
    };
    opened.push({ socket, paused });
    return socket;
  }) as typeof net.connect);
  return opened;
}

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}) => {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
};

describe("platform selection", () => {
  it("on Node the platform transport is the keep-alive one; fetchTransport stays available", () => {
    expect(transportName).toBe(webPass ? "fetch" : "node:http");
    expect(platformTransport === nodeTransport).toBe(!webPass);
    expect(typeof platformTransport).toBe("function");
    expect(typeof fetchTransport).toBe("function");
    expect(typeof createPlatformTransport({ maxSockets: 4 })).toBe("function");
    expect(() => createNodeTransport({ maxSockets: 0 })).toThrow(/maxSockets/);
  });
});

const Req = Request;

describe("the Node transport", () => {
  describe("a request in, a web Response out", () => {
    it("GET: status, status text, headers, body; request headers and query reach the server", async () => {
      const s = await serve((_req, res) => json(res, 200, { ok: true }, { "x-acs-request-id": "R-1" }));
      const response = await nodeTransport(new Req(`${s.url}/v1/list?Action=ListBuckets&a=%20b`, { headers: { authorization: "sig", "x-acs-date": "d" } }));
      expect(Object.getPrototypeOf(response)).toBe(Response.prototype); // the platform's own, no subclass
      expect(response.status).toBe(200);
      expect(response.statusText).toBe("OK");
      expect(response.ok).toBe(true);
      expect(response.headers.get("x-acs-request-id")).toBe("R-1");
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toEqual({ ok: true });
      expect(s.requests[0]).toMatchObject({ method: "GET", url: "/v1/list?Action=ListBuckets&a=%20b" });
      expect(s.requests[0]!.headers).toMatchObject({ authorization: "sig", "x-acs-date": "d", host: new URL(s.url).host });
    });

    it("POST: the Request's bytes are sent with their Content-Length; a bodiless POST sends Content-Length: 0", async () => {
      const s = await serve((_req, res, body) => json(res, 201, { got: body.toString("utf8") }));
      const body = JSON.stringify({ id: 42, name: "ünïcødé ✓" });
      const r1 = await nodeTransport(new Req(`${s.url}/x`, { method: "POST", body, headers: { "content-type": "application/json" } }));
      expect(r1.status).toBe(201);
      expect(await r1.json()).toEqual({ got: body });
      expect(s.requests[0]!.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
      expect(s.requests[0]!.headers["transfer-encoding"]).toBeUndefined();
      const r2 = await nodeTransport(new Req(`${s.url}/y`, { method: "POST" }));
      await r2.arrayBuffer();
      expect(s.requests[1]!.headers["content-length"]).toBe("0");
      const bytes = new Uint8Array([0, 1, 2, 255, 254]);
      await (await nodeTransport(new Req(`${s.url}/z`, { method: "PUT", body: bytes }))).arrayBuffer();
      expect([...s.requests[2]!.body]).toEqual([...bytes]);
    });

    it("every Set-Cookie line survives (getSetCookie), repeated headers too", async () => {
      const s = await serve((_req, res) => {
        res.setHeader("set-cookie", ["XSRF-TOKEN=abc; Path=/", "vertx-web.session=s1; Path=/; HttpOnly"]);
        res.setHeader("x-multi", ["a", "b"]);
        res.end();
      });
      const response = await nodeTransport(new Req(`${s.url}/csrf`));
      expect(response.headers.getSetCookie()).toEqual(["XSRF-TOKEN=abc; Path=/", "vertx-web.session=s1; Path=/; HttpOnly"]);
      expect(response.headers.get("x-multi")).toBe("a, b");
    });

    it("HEAD, 204 and 304 have a null body; error statuses come back as responses", async () => {
      const s = await serve((req, res) => {
        if (req.url === "/204") return void res.writeHead(204).end();
        if (req.url === "/304") return void res.writeHead(304).end();
        if (req.url === "/head") return json(res, 200, { big: "x".repeat(100) });
        json(res, 503, { Code: "ServiceUnavailable" }, { "retry-after": "1" });
      });
      for (const [path, method, status] of [["/204", "GET", 204], ["/304", "GET", 304], ["/head", "HEAD", 200]] as const) {
        const response = await nodeTransport(new Req(`${s.url}${path}`, { method }));
        expect(response.status).toBe(status);
        expect(response.body).toBeNull();
      }
      const failed = await nodeTransport(new Req(`${s.url}/503`));
      expect(failed.status).toBe(503);
      expect(failed.headers.get("retry-after")).toBe("1");
      expect(await failed.json()).toEqual({ Code: "ServiceUnavailable" });
    });

    it("redirects are never followed: a 3xx comes back as it is; redirect: 'error' rejects like fetch", async () => {
      const s = await serve((req, res) => {
        if (req.url === "/elsewhere") return json(res, 200, { followed: true });
        res.writeHead(302, { location: "/elsewhere" });
        res.end();
      });
      const response = await nodeTransport(new Req(`${s.url}/start`));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/elsewhere");
      await expect(nodeTransport(new Req(`${s.url}/start`, { redirect: "error" }))).rejects.toThrow(TypeError);
      expect(s.requests.map((r) => r.url)).toEqual(["/start", "/start"]);
    });

    it("with redirect: 'follow', a 3xx to another origin carrying credentials comes back as it is: the other origin gets nothing", async () => {
      const other = await serve((_req, res) => json(res, 200, { followed: true }));
      const s = await serve((_req, res) => {
        res.writeHead(307, { location: `${other.url}/elsewhere?x=1` });
        res.end();
      });
      const headers = { authorization: "Bearer t0ken", cookie: "XSRF-TOKEN=x; vertx-web.session=s", "x-xsrf-token": "x", "content-type": "application/x-www-form-urlencoded" };
      for (const transport of [nodeTransport, createNodeTransport()]) {
        const response = await transport(new Req(`${s.url}/mapi/v1/user/list_buckets`, { method: "POST", headers, body: "password=pw", redirect: "follow" }));
        expect(response.status).toBe(307);
        expect(response.headers.get("location")).toBe(`${other.url}/elsewhere?x=1`);
      }
      expect(s.requests).toHaveLength(2);
      expect(other.requests).toEqual([]);
    });

    it("gzip, deflate (zlib and raw) and br bodies are decoded; Content-Encoding stays; an unknown coding passes through", async () => {
      const text = JSON.stringify({ data: "y".repeat(5_000) });
      const bodies: Record<string, Buffer> = {
        gzip: gzipSync(text),
        "x-gzip": gzipSync(text),
        deflate: deflateSync(text),
        "deflate-raw": deflateRawSync(text),
        br: brotliCompressSync(text),
        "gzip, br": brotliCompressSync(gzipSync(text)),
        bogus: Buffer.from("as is"),
      };
      const s = await serve((req, res) => {
        const coding = decodeURIComponent(req.url!.slice(1));
        res.writeHead(200, { "content-type": "application/json", "content-encoding": coding === "deflate-raw" ? "deflate" : coding });
        res.end(bodies[coding]);
      });
      for (const coding of Object.keys(bodies)) {
        const response = await nodeTransport(new Req(`${s.url}/${encodeURIComponent(coding)}`));
        expect(await response.text(), coding).toBe(coding === "bogus" ? "as is" : text);
        expect(response.headers.get("content-encoding")).toBe(coding === "deflate-raw" ? "deflate" : coding);
      }
    });

    it("URLs are split without a second parse: ports, IPv6, bare query, fragment", () => {
      expect(splitUrl("http://127.0.0.1:9000/a/b?x=1#frag")).toEqual({ protocol: "http:", hostname: "127.0.0.1", port: "9000", host: "127.0.0.1:9000", path: "/a/b?x=1" });
      expect(splitUrl("https://oss-cn-hangzhou.aliyuncs.com/?acl")).toEqual({ protocol: "https:", hostname: "oss-cn-hangzhou.aliyuncs.com", port: undefined, host: "oss-cn-hangzhou.aliyuncs.com", path: "/?acl" });
      expect(splitUrl("http://[::1]:8080/p")).toEqual({ protocol: "http:", hostname: "::1", port: "8080", host: "[::1]:8080", path: "/p" });
      expect(splitUrl("https://[2001:db8::1]/")).toEqual({ protocol: "https:", hostname: "2001:db8::1", port: undefined, host: "[2001:db8::1]", path: "/" });
      expect(splitUrl("http://h.example?q=1")).toMatchObject({ hostname: "h.example", host: "h.example", path: "/?q=1" });
      expect(() => splitUrl("ftp://x/")).toThrow(TypeError);
    });
  });

  describe("the Response: the platform's own, its body read ahead and then on demand", () => {
    const payload = { ok: true, text: "ünïcødé ✓" };
    const serveJson = () => serve((req, res) => (req.url === "/bom" ? (res.writeHead(200, { "content-type": "text/plain" }), res.end(Buffer.from("\ufeffhello"))) : json(res, 200, payload)));

    it("text, json, arrayBuffer, bytes, blob; a Response built with new Response(): url '', type 'default'", async () => {
      const s = await serveJson();
      const get = () => nodeTransport(new Req(`${s.url}/j?x=1`));
      const r = await get();
      expect(r).toBeInstanceOf(Response);
      expect(r.url).toBe("");
      expect(r.type).toBe("default");
      expect(r.redirected).toBe(false);
      expect(r.bodyUsed).toBe(false);
      expect(await r.json()).toEqual(payload);
      expect(r.bodyUsed).toBe(true);
      expect(await (await get()).text()).toBe(JSON.stringify(payload));
      expect(new TextDecoder().decode(await (await get()).arrayBuffer())).toBe(JSON.stringify(payload));
      const bytes = await (await get()).bytes();
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(bytes)).toBe(JSON.stringify(payload));
      expect(await (await (await get()).blob()).text()).toBe(JSON.stringify(payload));
      expect(await (await nodeTransport(new Req(`${s.url}/bom`))).text()).toBe("hello");
    });

    it("a body is read once: a second read rejects, the stream of a read body is disturbed", async () => {
      const s = await serveJson();
      const r = await nodeTransport(new Req(`${s.url}/j`));
      await r.text();
      await expect(r.text()).rejects.toThrow(TypeError);
      await expect(r.json()).rejects.toThrow(TypeError);
      expect(r.bodyUsed).toBe(true);
      expect(() => r.clone()).toThrow(TypeError);
      expect(r.body).not.toBeNull(); // a read body's stream, disturbed
      await expect(r.arrayBuffer()).rejects.toThrow(TypeError);
      const r2 = await nodeTransport(new Req(`${s.url}/j`));
      const reader = r2.body!.getReader();
      expect(r2.body).toBe(r2.body); // one stream
      let text = "";
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value);
      expect(JSON.parse(text)).toEqual(payload);
      expect(r2.bodyUsed).toBe(true);
      await expect(r2.text()).rejects.toThrow(TypeError);
    });

    it("clone(): both copies read the whole body", async () => {
      const s = await serveJson();
      const r = await nodeTransport(new Req(`${s.url}/j`));
      const copy = r.clone();
      expect(await copy.json()).toEqual(payload);
      expect(await r.json()).toEqual(payload);
    });

    it("an empty body (Content-Length: 0) frees its socket at once, read or not; an unread body's socket is freed when the Response is collected", async () => {
      const s = await serve((req, res) => {
        if (req.url === "/empty") {
          res.writeHead(200, { "content-length": "0", "set-cookie": "XSRF-TOKEN=t" });
          return void res.end();
        }
        json(res, 200, payload);
      });
      const transport = createNodeTransport({ maxSockets: 1 });
      for (let i = 0; i < 5; i++) {
        const r = await transport(new Req(`${s.url}/empty`));
        expect(r.headers.getSetCookie()).toEqual(["XSRF-TOKEN=t"]);
      }
      expect(await (await transport(new Req(`${s.url}/empty`))).text()).toBe("");
      expect(s.connections).toBe(1);
      // An unread body: checked in a child with --expose-gc (below).
    });

    it("a small body is read ahead: its socket is free before anyone reads, read or never (no garbage collection needed)", async () => {
    const s = await serve((_req, res) => json(res, 200, payload));
    const transport = createNodeTransport({ maxSockets: 1 });
    const unread: Response[] = [];
    // Kept reachable and unread: with one socket, each next request goes out only because the last answer
    // freed it on its own.
    for (let i = 0; i < 5; i++) unread.push(await transport(new Req(`${s.url}/j${i}`)));
    expect(s.requests.map((r) => r.url)).toEqual(["/j0", "/j1", "/j2", "/j3", "/j4"]);
    expect(s.connections).toBe(1);
    for (const r of unread) expect(await r.json()).toEqual(payload); // still there, whole
    const streamed = await transport(new Req(`${s.url}/s`));
    // Its one socket carries the next request only once that body has arrived whole: it is read after that.
    await (await transport(new Req(`${s.url}/after`))).arrayBuffer();
    expect(s.requests.map((r) => r.url).slice(-2)).toEqual(["/s", "/after"]);
    let text = "";
    for await (const chunk of streamed.body! as unknown as AsyncIterable<Uint8Array>) text += new TextDecoder().decode(chunk);
    expect(JSON.parse(text)).toEqual(payload);
  });

  it("a JSON syntax error rejects json() with a SyntaxError, as fetch does", async () => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "5" });
        res.end("{nope");
      });
      await expect((await nodeTransport(new Req(`${s.url}/bad`))).json()).rejects.toThrow(SyntaxError);
    });
  });

  describe("connections", () => {
    it("onSent: called once the request is written, not while it waits for a free socket; a request given up in the queue never is", async () => {
      const held: ServerResponse[] = [];
      const arrived: (() => void)[] = [];
      const s = await serve((_req, res) => {
        held.push(res);
        arrived.shift()?.();
      });
      const aArrived = new Promise<void>((resolve) => arrived.push(resolve));
      const transport = createNodeTransport({ maxSockets: 1 });
      const sent: string[] = [];
      const a = transport(new Req(`${s.url}/a`), { onSent: () => sent.push("a") });
      await aArrived;
      expect(sent).toEqual(["a"]); // written before the server could read it
      // The one socket is busy: these wait in the pool's queue.
      const giveUp = new AbortController();
      const b = transport(new Req(`${s.url}/b`), { signal: giveUp.signal, onSent: () => sent.push("b") });
      const c = transport(new Req(`${s.url}/c`), { onSent: () => sent.push("c") });
      giveUp.abort();
      await expect(b).rejects.toMatchObject({ name: "AbortError" });
      expect(sent).toEqual(["a"]);
      const cArrived = new Promise<void>((resolve) => arrived.push(resolve));
      json(held[0]!, 200, { n: "a" });
      expect(await (await a).json()).toEqual({ n: "a" });
      await cArrived;
      expect(sent).toEqual(["a", "c"]);
      json(held[1]!, 200, { n: "c" });
      expect(await (await c).json()).toEqual({ n: "c" });
      expect(s.requests.map((r) => r.url)).toEqual(["/a", "/c"]);
      expect(sent).toEqual(["a", "c"]);
    });

    it("onSent: not called while the TLS handshake has not completed (nothing of the request is on the wire)", async () => {
      const silent = await silentServer(); // accepts, never answers the ClientHello
      try {
        const stop = new AbortController();
        let sent = 0;
        const pending = createNodeTransport()(new Req(`https://127.0.0.1:${silent.port}/x`), { signal: stop.signal, onSent: () => sent++ });
        await silent.connected;
        stop.abort();
        await expect(pending).rejects.toMatchObject({ name: "AbortError" });
        expect(sent).toBe(0);
      } finally {
        await silent.close();
      }
    });

    it("onSent: a transport that cannot tell (fetch) calls it as it hands the request over", async () => {
      const s = await serve((_req, res) => json(res, 200, {}));
      let sent = 0;
      const response = await fetchTransport(new Req(`${s.url}/f`), { onSent: () => sent++ });
      await response.arrayBuffer();
      expect(sent).toBe(1);
    });

    it("keep-alive: sequential requests reuse one socket", async () => {
      const s = await serve((_req, res) => json(res, 200, { n: 1 }));
      const transport = createNodeTransport();
      for (let i = 0; i < 20; i++) await (await transport(new Req(`${s.url}/k`))).json();
      expect(s.connections).toBe(1);
    });

    it("maxSockets caps the connections per origin; the rest queue", async () => {
      let open = 0;
      let peak = 0;
      const s = await serve((_req, res) => {
        open++;
        peak = Math.max(peak, open);
        setTimeout(() => {
          open--;
          json(res, 200, {});
        }, 10);
      });
      const transport = createNodeTransport({ maxSockets: 3 });
      await Promise.all(Array.from({ length: 20 }, async () => (await transport(new Req(`${s.url}/c`))).arrayBuffer()));
      expect(peak).toBeLessThanOrEqual(3);
      expect(s.connections).toBeLessThanOrEqual(3);
      expect(s.requests).toHaveLength(20);
    });

    it("an idle socket is closed after freeSocketTimeoutMs", async () => {
      // The pool's idle timer and clock are fake: the socket's idle time passes when the test says so.
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
      const s = await serve((_req, res) => json(res, 200, {}));
      const sockets = watchSockets();
      const transport = createNodeTransport({ freeSocketTimeoutMs: 50 });
      await (await transport(new Req(`${s.url}/t`))).arrayBuffer();
      const { socket } = sockets[0]!;
      vi.advanceTimersByTime(49);
      expect(socket.destroyed, "closed before its idle time").toBe(false);
      // Not the default (4 s), which a transport ignoring the option would wait for.
      vi.advanceTimersByTime(1);
      expect(socket.destroyed, "closed at its idle time").toBe(true);
      await within(s.connectionsClosed(1), 10_000, "the server seeing the idle socket close");
      await (await transport(new Req(`${s.url}/t`))).arrayBuffer();
      expect(s.connections).toBe(2);
    });

    it("a refused connection rejects like fetch: TypeError('fetch failed') with the socket error as cause", async () => {
      // The discard port: nothing listens there (a port freed by closing a server could be taken by a parallel test's).
      const err = (await nodeTransport(new Req("http://127.0.0.1:9/gone")).catch((e: unknown) => e)) as TypeError & { cause?: { code?: string } };
      expect(err).toBeInstanceOf(TypeError);
      expect(err.message).toBe("fetch failed");
      expect(err.cause?.code).toBe("ECONNREFUSED");
    });

    it("a connection reset mid-body errors the body stream with TypeError('terminated')", async () => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        // Cut once the head and the first bytes have gone out (written is not sent: the response is corked until the next tick).
        res.write("{\"partial\":", () => res.socket?.destroy());
      });
      const response = await nodeTransport(new Req(`${s.url}/cut`));
      expect(response.status).toBe(200);
      const err = (await response.text().catch((e: unknown) => e)) as TypeError;
      expect(err).toBeInstanceOf(TypeError);
      expect(err.message).toBe("terminated");
    });

    it("a body nobody reads is not downloaded past what the stream asked for; cancel closes the socket", async () => {
      let written = 0;
      const s = await serve((_req, res) => {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (written < 64 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        pump();
      });
      const sockets = watchSockets();
      const response = await createNodeTransport()(new Req(`${s.url}/big`));
      const reader = response.body!.getReader();
      await reader.read();
      // With nobody reading, the transport stops reading the socket once the read-ahead is full (the event to
      // wait for: a transport that kept reading never gets there, and the guard fails it).
      const { socket, paused } = sockets[0]!;
      await within(paused, 10_000, "the transport pausing the socket");
      expect(socket.isPaused()).toBe(true);
      // What it took off the wire: the chunk read, the read-ahead and the reads in progress when it paused.
      expect(socket.bytesRead).toBeLessThan(READ_AHEAD_BYTES * 8);
      await reader.cancel();
      await within(s.connectionsClosed(1), 10_000, "the socket closing after cancel");
      expect(written).toBeLessThan(64 * 1024 * 1024); // cut off, not drained to the end
    });
  });

  describe("AbortSignal, as fetch honours it", () => {
    const hang = () => serve(() => undefined);

    it("already aborted: rejects with the signal's reason, nothing is sent", async () => {
      const s = await hang();
      const reason = new Error("stop");
      await expect(nodeTransport(new Req(`${s.url}/a`, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
      await expect(nodeTransport(new Req(`${s.url}/a`), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
      expect(s.requests).toHaveLength(0);
    });

    it("in flight: rejects with the reason (AbortError, TimeoutError) and closes the socket", async () => {
      let arrived!: () => void;
      const atServer = new Promise<void>((resolve) => (arrived = resolve));
      const s = await serve(() => arrived()); // never answers
      const controller = new AbortController();
      const call = nodeTransport(new Req(`${s.url}/a`, { signal: controller.signal }));
      await atServer; // in flight: only the abort can end it
      controller.abort();
      await expect(within(call, 10_000)).rejects.toMatchObject({ name: "AbortError" });
      await within(s.connectionsClosed(1), 10_000, "the aborted request's socket closing");
      await expect(within(nodeTransport(new Req(`${s.url}/b`), { signal: AbortSignal.timeout(30) }), 10_000)).rejects.toMatchObject({ name: "TimeoutError" });
      // Every connection opened is closed (the timeout may have ended the request before it connected).
      await within(s.connectionsClosed(s.connections), 10_000, "every socket closing");
    });

    it("while the body is read: the body stream errors with the reason; no listener is left once a call ends", async () => {
      const s = await serve((req, res) => {
        if (req.url === "/ok") return json(res, 200, {});
        res.writeHead(200, { "content-type": "application/json" });
        res.write("{");
      });
      const controller = new AbortController();
      const response = await nodeTransport(new Req(`${s.url}/slow`, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 20);
      await expect(response.text()).rejects.toMatchObject({ name: "AbortError" });

      // In Node since 15.2; the @types/node here does not declare it on the module.
      const { getEventListeners } = (await import("node:events")) as unknown as { getEventListeners(target: EventTarget, type: string): unknown[] };
      const shared = new AbortController();
      for (let i = 0; i < 5; i++) await (await nodeTransport(new Req(`${s.url}/ok`), { signal: shared.signal })).json();
      expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
      // One signal over many calls at once: no "possible EventTarget memory leak" warning past 10 listeners.
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.name);
      process.on("warning", onWarning);
      try {
        const batch = new AbortController();
        await Promise.all(Array.from({ length: 24 }, async () => (await nodeTransport(new Req(`${s.url}/ok`), { signal: batch.signal })).json()));
        await new Promise((r) => setImmediate(r));
        expect(getEventListeners(batch.signal, "abort")).toHaveLength(0);
      } finally {
        process.off("warning", onWarning);
      }
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    });
  });
});

describe("MSW's node interceptor applies (http.request is looked up per call)", () => {
  it("a transport created before setupServer().listen() is intercepted, and released after close()", async () => {
    const transport = createNodeTransport();
    const msw = setupServer(
      mswHttp.get("http://mocked.test/hello", ({ request }) =>
        HttpResponse.json({ auth: request.headers.get("authorization") }, { headers: [["set-cookie", "a=1"], ["set-cookie", "b=2"]] }),
      ),
      mswHttp.post("http://mocked.test/echo", async ({ request }) => HttpResponse.text(await request.text(), { status: 202 })),
    );
    msw.listen({ onUnhandledRequest: "error" });
    try {
      const r1 = await transport(new Request("http://mocked.test/hello", { headers: { authorization: "sig" } }));
      expect(await r1.json()).toEqual({ auth: "sig" });
      expect(r1.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
      const r2 = await transport(new Request("http://mocked.test/echo", { method: "POST", body: "payload" }));
      expect(r2.status).toBe(202);
      expect(await r2.text()).toBe("payload");
    } finally {
      msw.close();
    }
    const s = await serve((_req, res) => json(res, 200, { real: true }));
    expect(await (await transport(new Request(`${s.url}/`))).json()).toEqual({ real: true });
  });
});

describe("idle keep-alive sockets never hold a process open", () => {
  const built = fileURLToPath(new URL("../../dist/transport/node.js", import.meta.url));
  /**
   * How the child ended. A safety net only: a child something keeps alive (or that waits forever) is killed, and
   * the signal fails the test; the limit is a hang guard, far above what a child takes on a loaded machine.
   */
  const exited = (child: ReturnType<typeof spawn>) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), 25_000);
      child.on("exit", (code, signal) => {
        clearTimeout(kill);
        resolve({ code, signal });
      });
    });
  it("a child that made keep-alive requests exits right after its last response", async () => {
    expect(existsSync(built), "needs the built package: run `npm run build` first").toBe(true);
    const s = await serve((_req, res) => json(res, 200, { ok: true }));
    const script = `
      const { nodeTransport } = await import(${JSON.stringify(built)});
      for (let i = 0; i < 3; i++) await (await nodeTransport(new Request(${JSON.stringify(s.url)} + "/x"))).json();
      await Promise.all([1, 2, 3].map(async () => (await nodeTransport(new Request(${JSON.stringify(s.url)} + "/y"))).json()));
      process.stdout.write("DONE " + process.getActiveResourcesInfo().filter((r) => r !== "PipeWrap" && r !== "TTYWrap").join(","));
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"], env: withNetworkGuard(process.env) });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exit = await exited(child);
    expect(err).toBe("");
    // Nothing but stdout alive after the last response (no socket, no timer), and the child ends on its own.
    expect(out).toBe("DONE ");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(s.connections).toBeGreaterThanOrEqual(1);
  });

  it("a Response dropped unread gives its socket back when collected (maxSockets 1: the next request still goes out)", async () => {
    expect(existsSync(built), "needs the built package: run `npm run build` first").toBe(true);
    // Bodies past the read-ahead (READ_AHEAD_BYTES): they wait on the socket for a reader that never comes —
    // one declared by Content-Length (held from the start), one chunked (held once the read-ahead is full).
    const s = await serve((req, res) => {
      if (req.url === "/next") return json(res, 200, { ok: true });
      const pad = Buffer.alloc(READ_AHEAD_BYTES * 4, 0x61);
      if (req.url === "/declared") return json(res, 200, { pad: pad.toString() });
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(pad);
    });
    // Each Response is held through a WeakRef only, and collected as soon as the collector can: once its body is
    // held (until then the body, still arriving, keeps it), whenever that is. With one socket, each next request
    // goes out only once the dropped Response's clean-up gave the socket back; with a transport that never does,
    // that request waits forever (the child ends with its top-level await unsettled, or the guard kills it).
    const script = `
      const { createNodeTransport } = await import(${JSON.stringify(built)});
      const t = createNodeTransport({ maxSockets: 1 });
      for (const path of ["/declared", "/chunked"]) {
        const dropped = new WeakRef(await t(new Request(${JSON.stringify(s.url)} + path)));
        for (;;) {
          await new Promise((r) => setImmediate(r));
          globalThis.gc();
          if (dropped.deref() === undefined) break;
        }
      }
      const r = await t(new Request(${JSON.stringify(s.url)} + "/next")).then((r) => r.json());
      process.stdout.write(JSON.stringify(r));
    `;
    const child = spawn(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"], env: withNetworkGuard(process.env) });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exit = await exited(child);
    expect(err).toBe("");
    expect(exit, out).toEqual({ code: 0, signal: null });
    expect(JSON.parse(out)).toEqual({ ok: true });
    expect(s.requests.map((r) => r.url)).toEqual(["/declared", "/chunked", "/next"]);
  });
});
