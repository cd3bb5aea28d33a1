// The Node transport's Response: a `Response` (instanceof, status, headers, every member) whose body is read
// ahead into memory when small (BodySource) and never turned into a web stream unless asked for. `text()`,
// `json()`, `arrayBuffer()` and `bytes()` collect the bytes directly; `body`, `clone()`, `blob()` and `formData()`
// turn it into a web stream and hand over to a plain Response.
//
// Why: in Node 20 a stream-backed Response costs far more per request than the rest of an exchange — every
// ReadableStream is made transferable (a native object per stream) and reading one runs a chain of promise
// jobs; measured on this repo's loopback benchmark, building and reading one costs ≈ 80 µs of CPU per call
// on top of ≈ 100 µs for the whole node:http exchange. API answers are small and read whole, so the stream
// is made only for the callers that want one.
import type * as Http from "node:http";
import type * as Stream from "node:stream";

type Source = NodeJS.ReadableStream & { destroy(error?: Error): unknown };

/**
 * Bytes of a body read ahead, before anyone asks, so the socket goes back to the pool as soon as the answer
 * is in — read or not. API answers are far smaller; a longer body stops here and waits for a reader.
 */
export const READ_AHEAD_BYTES = 64 * 1024;

/**
 * The body of one response, consumed once: whole (`all`) or as a web stream (`stream`).
 *
 * It is read ahead from the start, up to READ_AHEAD_BYTES: a typical answer is then complete (and its socket
 * free) before the caller reads it, and an answer dropped unread needs nothing from the garbage collector.
 * A body that goes past that is paused (`held`) until a reader asks, so what nobody reads is not downloaded;
 * only then does the Response register for clean-up when collected unread (`onHold`).
 */
export class BodySource {
  readonly #res: Http.IncomingMessage;
  readonly #source: Source;
  readonly #stages: readonly Stream.Transform[];
  readonly #onEnd: () => void;
  #failure: { error: unknown } | undefined;
  /** No more events matter: the body arrived whole, failed, or was given up. */
  #finished = false;
  /** Read ahead so far (until a reader takes over). */
  #chunks: Buffer[] = [];
  #size = 0;
  #held = false;
  /** The reader once there is one: `all()`'s promise, or `stream()`'s controller. */
  #reader:
    | { kind: "all"; resolve: (bytes: Buffer) => void; reject: (error: unknown) => void }
    | { kind: "stream"; controller: ReadableStreamDefaultController<Uint8Array> }
    | undefined;
  /** Set by the Response: called once if reading ahead stops before the end with nobody reading. */
  onHold: (() => void) | undefined;

