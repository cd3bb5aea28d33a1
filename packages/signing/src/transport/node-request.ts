// The Node transport's Request (`platformRequest` on Node): what openapi-fetch's `Request` option builds for
// each call when the client sends through the Node transport. A `Request` (instanceof, every member) that
// keeps what it was given — URL string, method, Headers, body bytes, signal — so the transport sends exactly
// that without reading anything back.
//
// Why: undici's Request constructor parses the URL into its own record, copies the headers into a second
// list, makes an AbortSignal that follows the caller's (a WeakRef and a FinalizationRegistry entry per
// Request) and wraps any body in a web stream. In this repo's loopback benchmark that and undici's Response
// cost more CPU than the node:http exchange they wrap; with the two light classes a bare client went from
// 0.36–0.57× to 0.52–0.67× of a hand-written node:http client at 16 calls in flight (bench/RESULTS.md).
//
// Only what openapi-fetch builds takes this path: a URL string (or URL / another NodeRequest) and an init of
// method, headers, body (string or bytes), signal, redirect. Anything else — a stream or FormData body, mode,
// credentials, cache, keepalive, … — is handed to the platform's Request unchanged, so it behaves exactly as
// before. Like NodeResponse it is not a subclass (that would run undici's constructor): its prototype chains
// to `Request.prototype` and it defines every member itself.
//
// Send it only through the Node transport (which is what `platformRequest` pairs with): the platform's
// fetch, or `new Request(nodeRequest)`, cannot read it — the transport and `fetchTransport` convert it.
import { REQUEST_BODY } from "../request-bodies.js";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
const REDIRECTS = new Set(["follow", "error", "manual"]);
/** Init members this class keeps itself; any other member set (not undefined) goes to the platform's Request. */
const OWN_INIT = new Set(["method", "headers", "body", "signal", "redirect"]);
/** Members it does not keep but answers with the platform's defaults: an init giving exactly those is still its own. */
const DEFAULTS: Record<string, unknown> = {
  mode: "cors",
  credentials: "same-origin",
  cache: "default",
  integrity: "",
  keepalive: false,
  referrer: "about:client",
  referrerPolicy: "",
  duplex: "half",
};
/**
 * Signals this class made itself (the `signal` getter, asked for without a caller's signal): nobody holds their
 * controller, so they never abort and the transport need not listen to them, also when a copy is built with one.
 */
const OWN_SIGNALS = new WeakSet<AbortSignal>();

/** What the transport sends. */
export interface NodeRequestParts {
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array | string | null;
  /** Only a signal the caller gave: none means nothing can abort this request. */
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
}

const unusable = () => new TypeError("Body is unusable: Body has already been read");

export class NodeRequest {
  static #chained = false;

