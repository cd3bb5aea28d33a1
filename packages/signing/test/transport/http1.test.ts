// The Node transport's HTTP/1.1: the answer parser fed every way an answer can be split, answers that are not
// valid HTTP, connection reuse decided by the answer (Connection, HTTP/1.0, Keep-Alive, framing), a stale
// keep-alive connection, and TLS.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import * as net from "node:net";
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";
import * as tls from "node:tls";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ResponseParser, type ParsedHead } from "../../src/transport/response-parser.js";
import { withNetworkGuard } from "../../../../test/support/guarded-child.js";
import { createNodeTransport } from "../../src/transport/node.js";
import { Http1Client, type Origin } from "../../src/transport/http1.js";
import { INVALID_HTTP_RESPONSE } from "../../src/transport/types.js";

interface Parsed {
  heads: ParsedHead[];
  body: string;
  complete?: { excess: boolean };
  broken?: string;
  /** The `code` the broken answer's error carries. */
  brokenCode?: unknown;
  unexpected: number;
  keepAliveMs: number;
}

/** Feeds `chunks` for a request with `method`, as they would arrive. */
function parse(chunks: (string | Buffer)[], method = "GET"): Parsed {
  const out: Parsed = { heads: [], body: "", unexpected: 0, keepAliveMs: -1 };
  const parser = new ResponseParser({
    head: (head) => (out.heads.push(head), true),
    body: (chunk) => (out.body += chunk.toString("latin1")),
    complete: (excess) => (out.complete = { excess }),
    broken: (cause) => ((out.broken = cause.message), (out.brokenCode = (cause as { code?: unknown }).code)),
    unexpected: () => out.unexpected++,
  });
  parser.expect(method);
  for (const c of chunks) parser.feed(Buffer.isBuffer(c) ? c : Buffer.from(c, "latin1"));
  out.keepAliveMs = parser.keepAliveMs;
  return out;
}

