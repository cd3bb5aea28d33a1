// Node transport (selected by the `node` condition of `#transport`): fetch's contract — a Request in, the
// platform's own Response out — over keep-alive HTTP/1.1 connections of its own (transport/http1.ts). On
// loopback it spends a fraction of the CPU per call of node:http or of Node's global fetch (undici).
//
// What it keeps from fetch:
// - the request's (or `init.signal`'s) AbortSignal: an abort before or during the exchange rejects with the
//   signal's reason and closes the connection; an abort while the body is read errors the body stream;
// - a network failure rejects with `TypeError("fetch failed", { cause })`; a body cut short errors the stream
//   with `TypeError("terminated", { cause })`, as undici does;
// - gzip / x-gzip / deflate / br bodies are decoded (only when a server sends them anyway: no Accept-Encoding
//   is added), the Content-Encoding header stays;
// - every response header, repeated ones included (`headers.getSetCookie()` sees each Set-Cookie line);
// - a body is sent as the Request's bytes, with its Content-Length; a bodiless POST/PUT/PATCH sends
//   `Content-Length: 0`.
// What differs, on purpose: redirects are never followed (a 3xx comes back as it is, as with
// `redirect: "manual"`; `redirect: "error"` rejects), so a redirect cannot carry signed headers to another
// host; no default headers are added (no user-agent, accept, accept-language, sec-fetch-mode); the Response is
// built with `new Response(…)`, so its `url` is "" and its `type` "default".
//
// When `http.request` / `https.request` is not Node's own — an interceptor such as MSW's or nock's replaced it —
// requests go through it instead (looked up per call), so the interceptor sees them as it would see node:http's.
//
// node:net, node:tls, node:http and node:zlib are loaded on first use (cold start). Idle keep-alive sockets are
// unref'd — they never keep a process alive — and closed after `freeSocketTimeoutMs`.
import { defaultMaxListeners, getMaxListeners, setMaxListeners } from "node:events";
import type * as Http from "node:http";
import type * as Net from "node:net";
import type * as Stream from "node:stream";
import type * as Tls from "node:tls";
import type * as Zlib from "node:zlib";
import { builtin } from "../node-builtins.js";
import { BodySource, decoder, decodersFor, reasonPhrase, respond, type ResponseHead } from "./body.js";
import { Http1Client, type BodySink, type Exchange, type Origin } from "./http1.js";
import { INVALID_HTTP_RESPONSE, type Transport, type TransportInit, type TransportOptions } from "./types.js";

export type { Transport, TransportInit, TransportOptions } from "./types.js";

type HttpModule = typeof Http;
let netModule: typeof Net | undefined;
let tlsModule: typeof Tls | undefined;
let httpModule: HttpModule | undefined;
let httpsModule: HttpModule | undefined;
let zlibModule: typeof Zlib | undefined;
let streamModule: typeof Stream | undefined;

const sockets = () => ({ net: (netModule ??= builtin("node:net") as typeof Net), tls: (tlsModule ??= builtin("node:tls") as typeof Tls) });

/** Request headers the transport writes itself (as fetch does), whatever the Request carries. */
const OWN_HEADERS = new Set(["host", "content-length", "connection", "keep-alive", "transfer-encoding", "upgrade"]);