  /** Real Requests are Requests too: openapi-fetch checks what middleware returns with `instanceof` this class. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.Request;
  }

  /** The parts of `value` when it is a NodeRequest; its body is marked used, as sending a Request uses it. */
  static take(value: unknown): NodeRequestParts | undefined {
    if (typeof value !== "object" || value === null || !(#url in value)) return undefined;
    const request = value as NodeRequest;
    if (request.#body !== null) {
      if (request.bodyUsed) throw new TypeError("Request body is unusable: it was already read");
      request.#used = true;
    }
    const signal = request.#signal !== undefined && !OWN_SIGNALS.has(request.#signal) ? request.#signal : undefined;
    return { url: request.#url, method: request.#method, headers: request.#headers, body: request.#body, signal, redirect: request.#redirect };
  }

  /** A platform Request with the same parts (what the platform's fetch can send). */
  static toPlatform(value: Request): Request {
    const request = value as unknown as NodeRequest;
    return typeof value === "object" && value !== null && #url in value ? request.#platform() : value;
  }

  #url!: string;
  #method!: string;
  #headers!: Headers;
  #body!: Uint8Array | string | null;
  #signal: AbortSignal | undefined;
  #redirect!: RequestRedirect;
  #used = false;
  /** The platform Request that answers body calls once a stream was asked for (`body`, `formData`). */
  #real: Request | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    if (!NodeRequest.#chained) {
      // At the first construction, not at import: reading `Request` loads undici on Node (~15 ms).
      Object.setPrototypeOf(NodeRequest.prototype, globalThis.Request.prototype);
      NodeRequest.#chained = true;
    }
    const from = typeof input === "object" && input !== null && #url in input ? (input as NodeRequest) : undefined;
    if (!(from !== undefined || typeof input === "string" || input instanceof URL) || !ownInit(init)) {
      // Not a shape this class keeps: the platform's Request, built as it would be without this class.
      return new globalThis.Request(from ? from.#platform() : (input as RequestInfo), init) as unknown as NodeRequest;
    }
    if (from !== undefined) {
      if (from.#body !== null && from.#used && init?.body == null) throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
      this.#url = from.#url;
      this.#method = from.#method;
      this.#body = from.#body;
      this.#signal = from.#signal;
      this.#redirect = from.#redirect;
    } else {
      this.#url = parseUrl(input as string | URL);
      this.#method = "GET";
      this.#body = null;
      this.#redirect = "follow";
    }
    if (init?.method !== undefined) this.#method = normalizeMethod(init.method);
    this.#headers = new Headers(init?.headers !== undefined ? init.headers : from !== undefined ? from.#headers : undefined);
    if (init?.signal !== undefined) {
      if (init.signal !== null && !(init.signal instanceof AbortSignal)) throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      this.#signal = init.signal ?? undefined;
    }
    if (init?.redirect !== undefined) {
      if (!REDIRECTS.has(init.redirect)) throw new TypeError(`Failed to construct 'Request': '${String(init.redirect)}' is not a valid value for redirect`);
      this.#redirect = init.redirect;
    }
    if (init?.body !== undefined) {
      const body = init.body;
      if (body === null) this.#body = null;
      else if (typeof body === "string") {
        this.#body = body;
        if (!this.#headers.has("content-type")) this.#headers.set("content-type", "text/plain;charset=UTF-8");
      } else this.#body = copyBytes(body as ArrayBuffer | ArrayBufferView); // ownInit admitted only these
    }
    if (this.#body !== null && (this.#method === "GET" || this.#method === "HEAD")) throw new TypeError("Request with GET/HEAD method cannot have body.");
  }

  get method(): string {
    return this.#method;
  }
  get url(): string {
    return this.#url;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get destination(): RequestDestination {
    return "";
  }
  get referrer(): string {
    return "about:client";
  }
  get referrerPolicy(): ReferrerPolicy {
    return "";
  }
  get mode(): RequestMode {
    return "cors";
  }
  get credentials(): RequestCredentials {
    return "same-origin";
  }
  get cache(): RequestCache {
    return "default";
  }
  get redirect(): RequestRedirect {
    return this.#redirect;
  }
  get integrity(): string {
    return "";
  }
  get keepalive(): boolean {
    return false;
  }
  get isReloadNavigation(): boolean {
    return false;
  }
  get isHistoryNavigation(): boolean {
    return false;
  }
  get duplex(): "half" {
    return "half";
  }
  /** The caller's signal, or (asked for without one) a signal of this request's own that never aborts. */
  get signal(): AbortSignal {
    if (this.#signal === undefined) {
      this.#signal = new AbortController().signal;
      OWN_SIGNALS.add(this.#signal);
    }
    return this.#signal;
  }
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#body === null) return null;
    return this.#platform().body;
  }
  get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  /** The string body it was built with, for readers that send or replay it as it is (`keptBody`; read or not). */
  get [REQUEST_BODY](): string | undefined {
    return typeof this.#body === "string" ? this.#body : undefined;
  }

  #platform(): Request {
    if (this.#real === undefined) {
      const init: RequestInit & { duplex?: "half" } = { method: this.#method, headers: this.#headers, redirect: this.#redirect };
      if (this.#signal !== undefined) init.signal = this.#signal;
      if (this.#body !== null && !this.#used) init.body = this.#body as BodyInit;
      this.#real = new globalThis.Request(this.#url, init);
      // A body read already: the platform Request's stream is disturbed, as a read Request's is.
      if (this.#body !== null && this.#used) void this.#real.body?.cancel();
    }
    return this.#real;
  }

  #take(): Uint8Array {
    if (this.#body === null) return new Uint8Array(0);
    if (this.#used) throw unusable();
    this.#used = true;
    return typeof this.#body === "string" ? new TextEncoder().encode(this.#body) : this.#body.slice();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#real) return this.#real.arrayBuffer();
    try {
      const bytes = this.#take();
      return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.arrayBuffer().then((b) => new Uint8Array(b));
  }

  text(): Promise<string> {
    if (this.#real) return this.#real.text();
    if (typeof this.#body === "string" && !this.#used) {
      this.#used = true;
      return Promise.resolve(this.#body);
    }
    return this.arrayBuffer().then((b) => new TextDecoder().decode(b));
  }

  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  blob(): Promise<Blob> {
    if (this.#real) return this.#real.blob();
    const type = this.#headers.get("content-type") ?? "";
    return this.arrayBuffer().then((b) => new Blob([b], { type }));
  }

  formData(): Promise<FormData> {
    return this.#platform().formData();
  }

  clone(): Request {
    if (this.#real) return this.#real.clone();
    if (this.#used && this.#body !== null) throw new TypeError("Request.clone: Body has already been consumed.");
    return new NodeRequest(this as unknown as Request) as unknown as Request;
  }

  /** As `util.inspect` shows a Request, without making a body stream to show it. */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: object, inspect: (value: unknown, options?: unknown) => string): string {
    const shown = { method: this.#method, url: this.#url, headers: this.#headers, redirect: this.#redirect, bodyUsed: this.bodyUsed, hasBody: this.#body !== null };
    return `Request ${inspect(shown, { ...options, depth: depth < 0 ? null : depth })}`;
  }
}

/** Whether every member `init` sets is one this class keeps (and a body it keeps as bytes). */
function ownInit(init: RequestInit | undefined): boolean {
  if (init === undefined || init === null) return true;
  if (typeof init !== "object") return false;
  for (const key in init) {
    const value = (init as Record<string, unknown>)[key];
    if (value !== undefined && !OWN_INIT.has(key) && DEFAULTS[key] !== value) return false;
  }
  const body = init.body;
  return body === undefined || body === null || typeof body === "string" || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

function parseUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch (err) {
    throw new TypeError(`Failed to parse URL from ${String(input)}`, { cause: err });
  }
  if (url.username !== "" || url.password !== "") throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.protocol}//…@${url.host}`);
  return url.href;
}

function normalizeMethod(method: string): string {
  const m = String(method);
  if (!TOKEN.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
  const upper = m.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${m}' HTTP method is unsupported.`);
  return NORMALIZED_METHODS.has(upper) ? upper : m;
}

function copyBytes(body: ArrayBuffer | ArrayBufferView): Uint8Array {
  return body instanceof ArrayBuffer ? new Uint8Array(body.slice(0)) : new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
}
