// The Node transport side by side with the platform's fetch (undici) on a raw loopback server: the same bytes on
// the wire, the same observable answer. Here too: a body's read-ahead and decoding must not reach the
// connection once its answer is complete (the connection then serves the next exchange), and obs-fold.
import zlib from "node:zlib";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { READ_AHEAD_BYTES } from "../../src/transport/body.js";
import { createNodeTransport } from "../../src/transport/node.js";

const servers: { server: Server; sockets: Socket[] }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A raw server: `answer(socket, head, i)` for each request head (bodies skipped by their Content-Length). */
async function raw(answer: (socket: Socket, head: string, i: number) => void): Promise<{ url: string; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  let i = 0;
  const server = createServer((socket) => {
    sockets.push(socket);
    let buffered = Buffer.alloc(0);
    let skip = 0;
    socket.on("data", (d: Buffer) => {
      buffered = Buffer.concat([buffered, d]);
      for (;;) {
        const n = Math.min(skip, buffered.length);
        buffered = buffered.subarray(n);
        skip -= n;
        const end = skip > 0 ? -1 : buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffered.toString("latin1", 0, end);
        buffered = buffered.subarray(end + 4);
        skip = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        answer(socket, head, i++);
      }
    });
    socket.on("error", () => undefined);
  });
  servers.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

const realSetTimeout = globalThis.setTimeout;
/** A hang fails with a message instead of the suite's timeout (the guard, not the event the test waits for). */
function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = realSetTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms))),
  ]);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const ok = (body: string) => `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

type Client = (url: string, init?: RequestInit) => Promise<Response>;
/** The transport under test (one connection at most: the second request reuses the first one's) and fetch. */
const clients = (): [string, Client][] => {
  const transport = createNodeTransport({ maxSockets: 1 });
  return [
    ["transport", (url, init) => transport(new Request(url, init))],
    ["fetch", (url, init) => fetch(url, init)],
  ];
};

describe("a finished answer's body no longer reaches its connection", () => {
  it("a body whose last bytes fill the read-ahead leaves its socket reading: the next request on it is answered", async () => {
    // READ_AHEAD_BYTES + 1: the read-ahead is exceeded by the last byte, whatever the reads' sizes, so the
    // socket is paused in the same read that completes the answer and the connection goes back to the pool.
    const big = "x".repeat(READ_AHEAD_BYTES + 1);
    for (const [name, send] of clients()) {
      const s = await raw((socket, _head, i) => socket.write(i === 0 ? ok(big) : ok("second")));
      const first = await send(`${s.url}/big`);
      const second = send(`${s.url}/next`); // queued behind the first: it takes that connection once free
      expect(await within(second.then((r) => r.text()), `${name}: the second request`)).toBe("second");
      expect((await first.text()).length, name).toBe(big.length);
    }
  });

  it("a gzip body inflated past the read-ahead after its answer completed does not pause the connection's next exchange", async () => {
    const inflated = deferred();
    const gunzip = zlib.createGunzip;
    vi.spyOn(zlib, "createGunzip").mockImplementation((options) => gunzip(options).once("end", inflated.resolve));
    const gz = zlib.gzipSync(Buffer.alloc(4 * READ_AHEAD_BYTES, "a"));
    const answerSecond = deferred();
    const transport = createNodeTransport({ maxSockets: 1 });
    const s = await raw((socket, _head, i) => {
      if (i === 0) socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n\r\n`), gz]));
      else void answerSecond.promise.then(() => socket.write(ok("second")));
    });
    const first = await transport(new Request(`${s.url}/gz`));
    // Sent on the first one's connection as soon as its compressed body is in; answered once that body is
    // inflated (unread: the decoded bytes exceed the read-ahead and are held).
    const second = transport(new Request(`${s.url}/next`));
    await inflated.promise;
    answerSecond.resolve();
    expect(await within(second.then((r) => r.text()), "the second request")).toBe("second");
    expect((await first.arrayBuffer()).byteLength).toBe(4 * READ_AHEAD_BYTES);
    expect(s.sockets.length).toBe(1);
  });

  it("a gzip body that fails to inflate after its answer completed fails alone: the exchange now on its connection is answered", async () => {
    const gz = zlib.gzipSync(Buffer.from("hello, world"));
    gz[gz.length - 5]! ^= 0xff; // a wrong CRC-32: only the end of the inflation can tell
    for (const [name, send] of clients()) {
      const answerSecond = deferred();
      const s = await raw((socket, _head, i) => {
        if (i === 0) socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n\r\n`), gz]));
        else void answerSecond.promise.then(() => socket.write(ok("second")));
      });
      const first = await send(`${s.url}/gz`);
      const second = send(`${s.url}/next`);
      const error = (await first.text().catch((e: unknown) => e)) as TypeError;
      expect(error, name).toBeInstanceOf(TypeError);
      expect(error.message, name).toBe("terminated");
      answerSecond.resolve();
      expect(await within(second.then((r) => r.text()), `${name}: the second request`)).toBe("second");
    }
  });
});

describe("the same answer as fetch", () => {
  it("an answer that comes before the request's body is all written costs the connection: the next request goes out on a new one", async () => {
    // 32 MiB: far more than the loopback's socket buffers, so most of the body is still to be written when the
    // server, which stops reading after the head, answers 413 (and keeps the connection, without Connection: close).
    const body = new Uint8Array(32 * 1024 * 1024);
    for (const [name, send] of clients()) {
      const sockets: Socket[] = [];
      const server = createServer((socket) => {
        sockets.push(socket);
        let head = "";
        const onData = (d: Buffer) => {
          head += d.toString("latin1");
          if (!head.includes("\r\n\r\n")) return;
          if (head.startsWith("PUT ")) {
            socket.off("data", onData);
            socket.pause(); // reads nothing more on this connection
            return void socket.write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 3\r\n\r\nbig");
          }
          socket.write(ok("next"));
          head = "";
        };
        socket.on("data", onData);
        socket.on("error", () => undefined);
      });
      servers.push({ server, sockets });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const first = await send(`${url}/put`, { method: "PUT", body });
      expect([first.status, await first.text()], name).toEqual([413, "big"]);
      expect(await within(send(`${url}/next`).then((r) => r.text()), `${name}: the next request`)).toBe("next");
      expect(sockets.length, name).toBe(2);
    }
  });

  // A wrong port that speaks another protocol: fetch refuses the answer at its first bytes. The transport waited
  // for a CRLF CRLF that never came (a server that keeps the connection open: the call's whole timeout, on every
  // retry), or, when the server then closed, reported a connection reset (retried as a network fault).
  it.each([
    ["an SMTP banner, the connection kept open", "220 mail.example.com ESMTP ready\r\n", false],
    ["an SSH banner, then the connection closed", "SSH-2.0-OpenSSH_9.6\r\n", true],
    ["a TLS alert (an HTTPS port spoken to in plain HTTP)", "\x15\x03\x01\x00\x02\x02\x46", false],
    ["HTTP/2's preface-sized garbage", "HTTP/2 200\r\n", false],
  ] as const)("%s is refused at once as an invalid HTTP answer, as fetch refuses it", async (_what, banner, close) => {
    for (const [name, send] of clients()) {
      const s = await raw((socket) => {
        socket.write(Buffer.from(banner, "latin1"));
        if (close) socket.end();
      });
      const failure = await within(
        send(`${s.url}/`).then(
          () => undefined,
          (err: unknown) => err,
        ),
        name,
      );
      expect(failure, name).toBeInstanceOf(TypeError);
      if (name === "transport") expect((failure as Error & { cause?: { code?: string } }).cause?.code).toBe("ERR_INVALID_HTTP_RESPONSE");
    }
  });

  it("obs-fold in a response is replaced with SP and the field kept (RFC 9112 §5.2), as fetch does; folded framing fields are refused", async () => {
    const answer = "HTTP/1.1 200 OK\r\nX-Folded: one\r\n \t two\r\nX-Next: 3\r\nContent-Length: 2\r\n\r\nok";
    for (const [name, send] of clients()) {
      const s = await raw((socket) => socket.write(answer));
      const res = await send(s.url);
      // undici keeps the fold's whitespace; one SP is what the RFC asks for either way.
      expect(res.headers.get("x-folded")!.replace(/[ \t]+/g, " "), name).toBe("one two");
      expect(res.headers.get("x-next"), name).toBe("3");
      expect(await res.text(), name).toBe("ok");
    }
    const transport = createNodeTransport();
    const s = await raw((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n 3\r\n\r\nok"));
    const err = (await transport(new Request(s.url)).catch((e: unknown) => e)) as TypeError & { cause?: { code?: string } };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.cause?.code).toBe("ERR_INVALID_HTTP_RESPONSE");
  });

  it("repeated fields, Set-Cookie lines, whitespace, HEAD/204/304 with a Content-Length, then the connection reused", async () => {
    const answers: Record<string, string> = {
      "/dup": "HTTP/1.1 200 OK\r\nX-A: 1\r\nx-a: 2\r\nSet-Cookie: a=1; Path=/\r\nSET-COOKIE: b=2, c=3\r\nX-Ws:\t  v  \t\r\nContent-Length: 2\r\n\r\nok",
      "/head": "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n",
      "/204": "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n",
      "/304": "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n",
      "/last": ok("last"),
    };
    const seen: Record<string, string[]> = {};
    for (const [name, send] of clients()) {
      const s = await raw((socket, head) => socket.write(answers[head.split(" ")[1]!]!));
      const out: string[] = [];
      const dup = await send(`${s.url}/dup`);
      out.push(JSON.stringify([dup.headers.get("x-a"), dup.headers.getSetCookie(), dup.headers.get("x-ws")!.trim(), await dup.text()]));
      const head = await send(`${s.url}/head`, { method: "HEAD" });
      out.push(`HEAD ${head.status} ${head.body === null}`);
      for (const path of ["/204", "/304", "/last"]) {
        const res = await within(send(`${s.url}${path}`), `${name} ${path}`);
        out.push(`${path} ${res.status} ${await res.text()}`);
      }
      seen[name] = out;
      if (name === "transport") expect(s.sockets.length).toBe(1); // one keep-alive connection for all of them
    }
    expect(seen.transport).toEqual(seen.fetch);
    expect(seen.transport![0]).toBe(JSON.stringify(["1, 2", ["a=1; Path=/", "b=2, c=3"], "v", "ok"]));
  });
});