/** A keep-alive transport with its own connections. */
export function createNodeTransport(options: TransportOptions = {}): Transport {
  const pools = {
    maxSockets: positive(options.maxSockets, "maxSockets") ?? 64,
    maxFreeSockets: positive(options.maxFreeSockets, "maxFreeSockets") ?? 64,
    freeSocketTimeoutMs: positive(options.freeSocketTimeoutMs, "freeSocketTimeoutMs") ?? 4_000,
  };
  const client = new Http1Client(pools, sockets);
  let agents: { http?: Http.Agent; https?: Http.Agent } | undefined;

  return (input: Request, init?: TransportInit): Promise<Response> => {
    let request: Request;
    try {
      request = input instanceof Request ? input : new Request(input as unknown as string, init as RequestInit | undefined);
    } catch (err) {
      return Promise.reject(err);
    }
    const signal = init?.signal ?? request.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const redirect = init?.redirect ?? request.redirect;
    let target: Target;
    try {
      target = splitUrl(request.url);
    } catch (err) {
      return Promise.reject(err);
    }
    const parts: Parts = { target, method: request.method, headers: request.headers, body: undefined, signal, sharedSignal: init?.signal != null, redirect, onSent: init?.onSent };
    if (request.body === null) return send(parts);
    return request.arrayBuffer().then((bytes) => {
      parts.body = Buffer.from(bytes);
      if (signal?.aborted) throw abortReason(signal);
      return send(parts);
    });
  };

  function send(parts: Parts): Promise<Response> {
    const secure = parts.target.protocol === "https:";
    const mod = secure ? (httpsModule ??= builtin("node:https") as HttpModule) : (httpModule ??= builtin("node:http") as HttpModule);
    if (replaced(mod.request)) {
      agents ??= {};
      const agent = secure ? (agents.https ??= new mod.Agent({ keepAlive: true })) : (agents.http ??= new mod.Agent({ keepAlive: true }));
      return viaHttpModule(mod, agent, parts);
    }
    return viaOwnConnections(client, parts);
  }
}

interface Parts {
  target: Target;
  method: string;
  headers: Headers;
  body: Buffer | undefined;
  signal: AbortSignal | null | undefined;
  /** The signal came from `init` (perhaps one signal over many calls), not from the Request. */
  sharedSignal: boolean;
  redirect: "follow" | "error" | "manual";
  onSent: (() => void) | undefined;
}

function bodilessLength(method: string): boolean {
  return method === "POST" || method === "PUT" || method === "PATCH";
}

/** Settles one call: the Response at the answer's head, its body through a BodySource; aborts as fetch has them. */
class Call {
  readonly #parts: Parts;
  // Dropped once settled: the connection can outlive the call (keep-alive, a body read later or never) and it
  // reaches this object, which must then not keep the promise — and through it the Response — reachable.
  #settle: [(response: Response) => void, (error: unknown) => void] | undefined;
  #settled = false;
  #source: BodySource | undefined;
  /** Gives the exchange up (an abort before its answer). */
  abandon: (() => void) | undefined;
  #sent = false;
  /** The request was written (or, at the latest, its answer began): `init.onSent`, once; what it throws is ignored. */
  readonly sent = (): void => {
    if (this.#sent) return;
    this.#sent = true;
    try {
      this.#parts.onSent?.();
    } catch {}
  };

  constructor(parts: Parts, resolve: (response: Response) => void, reject: (error: unknown) => void) {
    this.#parts = parts;
    this.#settle = [resolve, reject];
    const signal = parts.signal;
    if (signal) {
      // A signal given in `init` may guard many calls at once; a Request's own signal serves that Request.
      if (parts.sharedSignal) allowManyListeners(signal);
      signal.addEventListener("abort", this.#onAbort, { once: true });
    }
  }

  readonly #onAbort = () => {
    const reason = abortReason(this.#parts.signal!);
    if (!this.#settled) {
      this.#settled = true;
      this.#release();
      this.abandon?.();
      this.#reject(reason);
    } else this.#source?.fail(reason);
  };

  readonly #release = () => {
    this.#parts.signal?.removeEventListener("abort", this.#onAbort);
  };

  #resolve(response: Response): void {
    const settle = this.#settle;
    this.#settle = undefined;
    settle?.[0](response);
  }