/** Every way of cutting `text` in two, and one byte at a time. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

const LENGTH = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n{\"ok\":true}";
const CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";

describe("ResponseParser", () => {
  it("reads a Content-Length answer split anywhere: status, headers as sent (repeated ones too), body, end", () => {
    for (const chunks of splits(LENGTH)) {
      const r = parse(chunks);
      expect(r.heads).toEqual([
        { status: 200, statusText: "OK", rawHeaders: ["Content-Type", "application/json", "Content-Length", "11", "Set-Cookie", "a=1", "set-cookie", "b=2"], hasBody: true, contentEncoding: undefined },
      ]);
      expect(r.body).toBe('{"ok":true}');
      expect(r.complete).toEqual({ excess: false });
      expect(r.broken).toBeUndefined();
    }
  });

  it("reads a chunked answer split anywhere: chunk extensions and trailers are read and dropped", () => {
    for (const chunks of splits(CHUNKED)) {
      const r = parse(chunks);
      expect(r.body).toBe("hello, world");
      expect(r.complete).toEqual({ excess: false });
      expect(r.heads[0]!.rawHeaders).toEqual(["Transfer-Encoding", "chunked"]);
    }
  });

  it("skips 100 Continue and 103 Early Hints; refuses 101", () => {
    const text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n";
    for (const chunks of splits(text)) {
      const r = parse(chunks);
      expect(r.heads.map((h) => h.status)).toEqual([204]);
      expect(r.complete).toEqual({ excess: false });
    }
    expect(parse(["HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n"]).broken).toMatch(/101/);
  });

  it("has no body for HEAD, 204, 304 and Content-Length: 0, whatever the framing headers say", () => {
    expect(parse(["HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n"], "HEAD")).toMatchObject({ body: "", complete: { excess: false } });
    expect(parse(["HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n"])).toMatchObject({ body: "", complete: { excess: false } });
    expect(parse(["HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n"])).toMatchObject({ body: "", complete: { excess: false } });
    const empty = parse(["HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"]);
    expect(empty.heads[0]!.hasBody).toBe(false);
    expect(empty.complete).toEqual({ excess: false });
  });

  it("a body with no framing runs to the end of the connection, which is then not reused", () => {
    const events: string[] = [];
    const parser = new ResponseParser({
      head: () => (events.push("head"), true),
      body: (c) => void events.push(`body ${c.toString()}`),
      complete: (excess) => void events.push(`complete ${excess}`),
      broken: (e) => void events.push(`broken ${e.message}`),
      unexpected: () => void events.push("unexpected"),
    });
    parser.expect("GET");
    parser.feed(Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nabc"));
    parser.feed(Buffer.from("def"));
    expect(parser.keepAliveMs).toBe(0);
    expect(parser.end()).toBe(true);
    expect(events).toEqual(["head", "body abc", "body def", "complete false"]);
    // A Content-Length answer does not end with the connection.
    parser.expect("GET");
    parser.feed(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc"));
    expect(parser.end()).toBe(false);
  });

  it("bytes past a complete answer are reported as excess (the connection is then closed); bytes nobody asked for as unexpected", () => {
    expect(parse([`${LENGTH}HTTP/1.1 200 OK\r\n`]).complete).toEqual({ excess: true });
    expect(parse(["HTTP/1.1 204 No Content\r\n\r\nxyz"]).complete).toEqual({ excess: true });
    expect(parse([`${CHUNKED}junk`]).complete).toEqual({ excess: true });
    expect(parse([LENGTH, "more"]).unexpected).toBe(1);
  });

  it("how long the connection may idle: Keep-Alive hint less a second, none for Connection: close, HTTP/1.0", () => {
    expect(parse([LENGTH]).keepAliveMs).toBe(Number.POSITIVE_INFINITY);
    expect(parse(["HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\nContent-Length: 0\r\n\r\n"]).keepAliveMs).toBe(4_000);
    expect(parse(["HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n"]).keepAliveMs).toBe(0);
    expect(parse(["HTTP/1.1 200 OK\r\nConnection: upgrade,\t close \r\nContent-Length: 0\r\n\r\n"]).keepAliveMs).toBe(0);
    expect(parse(["HTTP/1.1 200 OK\r\nConnection: closed, x-close\r\nContent-Length: 0\r\n\r\n"]).keepAliveMs).toBe(Number.POSITIVE_INFINITY);
    expect(parse(["HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"]).keepAliveMs).toBe(0);
    expect(parse(["HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"]).keepAliveMs).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses what is not an HTTP/1.x answer: status line, header line, Content-Length, chunk size, chunk end, head size", () => {
    // Each refusal carries the code the facade reads as "not valid HTTP" (not a network failure to retry).
    expect(parse(["HTTP/2 200\r\n\r\n"])).toMatchObject({ broken: expect.stringMatching(/status line/), brokenCode: INVALID_HTTP_RESPONSE });
    expect(parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]).brokenCode).toBe("ERR_INVALID_HTTP_RESPONSE");
    expect(parse(["HTTP/1.1 20 OK\r\n\r\n"]).broken).toMatch(/status line/);
    expect(parse(["HTTP/1.1 200 OK\r\nbad header\r\n\r\n"]).broken).toMatch(/header line/);
    expect(parse(["HTTP/1.1 200 OK\r\n folded: x\r\n\r\n"]).broken).toMatch(/header line/);
    expect(parse(["HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"]).broken).toMatch(/Content-Length/);
    expect(parse(["HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"]).broken).toMatch(/Content-Length/);
    expect(parse(["HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc"])).toMatchObject({ body: "abc", complete: { excess: false } });
    expect(parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]).broken).toMatch(/chunk size/);
    expect(parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n"]).broken).toMatch(/chunk end/);
    expect(parse([`HTTP/1.1 200 OK\r\nX: ${"a".repeat(17 * 1024)}`]).broken).toMatch(/too large/);
    expect(parse(["HTTP/1.1 999 Nope\r\n\r\n"]).broken).toMatch(/unsupported/);
    // Both framings (RFC 9112 §6.3: a sign of response splitting), refused as undici refuses them.
    expect(parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"]).broken).toMatch(/both Content-Length and Transfer-Encoding/);
    expect(parse(["HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: identity\r\n\r\nhello"]).broken).toMatch(/both Content-Length and Transfer-Encoding/);
    // A body framed by a Transfer-Encoding other than chunked runs to the end of the connection.
    expect(parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nhello"])).toMatchObject({ body: "hello", keepAliveMs: 0 });
    // LF-only line endings: refused at the first such line, however the head is split (not waited on until a timeout).
    for (const chunks of splits("HTTP/1.1 200 OK\nContent-Length: 2\n\nok")) expect(parse(chunks).broken, JSON.stringify(chunks)).toMatch(/ends with LF, not CRLF/);
    for (const chunks of splits("HTTP/1.1 200 OK\r\nX: y\n")) expect(parse(chunks).broken, JSON.stringify(chunks)).toMatch(/ends with LF, not CRLF/);
    // Before a CRLF CRLF too (the LF would sit inside a header value), and in a chunked body's lines.
    for (const chunks of splits("HTTP/1.1 200 OK\r\nX: y\nZ: w\r\n\r\n")) expect(parse(chunks).broken, JSON.stringify(chunks)).toMatch(/ends with LF, not CRLF/);
    for (const chunks of splits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello")) expect(parse(chunks).broken, JSON.stringify(chunks)).toMatch(/chunk line ends with LF, not CRLF/);
    // In a chunk extension or a trailer line, however the bytes are split.
    for (const chunks of splits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\nc\r\nhello\r\n0\r\n\r\n")) expect(parse(chunks).broken, JSON.stringify(chunks)).toMatch(/chunk line ends with LF, not CRLF/);
    for (const chunks of splits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: a\nb\r\n\r\n")) expect(parse(chunks).broken, JSON.stringify(chunks)).toMatch(/chunk line ends with LF, not CRLF/);
  });

  it("LF bytes in a body are data, however the answer is split (Content-Length and chunked)", () => {
    for (const chunks of splits("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\na\nb\n\r\n\nc")) expect(parse(chunks), JSON.stringify(chunks)).toMatchObject({ body: "a\nb\n\r\n\nc", complete: { excess: false } });
    for (const chunks of splits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\na\n\nb\r\n0\r\n\r\n")) expect(parse(chunks), JSON.stringify(chunks)).toMatchObject({ body: "a\n\nb", complete: { excess: false } });
  });

  it("a reason phrase the platform's Response would refuse is dropped", () => {
    expect(parse(["HTTP/1.1 200 \u0001weird\r\nContent-Length: 0\r\n\r\n"]).heads[0]!.statusText).toBe("");
    expect(parse(["HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n"]).heads[0]!.statusText).toBe("");
  });
});

// Raw TCP servers that answer whatever a test writes.
const servers: { server: Server; sockets: Socket[] }[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy(); // the transport's idle keep-alive connections too
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

interface Raw {
  url: string;
  connections: Socket[];
}

/** `answer(socket, request, i)`: called for each complete request head (request i on the server). */
async function raw(answer: (socket: Socket, head: string, i: number) => void): Promise<Raw> {
  const state: Raw = { url: "", connections: [] };
  let i = 0;
  const server = createNetServer((socket) => {
    state.connections.push(socket);
    let buffered = "";
    socket.on("data", (d: Buffer) => {
      buffered += d.toString("latin1");
      let end: number;
      while ((end = buffered.indexOf("\r\n\r\n")) >= 0) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        buffered = buffered.slice(length);
        answer(socket, head, i++);
      }
    });
    socket.on("error", () => undefined);
  });
  servers.push({ server, sockets: state.connections });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

