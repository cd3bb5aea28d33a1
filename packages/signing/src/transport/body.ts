// The Node transport's response bodies: bytes arriving from a connection (or from node:http's IncomingMessage,
// when an interceptor replaced `http.request`) become the ReadableStream of a real `Response`.
//
// A body is read ahead, before anyone asks, up to READ_AHEAD_BYTES: a typical API answer is then complete (and
// its socket back in the pool) whether or not it is ever read. A longer body stops there and waits for a reader
// (`held`); only such a body needs closing if its Response is dropped unread (see `respond`).
import type * as Zlib from "node:zlib";
import type * as Stream from "node:stream";

/** Bytes of a body read before anyone asks for them. API answers are far smaller. */
export const READ_AHEAD_BYTES = 64 * 1024;

/** Where a body's bytes come from: the connection (or IncomingMessage) it arrives on. */
export interface Wire {
  pause(): void;
  resume(): void;
  /** Gives the connection up: the rest of the body is not wanted, or it failed. */
  destroy(): void;
}

// A Response collected before its held body was read would hold its connection (paused, never back in the
// pool) for good; undici's fetch does the same for its own responses. Only held bodies are registered: a
// registry call per response (even an unregister of something never registered) makes V8 keep each response's
// objects through young-generation collections, which costs more than the rest of the exchange.
const unread = new FinalizationRegistry<BodySource>((source) => source.discard());

/**
 * One response body, buffered up to the read-ahead, then handed out through a pull-based ReadableStream: each
 * pull takes everything buffered so far (a small body is one chunk), or waits for the next bytes.
 */
export class BodySource {
  readonly #wire: Wire;
  #chunks: Buffer[] = [];
  #size = 0;
  /** The body arrived whole (`end`) or failed; nothing more comes from the wire. */
  #finished = false;
  #failure: { error: unknown } | undefined;
  #held = false;
  /** A reader is waiting for bytes (the stream's pending pull). */
  #waiting: (() => void) | undefined;
  /** Called once when reading ahead stops with nobody reading (the Response then needs a clean-up if dropped). */
  onHold: (() => void) | undefined;
  /** Called once when the body has been read whole, failed or given up (the socket is free or gone). */
  onDone: (() => void) | undefined;
  /** Registered for clean-up with the Response that reads it (see `unread`). */
  #watched = false;

  constructor(wire: Wire) {
    this.#wire = wire;
  }

  get held(): boolean {
    return this.#held && !this.#finished;
  }