  #reject(error: unknown): void {
    const settle = this.#settle;
    this.#settle = undefined;
    settle?.[1](error);
  }

  /** The answer's head: a Response (and where its body bytes go), or a rejection. */
  head(head: ResponseHead, hasBody: boolean, wire: { pause(): void; resume(): void; destroy(): void }, contentEncoding: string | undefined): BodySink | null {
    if (this.#settled) {
      wire.destroy();
      return null;
    }
    this.#settled = true;
    this.sent();
    const { status, rawHeaders } = head;
    if (this.#parts.redirect === "error" && status >= 300 && status < 400 && hasHeader(rawHeaders, "location")) {
      wire.destroy();
      this.#release();
      this.#reject(new TypeError("fetch failed", { cause: new Error("unexpected redirect") }));
      return null;
    }
    try {
      if (this.#parts.method === "HEAD" || status === 204 || status === 205 || status === 304) {
        this.#release();
        this.#resolve(respond(head, null));
        return null;
      }
      const source = new BodySource(wire);
      this.#source = source;
      source.onDone = this.#release;
      const codings = hasBody ? decodersFor(contentEncoding) : undefined;
      const sink: BodySink = codings === undefined ? source : decoding(codings, source);
      this.#resolve(respond(head, source));
      if (!hasBody) source.end();
      return sink;
    } catch {
      // A head the platform's Response refuses: a header value it cannot hold (a NUL), which is not HTTP/1.1
      // either (undici's parser refuses it so). Its error quotes the value — a cookie, perhaps: not kept.
      wire.destroy();
      this.#release();
      this.#reject(new TypeError("fetch failed", { cause: Object.assign(new Error("invalid response header value"), { code: INVALID_HTTP_RESPONSE }) }));
      return null;
    }
  }

  fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#release();
    this.#reject(error);
  }
}

function decoding(codings: NonNullable<ReturnType<typeof decodersFor>>, source: BodySource): BodySink {
  const zlib = (zlibModule ??= builtin("node:zlib") as typeof Zlib);
  const { Transform } = (streamModule ??= builtin("node:stream") as typeof Stream);
  const d = decoder(zlib, Transform, codings, source);
  return {
    push: (chunk) => d.write(chunk),
    end: () => d.end(),
    fail: (error) => {
      d.destroy();
      source.fail(error);
    },
  };
}

function hasHeader(raw: readonly string[], name: string): boolean {
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) return true;
  return false;
}

function viaOwnConnections(client: Http1Client, parts: Parts): Promise<Response> {
  const { target, method, body } = parts;
  // The whole head as one latin1 string: header values are ByteStrings (the platform's Headers refuses others).
  let head = method + " " + target.path + " HTTP/1.1\r\nhost: " + target.host + "\r\nconnection: keep-alive\r\n";
  for (const [name, value] of parts.headers) {
    if (!OWN_HEADERS.has(name)) head += name + ": " + value + "\r\n";
  }
  if (body !== undefined) head += "content-length: " + body.length + "\r\n";
  else if (bodilessLength(method)) head += "content-length: 0\r\n";
  head += "\r\n";
  const origin: Origin = {
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port === undefined ? (target.protocol === "https:" ? 443 : 80) : Number(target.port),
  };
  return new Promise<Response>((resolve, reject) => {
    const call = new Call(parts, resolve, reject);
    const exchange: Exchange = {
      head,
      body,
      method,
      onHead: (h, hasBody, wire, encoding) => call.head(h, hasBody, wire, encoding),
      onFail: (error) => call.fail(error),
      onWritten: parts.onSent && call.sent,
    };
    call.abandon = client.send(origin, exchange);
  });
}

