// The HTTP/1.1 response parser of the Node transport's client (http1.ts): one answer at a time, fed bytes as they
// arrive. It knows nothing of sockets; the connection that owns it feeds it and acts on its events.
import { reasonPhrase, type ResponseHead } from "./body.js";
import { INVALID_HTTP_RESPONSE } from "./types.js";

/** Largest response head (status line and headers) accepted, as node:http's default `maxHeaderSize`. */
const MAX_HEAD_BYTES = 16 * 1024;
/** Largest chunk-size or trailer line accepted. */
const MAX_LINE_BYTES = 4 * 1024;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The fields the parser reads for itself: an obs-fold in one of them is refused, not unfolded. */
const FRAMING = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "content-encoding"]);
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: ([^\r\n]*))?$/;
const HTTP_PREFIX = Buffer.from("HTTP/1.", "latin1");

/** The bytes so far could begin a status line (the first of them are "HTTP/1."). */
function startsAsHttp(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, HTTP_PREFIX.length);
  return bytes.compare(HTTP_PREFIX, 0, n, 0, n) === 0;
}

const enum Mode {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
  Idle,
}

/** A final answer's head, as the parser read it. */
export interface ParsedHead extends ResponseHead {
  /** Body bytes follow (false: HEAD, 204, 304, Content-Length: 0). */
  hasBody: boolean;
  contentEncoding: string | undefined;
}

export interface ParserEvents {
  /** A final (non-1xx) head: returns false when parsing must stop (the connection was given up). */
  head(head: ParsedHead): boolean;
  body(chunk: Buffer): void;
  /** The answer is complete; `excess`: more bytes followed it on the connection. */
  complete(excess: boolean): void;
  /** The bytes are not a valid answer. */
  broken(cause: Error): void;
  /** Bytes arrived when no answer was expected. */
  unexpected(): void;
}

/**
 * The answer to one request at a time, fed as bytes arrive (any split): status line, headers (1xx answers
 * skipped), then a body framed by Content-Length, chunked transfer coding (trailers read and dropped) or the end
 * of the connection (RFC 9112 §6.3).
 */
export class ResponseParser {
  readonly #events: ParserEvents;
  #mode = Mode.Idle;
  #method = "GET";
  #buffer: Buffer | undefined;
  #remaining = 0;
  /** How long the connection may idle after this answer (0: it must be closed). */
  keepAliveMs = 0;

  constructor(events: ParserEvents) {
    this.#events = events;
  }

  /** A request with `method` was sent: the next bytes are its answer. */
  expect(method: string): void {
    this.#method = method;
    this.#mode = Mode.Head;
    this.#buffer = undefined;
    this.keepAliveMs = 0;
  }

  /** Nothing more is parsed until the next `expect`. */
  stop(): void {
    this.#mode = Mode.Idle;
    this.#buffer = undefined;
  }

