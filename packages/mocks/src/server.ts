/**
 * startMockServer: the same handlers behind a node:http server on 127.0.0.1, one path prefix per provider
 * (`http://127.0.0.1:PORT/aliyun-oss`, …), with CORS so browsers can call it (with cookies only from loopback
 * pages and listed origins). It routes by path, whatever Host it is reached by (a reverse proxy, a container port
 * mapping, a service name).
 *
 * @module @bucketry/mocks/server
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse } from "msw";
import { accountClientOptions, testCredentials } from "./generated/accounts.js";
import { vendors } from "./generated/index.js";
import { createMock, type Mock } from "./mock.js";
import { asOrigin } from "./origins.js";
import { createMockState } from "./state.js";
import { Redactor } from "./redact.js";
import type { Provider } from "./types.js";

/** `value` as a browser sends it in `Origin`, or undefined: the rule `credentialedOrigins` applies (for a CLI's own checks). */
export { asOrigin };

export interface MockServerOptions {
  /** Port on 127.0.0.1. Default 0 (any free port). */
  port?: number | undefined;
  /** Buckets in the seeded data set. Default 1000. */
  buckets?: number | undefined;
  /** Seed of the data set. Default 1. */
  seed?: number | undefined;
  /** Address to listen on. Default 127.0.0.1; `0.0.0.0` serves a container's port mapping (the endpoints then name 127.0.0.1). */
  host?: string | undefined;
  /**
   * Largest request body the server reads, in bytes; a larger one is answered 413 and the connection closed.
   * Default 1 MiB (the five APIs' requests carry a few hundred bytes at most).
   */
  maxBodyBytes?: number | undefined;
  /**
   * Origins (`https://app.example.test:8443`) whose pages may call the server with the browser's cookies
   * (`Access-Control-Allow-Credentials: true`), besides loopback ones (`localhost`, `*.localhost`, `127.x.x.x`,
   * `[::1]`), which always may. Any other origin may call it and read the answers, but not with cookies: a page of
   * an unrelated site cannot drive the mock's cookie sessions (Hitachi's) in the developer's browser.
   */
  credentialedOrigins?: readonly string[] | undefined;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Complete `createBucketClient` options for one provider of the mock server. */
export type MockClientOptions<P extends Provider> = { provider: P; endpoint: string; credentials: (typeof testCredentials)[P] } & (typeof accountClientOptions)[P];

export interface MockServer {
  /** Base URL per provider, ready for `createBucketClient({ endpoint })`. */
  endpoints: Record<Provider, string>;
  /** The mock's test credentials per provider, in the facade's shapes. */
  credentials: typeof testCredentials;
  /** Complete `createBucketClient` options per provider (endpoint, region, project id, credentials). */
  clientOptions: { [P in Provider]: MockClientOptions<P> };
  /** The mock behind the server: scenarios (`mock.use`), recorded calls, data set. */
  mock: Mock;
  url: string;
  port: number;
  /** Stops listening and destroys every connection; calling it again returns the same promise. */
  close(): Promise<void>;
}

/** Whether `origin` is a page served from this machine: loopback by name or address. */
function isLoopbackOrigin(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname; // "null" (file://, a sandboxed frame) is no URL: not loopback
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Any origin may read the answers; only loopback and `credentialed` ones may send the browser's cookies. */
function cors(req: IncomingMessage, res: ServerResponse, credentialed: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  res.setHeader("access-control-allow-origin", origin ?? "*");
  if (origin) {
    if (credentialed.has(origin) || isLoopbackOrigin(origin)) res.setHeader("access-control-allow-credentials", "true");
    res.setHeader("vary", "Origin");
  }
}

/** The listed origins as a browser sends them. */
function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(
    origins.map((origin) => {
      const parsed = asOrigin(origin);
      if (parsed === undefined) throw new TypeError(`@bucketry/mocks: credentialedOrigins: ${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path)`);
      return parsed;
    }),
  );
}

/** Whether a request path starts with one of the providers' prefixes (`/aliyun-oss`, `/aliyun-oss/…`). */
function hasProviderPrefix(path: string, providers: readonly string[]): boolean {
  const first = /^\/([^/?]*)/.exec(path)?.[1] ?? "";
  return providers.includes(first);
}

/** A request body over the limit: answered 413 without reading the rest, and the connection closed. */
class BodyTooLarge extends Error {}

/**
 * The request's body, at most `limit` bytes; a body over it (declared or sent) is refused before it is all read.
 * Read by events, not `for await`: leaving that loop early destroys the request and its socket, and with them the 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new BodyTooLarge(`@bucketry/mocks: the request body is over ${limit} bytes (maxBodyBytes)`);
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(tooLarge());
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      settle(() => reject(tooLarge()));
    };
    const onEnd = () => settle(() => resolve(new Uint8Array(Buffer.concat(chunks))));
    // The client left, or sent what HTTP cannot parse (node:http answers that 400 itself).
    const onError = (err: Error) => settle(() => reject(err));
    const onClose = () => settle(() => reject(new Error("the request ended before its body")));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

async function toRequest(req: IncomingMessage, origin: string, providers: readonly string[], signal: AbortSignal, maxBodyBytes: number): Promise<Request> {
  // The Host the client used is part of what it signed: keep it in the URL. A path without a provider prefix
  // is a request for a vendor's own host (`examplebucket.oss-cn-hangzhou.aliyuncs.com` mapped to this server),
  // whose spec servers are HTTPS.
  const path = req.url ?? "/";
  const scheme = hasProviderPrefix(path, providers) ? "http" : "https";
  const host = req.headers.host;
  // Absolute-form targets (a request sent through an HTTP proxy) name their own URL.
  const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${host ? `${scheme}://${host}` : origin}${path.startsWith("/") ? path : `/${path}`}`);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  let body: Uint8Array | undefined;
  if (method !== "GET" && method !== "HEAD") body = await readBody(req, maxBodyBytes);
  return new Request(url, { method, headers, signal, ...(body && body.length > 0 ? { body: body as BodyInit } : {}) });
}

/**
 * An error's message for the 500 answer: undici's own quote the URL whole ("Request cannot be constructed from a URL
 * that includes credentials: http://user:password@…"), so a URL in it keeps no user info and no signature or token
 * in its query.
 */
function withoutSecrets(message: string): string {
  const redactor = new Redactor();
  return message.replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, (url) => redactor.url(url.replace(/^([^:]+:\/\/)[^/?#]*@/, "$1[redacted]@")));
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const credentialedOrigins = originSet(options.credentialedOrigins ?? []);
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) throw new RangeError(`@bucketry/mocks: maxBodyBytes must be a non-negative integer, got ${maxBodyBytes}`);
  const state = createMockState({ buckets: options.buckets ?? 1000, seed: options.seed ?? 1 });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // A wildcard address is reachable from this machine as loopback; an IPv6 literal needs brackets.
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const url = `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
  const providers = Object.keys(vendors) as Provider[];
  const endpoints = Object.fromEntries(providers.map((p) => [p, `${url}/${p}`])) as Record<Provider, string>;
  // Routed by path under any Host (127.0.0.1, localhost, a proxy's or a container's name); see routesFor.
  const baseUrls = Object.fromEntries(providers.map((p) => [p, `/${p}`]));
  const mock = createMock({ state, baseUrls });

  server.on("request", (req, res) => {
    void (async () => {
      cors(req, res, credentialedOrigins);
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
        res.statusCode = 204;
        res.setHeader("access-control-allow-methods", "GET, POST, PUT, DELETE, HEAD, OPTIONS");
        res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "*");
        res.setHeader("access-control-max-age", "600");
        res.end();
        return;
      }
      // Aborted when the exchange ends: answered, or the socket closed (the client gave up, close() destroyed it), so
      // a request waiting on a latency scenario stops waiting and holds no timer after close().
      const exchange = new AbortController();
      res.once("close", () => exchange.abort());
      const request = await toRequest(req, url, providers, exchange.signal, maxBodyBytes);
      const response = await getResponse(mock.handlers, request);
      if (!response) {
        res.statusCode = 404;
        res.setHeader("content-type", "application/json");
        // The path and query as sent, but never a signature or token in the query.
        res.end(JSON.stringify({ error: "no mock for this URL", method: req.method, url: new Redactor().url(req.url ?? "/"), endpoints }));
        return;
      }
      if (response.type === "error") {
        req.socket.destroy(); // connection reset
        return;
      }
      res.statusCode = response.status;
      const setCookies = response.headers.getSetCookie();
      for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
      // A browser caller may read every header the answer carries (request ids, Date, Retry-After, the mock's
      // reason), whatever names the vendor gives them.
      const exposed = [...response.headers.keys()].filter((name) => name !== "set-cookie");
      if (exposed.length) res.setHeader("access-control-expose-headers", exposed.join(", "));
      if (setCookies.length) res.setHeader("set-cookie", setCookies);
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((err: unknown) => {
      // The client is gone, or sent what HTTP cannot parse (a malformed chunk, a body shorter than its length):
      // node:http has answered 400 where it could and closed the connection; nothing is left to answer.
      if (!req.socket || req.socket.destroyed || res.destroyed) return;
      if (err instanceof BodyTooLarge) {
        // The rest of the body is not read: the connection cannot carry another request.
        res.statusCode = 413;
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.setHeader("connection", "close");
        res.end(err.message);
        return;
      }
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain");
      }
      res.end(`@bucketry/mocks server error: ${withoutSecrets(String((err as Error)?.message))}`);
    }).catch(() => {
      // Answering failed too (the connection broke meanwhile): close it rather than leave a rejection unhandled.
      res.destroy();
    });
  });

  const clientOptions = Object.fromEntries(
    providers.map((p) => [p, { provider: p, endpoint: endpoints[p], ...accountClientOptions[p], credentials: testCredentials[p] }]),
  ) as MockServer["clientOptions"];

  // One close for every caller: a test's own close() and the suite's afterAll both resolve once the port is free.
  let closed: Promise<void> | undefined;
  return {
    endpoints,
    credentials: testCredentials,
    clientOptions,
    mock,
    url,
    port,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      })),
  };
}