/** Through node:http's `request` as it is now (an interceptor's), with a keep-alive agent. */
function viaHttpModule(mod: HttpModule, agent: Http.Agent, parts: Parts): Promise<Response> {
  const { target, method, body } = parts;
  const headers: Record<string, string> = {};
  for (const [name, value] of parts.headers) if (name !== "host" && name !== "content-length") headers[name] = value;
  if (body === undefined && bodilessLength(method)) headers["content-length"] = "0";
  return new Promise<Response>((resolve, reject) => {
    const call = new Call(parts, resolve, reject);
    const req = mod.request({ protocol: target.protocol, hostname: target.hostname, port: target.port, path: target.path, method, headers, agent }, (res) => {
      const wire = { pause: () => res.pause(), resume: () => res.resume(), destroy: () => res.destroy() };
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 599) {
        res.destroy();
        return call.fail(new TypeError("fetch failed", { cause: new Error(`unsupported HTTP status ${status}`) }));
      }
      const head: ResponseHead = { status, statusText: reasonPhrase(res.statusMessage ?? ""), rawHeaders: res.rawHeaders };
      const sink = call.head(head, true, wire, res.headers["content-encoding"]);
      if (sink === null) return void res.resume();
      const terminated = (cause: unknown) => sink.fail(new TypeError("terminated", { cause }));
      res.on("data", (chunk: Buffer) => sink.push(chunk));
      res.on("end", () => (res.complete ? sink.end() : terminated(new Error("response body incomplete"))));
      res.on("error", terminated);
      res.on("close", () => {
        if (!res.complete) terminated(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      });
    });
    req.on("error", (err) => call.fail(new TypeError("fetch failed", { cause: err })));
    call.abandon = () => req.destroy();
    // An interceptor's node:http: when its request reaches a socket is not told; handed over counts as sent.
    call.sent();
    if (body === undefined) req.end();
    else req.end(body);
  });
}

let seenRequest: unknown;
let seenReplaced = false;
/**
 * Deno's own node:http and node:https `request`, as its Node compatibility layer ships them: minified, so the
 * source does not name `ClientRequest` (`function request(...e){…return new s(e[0],e[1],e[2])}`). Taken for an
 * interceptor, every request went through Deno's node:https, whose agent asks for `--allow-sys` on each HTTPS
 * connection, instead of this transport's own connections (node:net, node:tls), which need only `--allow-net`.
 */
const DENO_OWN_REQUEST = /^function request\(\.\.\.([\w$]+)\)\{[^]*return new [\w$]+\(\1\[0\],\1\[1\],\1\[2\]\)\}$/;
const onDeno = (): boolean => typeof (globalThis as { Deno?: unknown }).Deno !== "undefined";
/**
 * Whether node:http's (or node:https') `request` is no longer the runtime's own: an interceptor wrapped it (MSW's is
 * a Proxy, whose source reads `[native code]`) or replaced it (nock, test doubles).
 */
function replaced(request: unknown): boolean {
  if (request !== seenRequest) {
    seenRequest = request;
    const source = typeof request === "function" ? Function.prototype.toString.call(request) : "";
    const own = (source.startsWith("function request(") && source.includes("ClientRequest")) || (onDeno() && DENO_OWN_REQUEST.test(source));
    seenReplaced = !own;
  }
  return seenReplaced;
}

/** The shared default: one pool of connections per origin for the process. */
export const nodeTransport: Transport = createNodeTransport();
/** What the facade sends through on this platform. */
export const platformTransport: Transport = nodeTransport;
export const transportName: "fetch" | "node:http" = "node:http";
/** `globalThis.fetch`, late-bound (the portable path, also on Node). */
export const fetchTransport: Transport = (request, init) => {
  // fetch does not tell when the request is written: handed over counts as sent.
  init?.onSent?.();
  return init === undefined ? globalThis.fetch(request) : globalThis.fetch(request, init as RequestInit);
};
/** On Node: a keep-alive transport with its own connections. */
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

export interface Target {
  protocol: "http:" | "https:";
  /** Without brackets around an IPv6 address. */
  hostname: string;
  port: string | undefined;
  /** As the Host header has it: hostname (bracketed for IPv6) and any port. */
  host: string;
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
  return { protocol: protocol as Target["protocol"], hostname, port, host: port === undefined ? authority.replace(/:$/, "") : authority, path };
}
