// The Node transport's Response: a real `Response` (instanceof, status, headers) whose body is read from the
// socket only when asked for. `text()`, `json()`, `arrayBuffer()` and `bytes()` collect the bytes directly;
// `body`, `clone()`, `blob()` and `formData()` turn it into a web stream and hand over to a plain Response.
//
// Why: in Node 20 a stream-backed Response costs far more per request than the rest of an exchange — every
// ReadableStream is made transferable (a native object per stream) and reading one runs a chain of promise
// jobs; measured on this repo's loopback benchmark, building and reading one costs ≈ 80 µs of CPU per call
// on top of ≈ 100 µs for the whole node:http exchange. API answers are small and read whole, so the stream
// is made only for the callers that want one.
import type * as Http from "node:http";
import type * as Stream from "node:stream";

type Source = NodeJS.ReadableStream & { destroy(error?: Error): unknown };

/** The body of one response, consumed once: whole (`all`) or as a web stream (`stream`). */
export class BodySource {
  readonly #res: Http.IncomingMessage;
  readonly #source: Source;
  readonly #stages: readonly Stream.Transform[];
  readonly #onEnd: () => void;
  #failure: { error: unknown } | undefined;
  #settle: ((error: unknown) => void) | undefined;
  #finished = false;

  readonly #empty: boolean;

  constructor(res: Http.IncomingMessage, source: Source, stages: readonly Stream.Transform[], onEnd: () => void) {
    this.#res = res;
    this.#source = source;
    this.#stages = stages;
    this.#onEnd = onEnd;
    // `Content-Length: 0` (a bodiless 200, a CSRF handshake): nothing to wait for, the socket goes back to the
    // pool now even if nobody reads the (empty) body.
    this.#empty = stages.length === 0 && res.headers["content-length"] === "0";
    if (this.#empty) {
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
  }

  /** Ends the body with `error` (abort reason or network failure) unless it already ended. */
  abort(error: unknown): void {
    this.#fail(error);
  }

  /** The Response was garbage-collected unread: its socket cannot be reused, close it. */
  discard(): void {
    if (this.#succeed()) this.#destroy();
  }

  #fail(error: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#failure = { error };
    this.#destroy();
    this.#onEnd();
    this.#settle?.(error);
  }

  #destroy(): void {
    this.#res.destroy();
    for (const s of this.#stages) s.destroy();
  }

  #succeed(): boolean {
    if (this.#finished) return false;
    this.#finished = true;
    this.#onEnd();
    return true;
  }

  /** The whole (decoded) body. */
  all(): Promise<Buffer> {
    if (this.#empty) return Promise.resolve(Buffer.alloc(0));
    if (this.#failure) return Promise.reject(this.#failure.error);
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      this.#settle = reject;
      const source = this.#source;
      source.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      source.on("end", () => {
        if (!this.#res.complete) return this.#fail(new TypeError("terminated", { cause: new Error("response body incomplete") }));
        if (this.#succeed()) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      });
      source.resume();
    });
  }

  /** The body as a pull-based web stream: nothing is read from the socket beyond what the reader asks for. */
  stream(): ReadableStream<Uint8Array> {
    const source = this.#source;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          controller = c;
          if (this.#empty) return c.close();
          if (this.#failure) return c.error(this.#failure.error);
          this.#settle = (error) => controller.error(error);
          source.on("data", (chunk: Buffer) => {
            if (this.#finished) return;
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) source.pause();
          });
          source.on("end", () => {
            if (!this.#res.complete) return this.#fail(new TypeError("terminated", { cause: new Error("response body incomplete") }));
            if (this.#succeed()) controller.close();
          });
          source.pause();
        },
        pull: () => {
          source.resume();
        },
        cancel: () => {
          if (!this.#succeed()) return;
          // Everything arrived already: drain it and keep the socket; otherwise the rest is not wanted.
          if (this.#res.complete && this.#stages.length === 0) this.#res.resume();
          else this.#destroy();
        },
      },
      { highWaterMark: 1 },
    );
    return stream;
  }
}

const unusable = () => new TypeError("Body is unusable: Body has already been read");

// A Response collected before its body was read would otherwise hold its socket (paused, never returned to the
// pool) for good; undici's fetch does the same for its responses.
const unread = new FinalizationRegistry<BodySource>((source) => source.discard());

/** A Response whose body is read on demand from `source` (see the top of this file). */
export function nodeResponse(source: BodySource, init: ResponseInit, url: string): Response {
  return new (NodeResponseClass ??= defineNodeResponse())(source, init, url);
}

type NodeResponseConstructor = new (source: BodySource, init: ResponseInit, url: string) => Response;
let NodeResponseClass: NodeResponseConstructor | undefined;

// Defined on first use: `extends Response` reads the global, and on Node that loads undici (~15 ms) — at the
// first response instead of at import.
function defineNodeResponse(): NodeResponseConstructor {
  class NodeResponse extends Response {
    #source: BodySource | undefined;
    #real: Response | undefined;
    #used = false;
    readonly #url: string;

    constructor(source: BodySource, init: ResponseInit, url: string) {
      super(null, init);
      this.#source = source;
      this.#url = url;
      unread.register(this, source, source);
    }

    static {
      // Accessors of Response's prototype, overridden here (TypeScript declares them as properties).
      Object.defineProperties(this.prototype, {
        body: {
          configurable: true,
          get(this: NodeResponse): ReadableStream<Uint8Array> | null {
            return this.#stream().body;
          },
        },
        bodyUsed: {
          configurable: true,
          get(this: NodeResponse): boolean {
            return this.#real ? this.#real.bodyUsed : this.#used;
          },
        },
        url: {
          configurable: true,
          get(this: NodeResponse): string {
            return this.#url;
          },
        },
      });
    }

    /** From here on the body is a web stream inside a plain Response, which answers every body call. */
    #stream(): Response {
      if (this.#real === undefined) {
        const source = this.#source;
        this.#source = undefined;
        if (source !== undefined) unread.unregister(source);
        const body = source !== undefined ? source.stream() : new ReadableStream<Uint8Array>();
        this.#real = new Response(body, { status: this.status, statusText: this.statusText, headers: this.headers });
        if (source === undefined) void body.cancel(); // read already: a disturbed body, as a read Response has
      }
      return this.#real;
    }

    #take(): Promise<Buffer> {
      if (this.#used) return Promise.reject(unusable());
      this.#used = true;
      const source = this.#source!;
      this.#source = undefined;
      unread.unregister(source);
      return source.all();
    }

    override text(): Promise<string> {
      if (this.#real) return this.#real.text();
      return this.#take().then(utf8);
    }

    override json(): Promise<unknown> {
      if (this.#real) return this.#real.json();
      return this.#take().then((bytes) => JSON.parse(utf8(bytes)) as unknown);
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      if (this.#real) return this.#real.arrayBuffer();
      return this.#take().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      if (this.#real) return this.#real.arrayBuffer().then((b) => new Uint8Array(b)); // (Response#bytes is missing before Node 20.16)
      return this.#take().then((b) => new Uint8Array(b));
    }

    override blob(): Promise<Blob> {
      return this.#stream().blob();
    }

    override formData(): Promise<FormData> {
      return this.#stream().formData();
    }

    override clone(): Response {
      if (this.#used && this.#real === undefined) throw new TypeError("Response.clone: Body has already been consumed.");
      return this.#stream().clone();
    }
  }
  return NodeResponse;
}

/** UTF-8 decode as fetch does: a leading BOM is dropped, invalid sequences become U+FFFD. */
function utf8(bytes: Buffer): string {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.toString("utf8", 3) : bytes.toString("utf8");
}
