// Node transport (selected by the `node` condition of `#transport`): fetch's contract — a Request in, a web
// Response out — over node:http / node:https with a keep-alive agent. On loopback it reaches the requests/s
// of a hand-written node:http client, well above Node's global fetch (undici's fetch).
//
// What it keeps from fetch:
// - the request's (or `init.signal`'s) AbortSignal: an abort before or during the exchange rejects with the
//   signal's reason and destroys the socket; an abort while the body is read errors the body stream;
// - a network failure rejects with `TypeError("fetch failed", { cause })`; a body cut short errors the stream
//   with `TypeError("terminated", { cause })`, as undici does;
// - gzip / x-gzip / deflate / br bodies are decoded (only when a server sends them anyway: no Accept-Encoding
//   is added), the Content-Encoding header stays;
// - every response header, repeated ones included (`headers.getSetCookie()` sees each Set-Cookie line);
// - a body is sent as the Request's bytes, with its Content-Length; a bodiless POST/PUT sends `Content-Length: 0`.
// What differs, on purpose: redirects are never followed (a 3xx comes back as it is, as with
// `redirect: "manual"`; `redirect: "error"` rejects), so a redirect cannot carry signed headers to another
// host; no default headers are added (no user-agent, accept, accept-language, sec-fetch-mode).
//
// node:http, node:https and node:zlib are loaded on first use (cold start), and `request` is looked up on the
// module object at call time, so MSW's node interceptor (which replaces it) applies. Idle keep-alive sockets
// are unref'd by the agent — they never keep a process alive — and closed after `freeSocketTimeoutMs`.
import { defaultMaxListeners, getMaxListeners, setMaxListeners } from "node:events";
import { createRequire } from "node:module";
import type * as Http from "node:http";
import type * as Stream from "node:stream";
import type * as Zlib from "node:zlib";
import { keptBody } from "../request-bodies.js";
import { NodeRequest } from "./node-request.js";
import { BodySource, headersFrom, nodeResponse } from "./node-response.js";
import type { Transport, TransportInit, TransportOptions } from "./types.js";

export type { Transport, TransportInit, TransportOptions } from "./types.js";

type HttpModule = typeof Http;
const load = createRequire(import.meta.url);
let httpModule: HttpModule | undefined;
let httpsModule: HttpModule | undefined;
let zlibModule: typeof Zlib | undefined;

const NULL_BODY_STATUS = new Set([204, 205, 304]);