const ok = (body = "{}") => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

describe("connections, as the answers decide", () => {
  it("a request that meets a reused connection the server closed fails like node:http, and is never sent twice", async () => {
    const s = await raw((socket, head, i) => {
      // The first answer keeps the connection; then the server drops it without answering the second request.
      if (i === 1) return void socket.destroy();
      socket.write(ok(JSON.stringify({ i, line: head.split("\r\n")[0] })));
    });
    const transport = createNodeTransport();
    expect(await (await transport(new Request(`${s.url}/a`))).json()).toEqual({ i: 0, line: "GET /a HTTP/1.1" });
    const err = (await transport(new Request(`${s.url}/b`)).catch((e: unknown) => e)) as TypeError & { cause?: { code?: string } };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe("fetch failed");
    expect(err.cause?.code).toBe("ECONNRESET");
    expect(s.connections).toHaveLength(1);
    // The next request opens a new connection.
    expect(await (await transport(new Request(`${s.url}/c`))).json()).toEqual({ i: 2, line: "GET /c HTTP/1.1" });
    expect(s.connections).toHaveLength(2);
  });

  // The pool's sweep runs on the global setTimeout: these tests fake it (and only it), so that the sweep runs
  // exactly when a test says, or never, whatever the machine's load; the monotonic clock stays real.
  const fakeSweep = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  /** Holds the event loop until `ms` of monotonic time have passed: no timer or I/O callback runs meanwhile. */
  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  it("a connection the idle sweep has just closed is not handed out again (its socket closes a tick later)", async () => {
    fakeSweep();
    const s = await raw((socket) => socket.write(ok()));
    const transport = createNodeTransport({ freeSocketTimeoutMs: 20 });
    await (await transport(new Request(`${s.url}/a`))).text();
    // The sweep destroys the idle connection (its timer may fire before the clock reads its idle time over); the
    // next request comes in the same turn, before that socket's close event.
    vi.advanceTimersByTime(20);
    const next = transport(new Request(`${s.url}/b`));
    expect(await (await next).json()).toEqual({});
    expect(s.connections).toHaveLength(2);
  });

  it("a connection past its idle time is not handed out while the sweep's timer is late (a busy event loop)", async () => {
    fakeSweep(); // the sweep never runs
    const s = await raw((socket) => socket.write(ok()));
    const transport = createNodeTransport({ freeSocketTimeoutMs: 20 });
    await (await transport(new Request(`${s.url}/a`))).text();
    busy(30);
    const next = transport(new Request(`${s.url}/b`));
    expect(await (await next).json()).toEqual({});
    expect(s.connections).toHaveLength(2);
  });

  it("idle time is counted on a monotonic clock: setting the wall clock back does not make an idle socket usable for longer", async () => {
    fakeSweep(); // the sweep never runs: the pool's own check decides
    const s = await raw((socket) => socket.write(ok()));
    const transport = createNodeTransport({ freeSocketTimeoutMs: 20 });
    await (await transport(new Request(`${s.url}/a`))).text();
    vi.spyOn(Date, "now").mockReturnValue(Date.now() - 3_600_000); // an hour back, as NTP might
    busy(30);
    const next = transport(new Request(`${s.url}/b`));
    expect(await (await next).json()).toEqual({});
    expect(s.connections).toHaveLength(2);
  });

  it("Connection: close, HTTP/1.0 and bytes past the answer each cost the connection; a plain HTTP/1.1 answer keeps it", async () => {
    const answers = [
      "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}EXTRA",
      ok(),
      ok(),
    ];
    const s = await raw((socket, _head, i) => socket.write(answers[i]!));
    const transport = createNodeTransport();
    for (let i = 0; i < answers.length; i++) expect(await (await transport(new Request(`${s.url}/${i}`))).json()).toEqual({});
    expect(s.connections).toHaveLength(4);
  });

  it("an answer that is not HTTP rejects with TypeError('fetch failed'); a broken chunked body errors the stream with TypeError('terminated')", async () => {
    const s = await raw((socket, head) => {
      if (head.startsWith("GET /garbage")) return void socket.write("SSH-2.0-OpenSSH\r\n\r\n");
      socket.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloBROKEN");
    });
    const transport = createNodeTransport();
    const err = (await transport(new Request(`${s.url}/garbage`)).catch((e: unknown) => e)) as TypeError & { cause?: Error };
    expect(err.message).toBe("fetch failed");
    expect(err.cause?.message).toMatch(/status line/);
    const response = await transport(new Request(`${s.url}/chunked`));
    const bodyErr = (await response.text().catch((e: unknown) => e)) as TypeError & { cause?: Error };
    expect(bodyErr).toBeInstanceOf(TypeError);
    expect(bodyErr.message).toBe("terminated");
    expect(bodyErr.cause?.message).toMatch(/chunk end/);
  });

  it("a header value the platform's Response cannot hold (a NUL in a Set-Cookie) is not HTTP/1.1: the error never quotes it", async () => {
    const s = await raw((socket) => socket.write("HTTP/1.1 200 OK\r\nSet-Cookie: session=S3ntinel\0cookie\r\nContent-Length: 2\r\n\r\nok"));
    const err = (await createNodeTransport()(new Request(`${s.url}/`)).catch((e: unknown) => e)) as TypeError & { cause?: Error & { code?: string } };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe("fetch failed");
    expect([err.cause?.message, err.cause?.code]).toEqual(["invalid response header value", INVALID_HTTP_RESPONSE]);
    expect(inspect(err, { depth: null })).not.toContain("S3ntinel");
  });

  it("writes one head: method, path and query, Host with the port, the Request's headers, Content-Length; never the hop-by-hop ones it owns", async () => {
    const heads: string[] = [];
    const s = await raw((socket, head) => {
      heads.push(head);
      socket.write(ok());
    });
    const transport = createNodeTransport();
    const headers = new Headers({ "x-acs-date": "d", authorization: "sig", "keep-alive": "timeout=99", upgrade: "h2c" });
    await (await transport(new Request(`${s.url}/p/q?x=1&y=%20#frag`, { method: "PUT", headers, body: "12345" }))).text();
    const [line, ...fields] = heads[0]!.split("\r\n");
    expect(line).toBe("PUT /p/q?x=1&y=%20 HTTP/1.1");
    expect(fields).toEqual([`host: ${new URL(s.url).host}`, "connection: keep-alive", "authorization: sig", "content-type: text/plain;charset=UTF-8", "x-acs-date: d", "content-length: 5"]);
  });
});