  push(chunk: Buffer): void {
    if (this.#finished) return;
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    if (this.#waiting !== undefined) return this.#wake();
    if (!this.#held && this.#size > READ_AHEAD_BYTES) {
      this.#held = true;
      this.#wire.pause();
      const onHold = this.onHold;
      this.onHold = undefined;
      onHold?.();
    }
  }

  end(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#done();
    this.#wake();
  }

  /** Ends the body with `error` (abort reason, network failure) unless it already ended. */
  fail(error: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#failure = { error };
    this.#chunks = [];
    this.#wire.destroy();
    this.#done();
    this.#wake();
  }

  /** Its Response was garbage-collected unread: the rest cannot be read, so the connection cannot be reused. */
  discard(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#chunks = [];
    this.#wire.destroy();
    this.#done();
  }

  /** Closes the connection if `response` is collected before this body is read (a held body only). */
  watch(response: Response): void {
    this.#watched = true;
    unread.register(response, this, this);
  }

  #done(): void {
    this.onHold = undefined;
    if (this.#watched) unread.unregister(this);
    const onDone = this.onDone;
    this.onDone = undefined;
    onDone?.();
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }

  /** The body as a ReadableStream (one per body). */
  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          if (this.#take(controller)) return;
          // Nothing buffered yet: wait for the next bytes (reading resumes if it was held).
          return new Promise<void>((resolve) => {
            this.#waiting = () => {
              this.#take(controller);
              resolve();
            };
            if (this.#held) {
              this.#held = false;
              this.#wire.resume();
            }
          });
        },
        cancel: () => {
          if (this.#finished) return;
          this.#finished = true;
          this.#chunks = [];
          this.#wire.destroy(); // the rest is not wanted (a whole body would have finished already)
          this.#done();
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** Moves what is buffered into the stream (and closes or errors it at the end); false when there was nothing to do. */
  #take(controller: ReadableStreamDefaultController<Uint8Array>): boolean {
    if (this.#chunks.length > 0) {
      const chunks = this.#chunks;
      const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.#size);
      this.#chunks = [];
      this.#size = 0;
      controller.enqueue(new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength));
      if (this.#finished && this.#failure === undefined) controller.close();
      else if (this.#held) {
        this.#held = false;
        this.#wire.resume();
      }
      return true;
    }
    if (this.#failure) {
      controller.error(this.#failure.error);
      return true;
    }
    if (this.#finished) {
      controller.close();
      return true;
    }
    return false;
  }
}

export interface ResponseHead {
  status: number;
  statusText: string;
  /** name, value, name, value… as received (repeated headers included). */
  rawHeaders: readonly string[];
}

/** A platform Response for `head`, its body read from `source` (null: no body). */
export function respond(head: ResponseHead, source: BodySource | null): Response {
  const response = new Response(source === null ? null : source.stream(), { status: head.status, statusText: head.statusText });
  // Appended to the Response's own Headers: no second Headers object copied into it.
  const headers = response.headers;
  const raw = head.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  if (source !== null) {
    if (source.held) source.watch(response);
    else source.onHold = () => source.watch(response); // dropped once the body is held or done
  }
  return response;
}

/** `statusText` as a Response accepts it (a reason phrase: tab, space, visible characters); anything else is dropped. */
export function reasonPhrase(text: string): string {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(text) ? text : "";
}

type Coding = "gzip" | "deflate" | "br";

/**
 * Content codings to undo, last applied first; undefined when there is nothing to undo or a coding is unknown
 * (the body then passes as it is, like fetch). No Accept-Encoding is sent: only a server that compresses anyway
 * takes this path.
 */
export function decodersFor(header: string | undefined): Coding[] | undefined {
  if (header === undefined) return undefined;
  const list = header.toLowerCase().split(",");
  const out: Coding[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!.trim();
    if (c === "" || c === "identity") continue;
    if (c === "gzip" || c === "x-gzip") out.push("gzip");
    else if (c === "deflate") out.push("deflate");
    else if (c === "br") out.push("br");
    else return undefined;
  }
  return out.length === 0 || out.length > 5 ? undefined : out;
}

export interface Decoder {
  write(chunk: Buffer): void;
  end(): void;
  destroy(): void;
}

/**
 * zlib stages that undo `codings` and feed `source`; a stage that fails fails the body. Backpressure: the
 * stages buffer what arrives while the source holds the wire paused.
 */
export function decoder(zlib: typeof Zlib, transform: typeof Stream.Transform, codings: Coding[], source: BodySource): Decoder {
  const options = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const stages: Stream.Transform[] = codings.map((c) =>
    c === "gzip"
      ? zlib.createGunzip(options)
      : c === "br"
        ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
        : inflate(zlib, transform),
  );
  const fail = (err: Error) => source.fail(new TypeError("terminated", { cause: err }));
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i]!;
    stage.on("error", fail);
    if (i + 1 < stages.length) stage.pipe(stages[i + 1]!);
  }
  const last = stages[stages.length - 1]!;
  last.on("data", (chunk: Buffer) => source.push(chunk));
  last.on("end", () => source.end());
  return {
    write: (chunk) => void stages[0]!.write(chunk),
    end: () => void stages[0]!.end(),
    destroy: () => {
      for (const s of stages) s.destroy();
    },
  };
}

/** `deflate` should be zlib-wrapped (RFC 9110), but some servers send raw deflate: decided on the first byte, as undici does. */
function inflate(zlib: typeof Zlib, Transform: typeof Stream.Transform): Stream.Transform {
  const options = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let inner: Zlib.Inflate | Zlib.InflateRaw | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (inner === undefined) {
        inner = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
        inner.on("data", (d: Buffer) => this.push(d));
        inner.on("error", (err) => this.destroy(err));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (inner === undefined) return callback();
      inner.once("end", () => callback());
      inner.end();
    },
  });
}
