// HTTP/1.1 over keep-alive sockets (node:net, node:tls): the Node transport's own client. It writes a request
// head in one piece and reads the answer with its own parser (response-parser.ts: status line, headers, a body
// framed by Content-Length, chunked transfer coding or the end of the connection), which costs a fraction of
// node:http's ClientRequest / IncomingMessage / Agent machinery per call. One request per connection at a time
// (no pipelining).
//
// Connections are pooled per origin: at most `maxSockets` open (more requests queue), at most `maxFreeSockets`
// idle ones kept, each closed after `freeSocketTimeoutMs` idle (or the server's shorter Keep-Alive hint). Idle
// sockets are unref'd: they never keep a process alive. A request is never sent twice: one that meets a reused
// connection the server closed meanwhile fails as it would with node:http (`freeSocketTimeoutMs` stays below the
// servers' keep-alive so that this is rare), and the caller's retry policy decides — the facade counts every
// attempt against its retry budget.
import type * as Net from "node:net";
import type * as Tls from "node:tls";
import type { ResponseHead } from "./body.js";
import { ResponseParser, type ParsedHead } from "./response-parser.js";

export interface Http1Options {
  maxSockets: number;
  maxFreeSockets: number;
  freeSocketTimeoutMs: number;
}

export interface Origin {
  protocol: "http:" | "https:";
  /** For connecting: no brackets around an IPv6 address. */
  hostname: string;
  port: number;
}

/** Where an answer's body goes: bytes as they arrive, then its end or failure. */
export interface BodySink {
  push(chunk: Buffer): void;
  end(): void;
  fail(error: unknown): void;
}

export interface Exchange {
  /** `METHOD path HTTP/1.1` and the header lines, ending with the empty line. */
  readonly head: string;
  readonly body: Buffer | undefined;
  readonly method: string;
  /**
   * The head of the answer arrived: returns where its body goes (null: no body is read). `pause`/`resume` hold
   * the connection's reading; `destroy` gives the connection up.
   */
  onHead(head: ResponseHead, hasBody: boolean, wire: { pause(): void; resume(): void; destroy(): void }, contentEncoding: string | undefined): BodySink | null;
  /** No answer: the connection failed or the answer could not be read. */
  onFail(error: unknown): void;
  /** The request (head and body) was written to the connection's socket. */
  onWritten?: (() => void) | undefined;
}


type Modules = { net: typeof Net; tls: typeof Tls };

/** TLS sessions kept for origins whose pool closed its last connection (a later connection resumes one). */
export const TLS_SESSIONS_KEPT = 128;

/**
 * The pools of one transport: one per origin while it has a connection or a queued request. A pool whose last
 * connection closed is dropped (OSS and BOS address each bucket as its own host: a process touching many
 * buckets kept a pool per bucket forever); its TLS session is kept, for at most TLS_SESSIONS_KEPT origins.
 */
export class Http1Client {
  readonly #options: Http1Options;
  readonly #modules: () => Modules;
  readonly #pools = new Map<string, Pool>();
  /** By origin, the least recently stored first. */
  readonly #sessions = new Map<string, Buffer>();

  constructor(options: Http1Options, modules: () => Modules) {
    this.#options = options;
    this.#modules = modules;
  }

  /** How many origins have a pool (open or queued connections). */
  get pools(): number {
    return this.#pools.size;
  }