describe("TLS", () => {
  const fixtures = fileURLToPath(new URL("../fixtures/tls/", import.meta.url));
  const built = fileURLToPath(new URL("../../dist/transport/node.js", import.meta.url));

  /** Runs `script` in a child that trusts the fixture certificate (Node reads NODE_EXTRA_CA_CERTS at startup). */
  function child(script: string, trust: boolean): Promise<{ out: string; err: string; code: number | null }> {
    const env = withNetworkGuard({ ...process.env, NODE_EXTRA_CA_CERTS: trust ? `${fixtures}cert.pem` : "" });
    const p = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    return new Promise((resolve) => p.on("exit", (code) => resolve({ out, err, code })));
  }

  it("https: by IP and by name (SNI), keep-alive over one TLS connection; an untrusted certificate fails like fetch", async () => {
    expect(existsSync(built), "needs the built package: run `npm run build` first").toBe(true);
    let connections = 0;
    const server = createHttpsServer({ key: readFileSync(`${fixtures}key.pem`), cert: readFileSync(`${fixtures}cert.pem`) }, (req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ url: req.url, host: req.headers.host, sni: (req.socket as import("node:tls").TLSSocket).servername || null }));
    });
    server.on("secureConnection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const script = `
        const { createNodeTransport } = await import(${JSON.stringify(built)});
        const t = createNodeTransport();
        const out = [];
        for (const url of ["https://127.0.0.1:${port}/a?x=1", "https://127.0.0.1:${port}/b", "https://localhost:${port}/c"]) out.push(await (await t(new Request(url))).json());
        console.log(JSON.stringify(out));
      `;
      const trusted = await child(script, true);
      expect(trusted.err).toBe("");
      expect(JSON.parse(trusted.out)).toEqual([
        { url: "/a?x=1", host: `127.0.0.1:${port}`, sni: null },
        { url: "/b", host: `127.0.0.1:${port}`, sni: null },
        { url: "/c", host: `localhost:${port}`, sni: "localhost" },
      ]);
      expect(connections).toBe(2); // one per origin: 127.0.0.1 reused, localhost its own
      const untrusted = await child(
        `const { createNodeTransport } = await import(${JSON.stringify(built)});
         const e = await createNodeTransport()(new Request("https://127.0.0.1:${port}/")).catch((e) => e);
         console.log(JSON.stringify([e.message, e.cause?.code]));`,
        false,
      );
      expect(JSON.parse(untrusted.out)).toEqual(["fetch failed", "DEPTH_ZERO_SELF_SIGNED_CERT"]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("Http1Client: a pool per origin only while it has connections", () => {
  /** One GET through `client`, resolved with the body once it has ended. */
  function get(client: Http1Client, origin: Origin, path = "/"): Promise<string> {
    return new Promise((resolve, reject) => {
      let body = "";
      client.send(origin, {
        head: `GET ${path} HTTP/1.1\r\nHost: ${origin.hostname}:${origin.port}\r\n\r\n`,
        body: undefined,
        method: "GET",
        onHead: () => ({ push: (chunk) => void (body += chunk.toString()), end: () => resolve(body), fail: reject }),
        onFail: reject,
      });
    });
  }

  it("drops an origin's pool when its last connection closes, and resumes the TLS session it had on the next connection", async () => {
    const fixtures = fileURLToPath(new URL("../fixtures/tls/", import.meta.url));
    const cert = readFileSync(`${fixtures}cert.pem`);
    const resumed: boolean[] = [];
    const servers = await Promise.all(
      [0, 1, 2].map(async () => {
        const server = createHttpsServer({ key: readFileSync(`${fixtures}key.pem`), cert }, (_req, res) => res.end("ok"));
        server.on("secureConnection", (socket: import("node:tls").TLSSocket) => resumed.push(socket.isSessionReused()));
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        return server;
      }),
    );
    // The platform's modules, with the fixture's certificate trusted for these connections.
    const trusting = { net, tls: { ...tls, connect: ((options: tls.ConnectionOptions) => tls.connect({ ...options, ca: cert })) as typeof tls.connect } };
    // Idle connections are kept (no idle timeout runs during the test): each closes when its server closes it.
    const client = new Http1Client({ maxSockets: 4, maxFreeSockets: 4, freeSocketTimeoutMs: 600_000 }, () => trusting);
    const origins: Origin[] = servers.map((s) => ({ protocol: "https:", hostname: "127.0.0.1", port: (s.address() as AddressInfo).port }));
    try {
      for (const origin of origins) expect(await get(client, origin)).toBe("ok");
      expect(client.pools).toBe(3);
      // Each server closes its idle connection: the client's socket closes, and its origin's pool with it.
      for (const server of servers) server.closeAllConnections();
      await vi.waitFor(() => expect(client.pools).toBe(0), { timeout: 10_000, interval: 10 });
      expect(await get(client, origins[0]!)).toBe("ok");
      expect(client.pools).toBe(1);
      expect(resumed).toEqual([false, false, false, true]);
    } finally {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    }
  });
});