  constructor(res: Http.IncomingMessage, source: Source, stages: readonly Stream.Transform[], onEnd: () => void) {
    this.#res = res;
    this.#source = source;
    this.#stages = stages;
    this.#onEnd = onEnd;
    // `Content-Length: 0` (a bodiless 200, a CSRF handshake): nothing to wait for.
    if (stages.length === 0 && res.headers["content-length"] === "0") {
      this.#finished = true;
      res.resume();
      onEnd();
      return;
    }
    // Listening from the start: a failure before anyone reads is kept for the reader, never unhandled.
    const onError = (err: unknown) => this.#fail(new TypeError("terminated", { cause: err }));
    res.on("error", onError);
    if (source !== res) source.on("error", onError);
    res.on("close", () => {
      if (!res.complete) onError(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    });
    source.on("data", (chunk: Buffer) => this.#data(chunk));
    source.on("end", () => this.#end());
    // A declared length past the read-ahead: wait for a reader from the first byte.
    const declared = stages.length === 0 ? Number(res.headers["content-length"]) : Number.NaN;
    if (declared > READ_AHEAD_BYTES) this.#hold();
  }

  /** Ends the body with `error` (abort reason or network failure) unless it already ended. */
  abort(error: unknown): void {
    this.#fail(error);
  }

  /** The Response was garbage-collected unread: its socket cannot be reused, close it. */
  discard(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#destroy();
    this.#onEnd();
  }

  #hold(): void {
    this.#held = true;
    this.#source.pause();
    const onHold = this.onHold;
    this.onHold = undefined; // it holds the Response: dropped, so the Response can be collected
    onHold?.();
  }

  /** Paused, waiting for a reader (the body is longer than the read-ahead). */
  get held(): boolean {
    return this.#held && !this.#finished;
  }

  #data(chunk: Buffer): void {
    if (this.#finished) return;
    const reader = this.#reader;
    if (reader?.kind === "stream") {
      reader.controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if ((reader.controller.desiredSize ?? 0) <= 0) this.#source.pause();
      return;
    }
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    if (reader === undefined && !this.#held && this.#size > READ_AHEAD_BYTES) this.#hold();
  }

  #end(): void {
    if (this.#finished) return;
    if (!this.#res.complete) return this.#fail(new TypeError("terminated", { cause: new Error("response body incomplete") }));
    this.#finished = true;
    this.#onEnd();
    const reader = this.#reader;
    if (reader?.kind === "all") reader.resolve(this.#whole());
    else if (reader?.kind === "stream") reader.controller.close();
  }

  #fail(error: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#failure = { error };
    this.#chunks = [];
    this.#destroy();
    this.#onEnd();
    const reader = this.#reader;
    if (reader?.kind === "all") reader.reject(error);
    else if (reader?.kind === "stream") reader.controller.error(error);
  }

  #destroy(): void {
    this.#res.destroy();
    for (const s of this.#stages) s.destroy();
  }

  #whole(): Buffer {
    const chunks = this.#chunks;
    this.#chunks = [];
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.#size);
  }

  /** The whole (decoded) body. */
  all(): Promise<Buffer> {
    if (this.#failure) return Promise.reject(this.#failure.error);
    if (this.#finished) return Promise.resolve(this.#whole());
    return new Promise<Buffer>((resolve, reject) => {
      this.#reader = { kind: "all", resolve, reject };
      if (this.#held) this.#source.resume();
    });
  }

  /** The body as a pull-based web stream: nothing is read from the socket beyond what the reader asks for. */
  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          for (const chunk of this.#chunks) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          this.#chunks = [];
          if (this.#failure) return controller.error(this.#failure.error);
          if (this.#finished) return controller.close();
          this.#reader = { kind: "stream", controller };
          this.#source.pause();
        },
        pull: () => {
          if (!this.#finished) this.#source.resume();
        },
        cancel: () => {
          if (this.#finished) return;
          this.#finished = true;
          this.#onEnd();
          this.#destroy(); // the rest is not wanted (a whole body would have finished already)
        },
      },
      { highWaterMark: 1 },
    );
  }
}

const unusable = () => new TypeError("Body is unusable: Body has already been read");

// A Response collected before its body was read would otherwise hold its socket (paused, never returned to the
// pool) for good; undici's fetch does the same for its responses.
const unread = new FinalizationRegistry<BodySource>((source) => source.discard());

/** What the transport knows of a response when its headers arrive. */
export interface NodeResponseInit {
  status: number;
  statusText: string;
  /** `IncomingMessage#rawHeaders`: name, value, name, value… as received (repeated headers included). */
  rawHeaders: readonly string[];
}

/** A Response whose body is read on demand from `source` (see the top of this file). */
export function nodeResponse(source: BodySource, init: NodeResponseInit, url: string): Response {
  return new (NodeResponseClass ??= defineNodeResponse())(source, init, url) as unknown as Response;
}

type NodeResponseConstructor = new (source: BodySource, init: NodeResponseInit, url: string) => object;
let NodeResponseClass: NodeResponseConstructor | undefined;

/** The response headers as fetch gives them: every line, in a Headers (made on first access). */
export function headersFrom(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

// Defined on first use: reading `Response` loads undici on Node (~15 ms) — at the first response instead of at
// import.
//
// Not a subclass: `super()` would run undici's Response constructor (its own Headers, body state and brand
// bookkeeping) on every call, which in a loopback profile cost more than the whole node:http exchange it wraps.
// Instead the class's prototype chains to `Response.prototype`, so `instanceof Response`, `Symbol.toStringTag`
// and the type hold, and it defines every member of Response itself (none of Response.prototype's accessors or
// methods is ever reached: they would refuse a receiver undici did not build). Until something asks for a
// stream (`body`, `clone()`, `blob()`, `formData()`), the body is read straight from the socket; from then on a
// real Response built around that stream answers every body call.
function defineNodeResponse(): NodeResponseConstructor {
  class NodeResponse {
    #source: BodySource | undefined;
    #real: Response | undefined;
    #used = false;
    #registered = false;
    #headers: Headers | undefined;
    readonly #raw: readonly string[];
    readonly #status: number;
    readonly #statusText: string;
    readonly #url: string;

    constructor(source: BodySource, init: NodeResponseInit, url: string) {
      this.#source = source;
      this.#status = init.status;
      this.#statusText = init.statusText;
      this.#raw = init.rawHeaders;
      this.#url = url;
      // Only a body still on the socket needs closing if this Response is dropped unread (see BodySource).
      if (source.held) this.#register(source);
      else source.onHold = () => this.#register(source);
    }

    get type(): ResponseType {
      return "basic";
    }
    get url(): string {
      return this.#url;
    }
    get redirected(): boolean {
      return false; // redirects are never followed
    }
    get status(): number {
      return this.#status;
    }
    get ok(): boolean {
      return this.#status >= 200 && this.#status <= 299;
    }
    get statusText(): string {
      return this.#statusText;
    }
    get headers(): Headers {
      return (this.#headers ??= headersFrom(this.#raw));
    }
    get body(): ReadableStream<Uint8Array> | null {
      return this.#stream().body;
    }
    get bodyUsed(): boolean {
      return this.#real ? this.#real.bodyUsed : this.#used;
    }

    #register(source: BodySource): void {
      this.#registered = true;
      unread.register(this, source, source);
    }

    /** A reader took the body: nothing to clean up after this Response any more. */
    #release(source: BodySource): void {
      source.onHold = undefined;
      if (this.#registered) unread.unregister(source);
    }

    /** From here on the body is a web stream inside a plain Response, which answers every body call. */
    #stream(): Response {
      if (this.#real === undefined) {
        const source = this.#source;
        this.#source = undefined;
        if (source !== undefined) this.#release(source);
        const body = source !== undefined ? source.stream() : new ReadableStream<Uint8Array>();
        this.#real = new Response(body, { status: this.#status, statusText: this.#statusText, headers: this.headers });
        if (source === undefined) void body.cancel(); // read already: a disturbed body, as a read Response has
      }
      return this.#real;
    }

    #take(): Promise<Buffer> {
      if (this.#used) return Promise.reject(unusable());
      this.#used = true;
      const source = this.#source!;
      this.#source = undefined;
      this.#release(source);
      return source.all();
    }

    text(): Promise<string> {
      if (this.#real) return this.#real.text();
      return this.#take().then(utf8);
    }

    json(): Promise<unknown> {
      if (this.#real) return this.#real.json();
      return this.#take().then((bytes) => JSON.parse(utf8(bytes)) as unknown);
    }

    arrayBuffer(): Promise<ArrayBuffer> {
      if (this.#real) return this.#real.arrayBuffer();
      return this.#take().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    }

    bytes(): Promise<Uint8Array<ArrayBuffer>> {
      if (this.#real) return this.#real.arrayBuffer().then((b) => new Uint8Array(b)); // (Response#bytes is missing before Node 20.16)
      return this.#take().then((b) => new Uint8Array(b));
    }

    blob(): Promise<Blob> {
      return this.#stream().blob();
    }

    formData(): Promise<FormData> {
      return this.#stream().formData();
    }

    clone(): Response {
      if (this.#used && this.#real === undefined) throw new TypeError("Response.clone: Body has already been consumed.");
      return this.#stream().clone();
    }

    /** As `util.inspect` shows a fetch Response, without turning the body into a stream to show it. */
    [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: { stylize?: unknown }, inspect: (value: unknown, options?: unknown) => string): string {
      const shown = { status: this.status, statusText: this.statusText, headers: this.headers, bodyUsed: this.bodyUsed, ok: this.ok, redirected: false, type: this.type, url: this.url };
      return `Response ${inspect(shown, { ...options, depth: depth < 0 ? null : depth })}`;
    }
  }
  Object.setPrototypeOf(NodeResponse.prototype, Response.prototype);
  return NodeResponse;
}

/** UTF-8 decode as fetch does: a leading BOM is dropped, invalid sequences become U+FFFD. */
function utf8(bytes: Buffer): string {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.toString("utf8", 3) : bytes.toString("utf8");
}