  /** Sends `exchange`; returns a function that abandons it (an abort: the connection is closed if it was in use). */
  send(origin: Origin, exchange: Exchange): () => void {
    const key = `${origin.protocol}//${origin.hostname}:${origin.port}`;
    let pool = this.#pools.get(key);
    if (pool === undefined) {
      const created: Pool = new Pool(origin, this.#options, this.#modules, () => this.#retire(key, created));
      created.tlsSession = this.#sessions.get(key);
      this.#sessions.delete(key);
      this.#pools.set(key, created);
      pool = created;
    }
    return pool.send(exchange);
  }

  #retire(key: string, pool: Pool): void {
    if (this.#pools.get(key) !== pool) return;
    this.#pools.delete(key);
    if (pool.tlsSession === undefined) return;
    this.#sessions.set(key, pool.tlsSession);
    if (this.#sessions.size > TLS_SESSIONS_KEPT) this.#sessions.delete(this.#sessions.keys().next().value!);
  }
}

class Pool {
  readonly origin: Origin;
  readonly options: Http1Options;
  readonly #modules: () => Modules;
  /** Open or connecting. */
  open = 0;
  readonly idle: Connection[] = [];
  readonly #queue: Pending[] = [];
  tlsSession: Buffer | undefined;

  readonly #onEmpty: () => void;

  constructor(origin: Origin, options: Http1Options, modules: () => Modules, onEmpty: () => void) {
    this.origin = origin;
    this.options = options;
    this.#modules = modules;
    this.#onEmpty = onEmpty;
  }

  send(exchange: Exchange): () => void {
    const pending: Pending = { exchange, connection: undefined, abandoned: false };
    this.#dispatch(pending);
    return () => {
      if (pending.abandoned) return;
      pending.abandoned = true;
      const i = this.#queue.indexOf(pending);
      if (i >= 0) this.#queue.splice(i, 1);
      pending.connection?.abandon(pending);
    };
  }

  #dispatch(pending: Pending): void {
    let connection: Connection | undefined;
    while ((connection = this.idle.pop()) !== undefined) {
      if (!connection.usable) continue;
      // Past its idle time while the sweep's timer is late (a busy event loop): the server may be closing it.
      if (connection.idleUntil <= performance.now()) {
        connection.destroy();
        continue;
      }
      break;
    }
    if (connection === undefined) {
      if (this.open >= this.options.maxSockets) return void this.#queue.push(pending);
      connection = this.#connect();
    }
    connection.start(pending);
  }

  #connect(): Connection {
    this.open++;
    const { net, tls } = this.#modules();
    const { protocol, hostname, port } = this.origin;
    const socket =
      protocol === "https:"
        ? tls.connect({ host: hostname, port, servername: net.isIP(hostname) === 0 ? hostname : undefined, ALPNProtocols: ["http/1.1"], session: this.tlsSession })
        : net.connect({ host: hostname, port });
    if (protocol === "https:") socket.on("session", (session: Buffer) => (this.tlsSession = session));
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 1_000);
    return new Connection(this, socket);
  }

  /** A connection finished an exchange and can take another. */
  release(connection: Connection, keepAliveMs: number): void {
    const next = this.#queue.shift();
    if (next !== undefined) return connection.start(next);
    if (this.idle.length >= this.options.maxFreeSockets || keepAliveMs <= 0) return connection.destroy();
    connection.rest(performance.now() + Math.min(keepAliveMs, this.options.freeSocketTimeoutMs));
    this.idle.push(connection);
    if (this.#sweep === undefined) this.#sweepAt(connection.idleUntil);
  }

  // One unref'd timer per pool closes connections idle past their time (a timer per idle period would be
  // created and cleared on every call).
  #sweep: ReturnType<typeof setTimeout> | undefined;

  #sweepAt(at: number): void {
    this.#sweep = setTimeout(() => {
      this.#sweep = undefined;
      // Everything due by the time this timer was set for: timers count whole milliseconds, so one may fire
      // up to a millisecond before `at` as performance.now() reads it.
      const due = Math.max(performance.now(), at);
      let next = Number.POSITIVE_INFINITY;
      let kept = 0;
      for (const connection of this.idle) {
        if (connection.idleUntil <= due) connection.destroy();
        else {
          this.idle[kept++] = connection;
          next = Math.min(next, connection.idleUntil);
        }
      }
      this.idle.length = kept;
      if (next !== Number.POSITIVE_INFINITY) this.#sweepAt(next);
    }, Math.max(0, Math.ceil(at - performance.now())));
    this.#sweep.unref();
  }

  /** A connection closed (for whatever reason). */
  closed(connection: Connection): void {
    this.open--;
    const i = this.idle.indexOf(connection);
    if (i >= 0) this.idle.splice(i, 1);
    const next = this.#queue.shift();
    if (next !== undefined) this.#dispatch(next);
    if (this.open === 0 && this.#queue.length === 0) this.#onEmpty();
  }
}

interface Pending {
  readonly exchange: Exchange;
  connection: Connection | undefined;
  abandoned: boolean;
}

/** The connection as one exchange's answer body sees it. */
class Wire {
  readonly #connection: Connection;
  readonly #pending: Pending;
  constructor(connection: Connection, pending: Pending) {
    this.#connection = connection;
    this.#pending = pending;
  }
  pause(): void {
    this.#connection.wire(this.#pending, "pause");
  }
  resume(): void {
    this.#connection.wire(this.#pending, "resume");
  }
  destroy(): void {
    this.#connection.wire(this.#pending, "destroy");
  }
}

const socketHangUp = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });

class Connection {
  readonly #pool: Pool;
  readonly #socket: Net.Socket;
  readonly #parser: ResponseParser;
  #pending: Pending | undefined;
  /** It already carried an exchange (it was idle in the pool since). */
  #reused = false;
  closed = false;
  #sink: BodySink | null = null;