  /** The connection ended: true when that completes the answer (a body that runs to the end of the connection). */
  end(): boolean {
    if (this.#mode !== Mode.UntilClose) return false;
    this.#mode = Mode.Idle;
    this.#events.complete(false);
    return true;
  }

  feed(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      switch (this.#mode) {
        case Mode.Head: {
          const buffered = this.#buffer === undefined ? data : Buffer.concat([this.#buffer, data]);
          const from = this.#buffer === undefined ? 0 : Math.max(0, this.#buffer.length - 3);
          const end = buffered.indexOf("\r\n\r\n", from, "latin1");
          if (end < 0) {
            // Something that is no HTTP at all (an SMTP or SSH banner, a TLS alert on a plain-HTTP port) is refused
            // as it starts, not waited on for a CRLF CRLF that may never come.
            if (!startsAsHttp(buffered)) return this.#broken("the answer does not start with HTTP/1.");
            if (buffered.length > MAX_HEAD_BYTES) return this.#broken("response head too large");
            // A line ended by LF alone: the CRLF CRLF that ends the head may never come (node:http and fetch refuse it too).
            if (bareLf(buffered, from, buffered.length)) return this.#broken("response head line ends with LF, not CRLF");
            this.#buffer = buffered;
            return;
          }
          // Nor before a CRLF CRLF: the LF would end up inside a header value.
          if (bareLf(buffered, 0, end)) return this.#broken("response head line ends with LF, not CRLF");
          this.#buffer = undefined;
          data = buffered.subarray(end + 4);
          if (!this.#head(buffered.toString("latin1", 0, end), data.length > 0)) return;
          break;
        }
        case Mode.Length:
        case Mode.ChunkData: {
          const n = Math.min(this.#remaining, data.length);
          this.#events.body(n === data.length ? data : data.subarray(0, n));
          this.#remaining -= n;
          data = data.subarray(n);
          if (this.#remaining === 0) {
            if (this.#mode === Mode.ChunkData) this.#mode = Mode.ChunkEnd;
            else return this.#complete(data.length > 0);
          }
          break;
        }
        case Mode.ChunkEnd: {
          // Exactly CRLF after a chunk's data.
          const buffered = this.#buffer === undefined ? data : Buffer.concat([this.#buffer, data]);
          if (buffered[0] !== 13 || (buffered.length > 1 && buffered[1] !== 10)) return this.#broken("invalid chunk end");
          if (buffered.length < 2) {
            this.#buffer = buffered;
            return;
          }
          this.#buffer = undefined;
          data = buffered.subarray(2);
          this.#mode = Mode.ChunkSize;
          break;
        }
        case Mode.ChunkSize:
        case Mode.Trailers: {
          const buffered = this.#buffer === undefined ? data : Buffer.concat([this.#buffer, data]);
          const from = this.#buffer === undefined ? 0 : Math.max(0, this.#buffer.length - 1);
          const end = buffered.indexOf("\r\n", from, "latin1");
          if (end < 0) {
            if (buffered.length > MAX_LINE_BYTES) return this.#broken("chunk line too long");
            if (bareLf(buffered, from, buffered.length)) return this.#broken("chunk line ends with LF, not CRLF");
            this.#buffer = buffered;
            return;
          }
          if (bareLf(buffered, 0, end)) return this.#broken("chunk line ends with LF, not CRLF");
          this.#buffer = undefined;
          data = buffered.subarray(end + 2);
          if (!this.#chunkLine(buffered.toString("latin1", 0, end), data.length > 0)) return;
          break;
        }
        case Mode.UntilClose:
          this.#events.body(data);
          return;
        case Mode.Idle:
          this.#events.unexpected();
          return;
      }
    }
  }

  #complete(excess: boolean): void {
    this.#mode = Mode.Idle;
    this.#events.complete(excess);
  }

  #broken(what: string): void {
    this.stop();
    this.#events.broken(Object.assign(new Error(what), { code: INVALID_HTTP_RESPONSE }));
  }

  /** Reads a chunk-size or trailer line; false when parsing stops (the answer ended or broke). */
  #chunkLine(text: string, more: boolean): boolean {
    if (this.#mode === Mode.Trailers) {
      if (text !== "") return true; // trailer fields are read and dropped, as fetch does
      this.#complete(more);
      return false;
    }
    const semicolon = text.indexOf(";");
    const size = trimOws(semicolon < 0 ? text : text.slice(0, semicolon));
    if (!/^[0-9a-fA-F]{1,12}$/.test(size)) {
      this.#broken("invalid chunk size");
      return false;
    }
    this.#remaining = parseInt(size, 16);
    this.#mode = this.#remaining === 0 ? Mode.Trailers : Mode.ChunkData;
    return true;
  }

  /** Reads a complete head; false when parsing stops (broken, given up, or an answer without a body ended). */
  #head(text: string, more: boolean): boolean {
    const lineEnd = text.indexOf("\r\n");
    const statusLine = STATUS_LINE.exec(lineEnd < 0 ? text : text.slice(0, lineEnd));
    if (statusLine === null) {
      this.#broken("invalid HTTP status line");
      return false;
    }
    const minor = statusLine[1]!;
    const status = Number(statusLine[2]);
    const rawHeaders: string[] = [];
    let contentLength: string | undefined;
    let transferEncoding: string | undefined;
    let connection = "";
    let keepAlive: string | undefined;
    let contentEncoding: string | undefined;
    let at = lineEnd;
    while (at >= 0 && at < text.length) {
      const next = text.indexOf("\r\n", at + 2);
      const line = text.slice(at + 2, next < 0 ? text.length : next);
      at = next;
      const first = line.charCodeAt(0);
      if (first === 32 || first === 9) {
        // obs-fold: a user agent must replace it with SP and keep the field (RFC 9112 §5.2), as undici does. Not
        // after the status line, nor in a field this parser acts on (framing, connection, coding): refused there.
        const last = rawHeaders.length - 2;
        if (last < 0 || FRAMING.has(rawHeaders[last]!.toLowerCase())) {
          this.#broken("invalid response header line");
          return false;
        }
        const folded = trimOws(line);
        if (folded !== "") rawHeaders[last + 1] = rawHeaders[last + 1] === "" ? folded : `${rawHeaders[last + 1]} ${folded}`;
        continue;
      }
      const colon = line.indexOf(":");
      const name = colon > 0 ? line.slice(0, colon) : "";
      if (!TOKEN.test(name)) {
        this.#broken("invalid response header line");
        return false;
      }
      const value = trimOws(line.slice(colon + 1));
      rawHeaders.push(name, value);
      switch (name.length === 10 || name.length === 14 || name.length === 16 || name.length === 17 ? name.toLowerCase() : "") {
        case "content-length":
          contentLength = contentLength === undefined ? value : `${contentLength},${value}`;
          break;
        case "transfer-encoding":
          transferEncoding = transferEncoding === undefined ? value : `${transferEncoding},${value}`;
          break;
        case "connection":
          connection += `,${value.toLowerCase()}`;
          break;
        case "keep-alive":
          keepAlive = value;
          break;
        case "content-encoding":
          contentEncoding = contentEncoding === undefined ? value : `${contentEncoding}, ${value}`;
          break;
      }
    }
    if (status >= 100 && status < 200) {
      // Informational (100 Continue, 103 Early Hints): the real answer follows on the same connection.
      if (status !== 101) return true;
      this.#broken("unexpected 101 Switching Protocols");
      return false;
    }
    if (status < 200 || status > 599) {
      this.#broken(`unsupported HTTP status ${status}`);
      return false;
    }

    let persistent = minor === "1" ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    let mode: Mode;
    if (this.#method === "HEAD" || status === 204 || status === 304) mode = Mode.Idle;
    else if (transferEncoding !== undefined) {
      // Both framings: a sign of response splitting (RFC 9112 §6.3), refused as undici refuses it; read by
      // Transfer-Encoding, its body would run past the Content-Length a reader trusts to bound it.
      if (contentLength !== undefined) {
        this.#broken("both Content-Length and Transfer-Encoding");
        return false;
      }
      // Chunked when it is the last coding; otherwise the body runs to the end of the connection.
      mode = /(^|,)\s*chunked\s*$/i.test(transferEncoding) ? Mode.ChunkSize : Mode.UntilClose;
    } else if (contentLength !== undefined) {
      const length = parseContentLength(contentLength);
      if (length === undefined) {
        this.#broken("invalid Content-Length");
        return false;
      }
      this.#remaining = length;
      mode = length === 0 ? Mode.Idle : Mode.Length;
    } else mode = Mode.UntilClose;
    if (mode === Mode.UntilClose) persistent = false;
    this.keepAliveMs = persistent ? keepAliveHint(keepAlive) : 0;
    this.#mode = mode;
    const hasBody = mode !== Mode.Idle;
    if (!this.#events.head({ status, statusText: reasonPhrase(statusLine[3] ?? ""), rawHeaders, hasBody, contentEncoding })) {
      this.stop();
      return false;
    }
    if (hasBody) return true;
    this.#complete(more);
    return false;
  }
}

function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value.charCodeAt(start) === 32 || value.charCodeAt(start) === 9)) start++;
  while (end > start && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** Whether the comma-separated, lower-case `list` has `token` as one of its elements. */
function hasToken(list: string, token: string): boolean {
  for (let at = list.indexOf(token); at >= 0; at = list.indexOf(token, at + 1)) {
    let before = at - 1;
    while (before >= 0 && (list.charCodeAt(before) === 32 || list.charCodeAt(before) === 9)) before--;
    let after = at + token.length;
    while (after < list.length && (list.charCodeAt(after) === 32 || list.charCodeAt(after) === 9)) after++;
    if ((before < 0 || list.charCodeAt(before) === 44) && (after === list.length || list.charCodeAt(after) === 44)) return true;
  }
  return false;
}

/** One length, or repeated identical ones (RFC 9110 §8.6); anything else is invalid. */
function parseContentLength(value: string): number | undefined {
  let length: number | undefined;
  for (const part of value.split(",")) {
    const v = part.trim();
    if (!/^\d{1,15}$/.test(v)) return undefined;
    const n = Number(v);
    if (length !== undefined && n !== length) return undefined;
    length = n;
  }
  return length;
}

/** How long the server keeps an idle connection open, by its `Keep-Alive: timeout=N` (a second less, as node:http does). */
function keepAliveHint(header: string | undefined): number {
  const m = header === undefined ? null : /(?:^|,)\s*timeout=(\d+)/i.exec(header);
  return m === null ? Number.POSITIVE_INFINITY : Number(m[1]) * 1_000 - 1_000;
}

/** An LF in [from, to) that no CR precedes. */
function bareLf(bytes: Buffer, from: number, to: number): boolean {
  for (let i = bytes.indexOf(10, from); i >= 0 && i < to; i = bytes.indexOf(10, i + 1)) if (i === 0 || bytes[i - 1] !== 13) return true;
  return false;
}