/** A keep-alive transport with its own agents (one for http:, one for https:, each made on first use). */
export function createNodeTransport(options: TransportOptions = {}): Transport {
  const agentOptions: Http.AgentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1_000,
    maxSockets: positive(options.maxSockets, "maxSockets") ?? 64,
    maxFreeSockets: positive(options.maxFreeSockets, "maxFreeSockets") ?? 64,
    // Node's agent destroys a *free* socket idle this long (one in use only gets a 'timeout' event, unheeded).
    timeout: positive(options.freeSocketTimeoutMs, "freeSocketTimeoutMs") ?? 4_000,
    scheduling: "lifo",
  };
  let httpAgent: Http.Agent | undefined;
  let httpsAgent: Http.Agent | undefined;

  return async (input: Request, init?: TransportInit): Promise<Response> => {
    // A NodeRequest (`platformRequest`) hands over its parts as they are; a platform Request is read.
    const parts = NodeRequest.take(input);
    let request: Request | undefined;
    let url: string;
    let method: string;
    let requestHeaders: Headers;
    let signal: AbortSignal | null | undefined;
    let redirect: RequestRedirect;
    let body: Buffer | undefined;
    if (parts !== undefined) {
      ({ url, method, headers: requestHeaders, redirect } = parts);
      signal = init?.signal ?? parts.signal;
      if (signal?.aborted) throw abortReason(signal);
      body = parts.body === null ? undefined : typeof parts.body === "string" ? Buffer.from(parts.body, "utf8") : Buffer.from(parts.body.buffer, parts.body.byteOffset, parts.body.byteLength);
    } else {
      request = input instanceof Request ? input : new Request(input as unknown as string, init as RequestInit | undefined);
      ({ url, method, headers: requestHeaders, redirect } = request);
      signal = init?.signal ?? request.signal;
      if (signal?.aborted) throw abortReason(signal);
      body = request.body === null ? undefined : await bodyBytes(request, request.body);
      if (signal?.aborted) throw abortReason(signal);
    }
    if (init?.redirect !== undefined) redirect = init.redirect;
    const target = splitUrl(url);
    let mod: HttpModule;
    let agent: Http.Agent;
    if (target.protocol === "https:") {
      mod = httpsModule ??= load("node:https") as HttpModule;
      agent = httpsAgent ??= new mod.Agent(agentOptions);
    } else {
      mod = httpModule ??= load("node:http") as HttpModule;
      agent = httpAgent ??= new mod.Agent(agentOptions);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of requestHeaders) headers[name] = value;
    if (body === undefined && (method === "POST" || method === "PUT")) headers["content-length"] = "0";

    return new Promise<Response>((resolvePromise, rejectPromise) => {
      // The socket can outlive the call (keep-alive, a body read later or never) and its listeners close over
      // this scope: once settled they must not keep the promise — and through it the Response — reachable.
      let settle: [(response: Response) => void, (error: unknown) => void] | undefined = [resolvePromise, rejectPromise];
      const resolve = (response: Response) => {
        const s = settle;
        settle = undefined;
        s?.[0](response);
      };
      const reject = (error: unknown) => {
        const s = settle;
        settle = undefined;
        s?.[1](error);
      };
      let settled = false;
      let abortBody: ((reason: unknown) => void) | undefined;
      const release = () => {
        signal?.removeEventListener("abort", onAbort);
        // `request` stays reachable until here: a Request's signal only follows its parent while the Request lives.
        void request;
      };
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        release();
        reject(new TypeError("fetch failed", { cause: err }));
      };
      function onAbort() {
        const reason = abortReason(signal!);
        if (!settled) {
          settled = true;
          release();
          req.destroy();
          reject(reason);
        } else abortBody?.(reason);
      }

      // Looked up now, not at import: MSW's interceptor replaces `request` on the module object.
      const req = mod.request(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, path: target.path, method, headers, agent },
        (res) => {
          if (settled) return void res.destroy();
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 599) {
            res.destroy();
            return fail(new Error(`unsupported HTTP status ${status}`));
          }
          if (redirect === "error" && status >= 300 && status < 400 && res.headers.location !== undefined) {
            res.destroy();
            return fail(new Error("unexpected redirect"));
          }
          const statusText = res.statusMessage ?? "";
          if (method === "HEAD" || NULL_BODY_STATUS.has(status)) {
            res.resume();
            settled = true;
            release();
            return resolve(new Response(null, { status, statusText, headers: headersFrom(res.rawHeaders) }));
          }
          const encoding = res.headers["content-encoding"];
          const codings = encoding === undefined ? undefined : decodersFor(encoding);
          // Resolved at the headers, as fetch does (a size cap can refuse a body by its Content-Length before
          // reading it); the body is read when asked for, and nothing is held beyond what the reader wants.
          settled = true;
          const source = bodySource(res, codings ?? [], release);
          abortBody = (reason) => source.abort(reason);
          resolve(nodeResponse(source, { status, statusText, rawHeaders: res.rawHeaders }, url));
        },
      );
      req.on("error", fail);
      if (signal) {
        allowManyListeners(signal);
        signal.addEventListener("abort", onAbort, { once: true });
      }
      if (body === undefined) req.end();
      else req.end(body);
    });
  };
}

/**
 * The request's body bytes. A string body kept by the Request class that built it (`keptBody`) is sent
 * as it is, and the body stream cancelled (used, as a read would leave it) instead of read: reading a web
 * stream runs a chain of promise jobs.
 */
function bodyBytes(request: Request, stream: ReadableStream<Uint8Array>): Buffer | Promise<Buffer> {
  const kept = keptBody(request);
  if (kept === undefined || request.bodyUsed || stream.locked) return request.arrayBuffer().then((b) => Buffer.from(b));
  void stream.cancel().catch(() => undefined);
  return Buffer.from(kept, "utf8");
}