  constructor(pool: Pool, socket: Net.Socket) {
    this.#pool = pool;
    this.#socket = socket;
    this.#parser = new ResponseParser({
      head: (head) => this.#head(head),
      body: (chunk) => this.#sink?.push(chunk),
      complete: (excess) => this.#complete(excess),
      broken: (cause) => this.#broken(cause),
      // Bytes nobody asked for (an answer longer than it said, or unsolicited): the connection is unusable.
      unexpected: () => this.destroy(),
    });
    socket.on("data", (chunk: Buffer) => this.#parser.feed(chunk));
    socket.on("end", () => {
      if (this.#pending !== undefined && this.#parser.end()) return; // a body that ran to the end of the connection
      this.#lost(socketHangUp());
      this.destroy();
    });
    socket.on("error", (err: Error) => this.#lost(err));
    socket.on("close", () => {
      if (!this.closed) {
        this.closed = true;
        this.#lost(socketHangUp());
        this.#pool.closed(this);
      }
    });
  }

  start(pending: Pending): void {
    this.#pending = pending;
    pending.connection = this;
    this.#parser.expect(pending.exchange.method);
    const socket = this.#socket;
    if (this.#reused) socket.ref();
    const { head, body, onWritten } = pending.exchange;
    // Called once the bytes reached the socket (not when queued on a socket still connecting or in its TLS handshake).
    const written = onWritten && ((err?: Error | null) => err || onWritten());
    if (body === undefined || body.length === 0) socket.write(head, "latin1", written);
    else {
      socket.cork();
      socket.write(head, "latin1");
      socket.write(body, written);
      socket.uncork();
    }
  }

  /** When, idle in the pool, it is to be closed (performance.now() ms: a monotonic clock, which a wall-clock change does not move). */
  idleUntil = 0;

  /** Idle, waiting for the next exchange: unref'd, closed at `until` (performance.now() ms) by the pool's sweep. */
  rest(until: number): void {
    this.#reused = true;
    this.idleUntil = until;
    this.#socket.unref();
  }

  /** Open, and not given up (a destroyed socket is closed only a tick later). */
  get usable(): boolean {
    return !this.closed && !this.#socket.destroyed;
  }

  destroy(): void {
    if (this.closed) return;
    this.#parser.stop();
    this.#socket.destroy();
  }

  /** The caller gave `pending` up (an abort). */
  abandon(pending: Pending): void {
    if (this.#pending !== pending) return;
    this.#pending = undefined;
    this.#sink = null;
    this.destroy();
  }

  /** A final answer's head; false when the connection was given up meanwhile. */
  #head(head: ParsedHead): boolean {
    const pending = this.#pending;
    if (pending === undefined) return false;
    const sink = pending.exchange.onHead(head, head.hasBody, new Wire(this, pending), head.contentEncoding);
    if (this.#pending !== pending) return false; // refused (e.g. redirect: "error") or aborted meanwhile
    this.#sink = sink;
    return true;
  }

  /** What the body of `pending`'s answer may do to the connection: nothing once the exchange is over. */
  wire(pending: Pending, op: "pause" | "resume" | "destroy"): void {
    // A decoded body still runs (zlib) after its answer completed, and a Response can be aborted, cancelled or
    // collected later: by then the connection may be idle or carrying another exchange, which is not theirs to hold.
    if (this.#pending !== pending) return;
    if (op === "pause") this.#socket.pause();
    else if (op === "resume") this.#socket.resume();
    else {
      this.#pending = undefined;
      this.#sink = null;
      this.destroy();
    }
  }

  /** The answer is complete: the connection goes back to the pool (unless more bytes followed it). */
  #complete(excess: boolean): void {
    const sink = this.#sink;
    this.#sink = null;
    this.#pending = undefined;
    this.#reused = true;
    const keepAliveMs = this.#parser.keepAliveMs;
    // An answer that came before the request's body was all written (an early 401 or 413): the rest of the body
    // would go out ahead of the next request, to a server that took the exchange for over. Closed, as undici does.
    if (excess || keepAliveMs <= 0 || this.#socket.writableLength > 0) this.destroy();
    else {
      // The body's read-ahead may have paused the socket with the answer's last bytes: a paused socket would
      // hold the next exchange's answer back.
      if (this.#socket.isPaused()) this.#socket.resume();
      this.#pool.release(this, keepAliveMs);
    }
    sink?.end();
  }

  /** The answer cannot be read: the exchange fails, the connection is closed. */
  #broken(cause: Error): void {
    const pending = this.#pending;
    const sink = this.#sink;
    this.#pending = undefined;
    this.#sink = null;
    this.destroy();
    if (sink !== null) sink.fail(new TypeError("terminated", { cause }));
    else pending?.exchange.onFail(new TypeError("fetch failed", { cause }));
  }

  /** The connection ended or failed: whatever was in progress on it fails. */
  #lost(err: Error): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    const sink = this.#sink;
    this.#pending = undefined;
    this.#sink = null;
    this.#parser.stop();
    if (sink !== null) return sink.fail(new TypeError("terminated", { cause: err }));
    pending.exchange.onFail(new TypeError("fetch failed", { cause: err }));
  }
}