/** The shared default: one keep-alive agent per protocol for the process. */
export const nodeTransport: Transport = createNodeTransport();
/** What the facade sends through on this platform. */
export const platformTransport: Transport = nodeTransport;
export const transportName: "fetch" | "node:http" = "node:http";
/** `globalThis.fetch`, late-bound (the portable path, also on Node). A NodeRequest is handed over as a platform Request. */
export const fetchTransport: Transport = (input, init) => {
  const request = NodeRequest.toPlatform(input);
  return init === undefined ? globalThis.fetch(request) : globalThis.fetch(request, init as RequestInit);
};
/**
 * openapi-fetch's `Request` option to pair with `platformTransport`: on Node a lighter Request the Node
 * transport sends as it is (transport/node-request.ts); elsewhere the platform's Request.
 */
export const platformRequest: typeof Request = NodeRequest as unknown as typeof Request;
/** On Node: a keep-alive node:http transport with its own agents. */
export const createPlatformTransport: (options?: TransportOptions) => Transport = createNodeTransport;

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value > 0)) throw new TypeError(`transport: ${name} must be a number > 0`);
  return value;
}

/**
 * One signal often guards many calls at once (a batch, a request scope): each call in flight listens to it,
 * and past Node's default of 10 listeners Node would warn of a leak that is not one. undici's Request raises
 * the same cap the same way; a cap the caller set is left alone.
 */
export function allowManyListeners(signal: AbortSignal): void {
  if (getMaxListeners(signal) === defaultMaxListeners) setMaxListeners(1_500, signal);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

interface Target {
  protocol: string;
  hostname: string;
  port: string | undefined;
  path: string;
}

/**
 * `request.url` is already a serialized URL (scheme://host[:port]/path[?query][#fragment], no userinfo —
 * Request refuses it), so splitting it is enough: no second URL parse. The fragment is not sent, as with fetch.
 */
export function splitUrl(href: string): Target {
  const colon = href.indexOf(":");
  const protocol = href.slice(0, colon + 1);
  if ((protocol !== "http:" && protocol !== "https:") || href.charCodeAt(colon + 1) !== 47 || href.charCodeAt(colon + 2) !== 47) {
    throw new TypeError(`transport: only http: and https: URLs can be sent, got ${protocol || "a relative URL"}`);
  }
  const hostStart = colon + 3;
  let pathStart = hostStart;
  while (pathStart < href.length) {
    const c = href.charCodeAt(pathStart);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    pathStart++;
  }
  const authority = href.slice(hostStart, pathStart);
  let hostname = authority;
  let port: string | undefined;
  const portColon = authority.indexOf(":", authority.lastIndexOf("]") + 1);
  if (portColon >= 0) {
    hostname = authority.slice(0, portColon);
    port = authority.slice(portColon + 1) || undefined;
  }
  if (hostname.startsWith("[")) hostname = hostname.slice(1, -1);
  const hash = href.indexOf("#", pathStart);
  let path = href.slice(pathStart, hash < 0 ? href.length : hash);
  if (path === "" || path.startsWith("?")) path = `/${path}`;
  return { protocol, hostname, port, path };
}

type Coding = "gzip" | "deflate" | "br";

/** Content codings to undo, last applied first; undefined when there is nothing to undo or a coding is unknown (the body then passes as it is, like fetch). */
function decodersFor(header: string): Coding[] | undefined {
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

/** The response body, decoded through zlib stages when it has a content coding. */
function bodySource(res: Http.IncomingMessage, codings: Coding[], onEnd: () => void): BodySource {
  const stages: Stream.Transform[] = [];
  let source: NodeJS.ReadableStream & { destroy(error?: Error): unknown } = res;
  if (codings.length > 0) {
    const zlib = (zlibModule ??= load("node:zlib") as typeof Zlib);
    for (const c of codings) {
      const stage =
        c === "gzip"
          ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
          : c === "br"
            ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
            : inflate(zlib);
      // A failing stage fails the whole body (BodySource listens to the last one and to `res`).
      source.on("error", (err: Error) => stage.destroy(err));
      source = source.pipe(stage);
      stages.push(stage);
    }
  }
  return new BodySource(res, source, stages, onEnd);
}

/** `deflate` should be zlib-wrapped (RFC 9110), but some servers send raw deflate: decided on the first byte, as undici does. */
function inflate(zlib: typeof Zlib): Stream.Transform {
  const { Transform } = load("node:stream") as typeof Stream;
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
