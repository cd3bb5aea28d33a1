// Shapes shared by the transports (`#transport`: node.ts on Node, web.ts elsewhere).

/**
 * The `code` on the `cause` of the Node transport's "fetch failed" / "terminated" TypeError when the server's
 * bytes are not a valid HTTP/1.1 answer (a bad status line, header, Content-Length or chunk; both framings).
 * Deterministic — the same server answers the same way again — so not a network failure. undici and node:http
 * say the same with llhttp's `HPE_*` codes.
 */
export const INVALID_HTTP_RESPONSE = "ERR_INVALID_HTTP_RESPONSE";

/**
 * A fetch-compatible transport: what openapi-fetch's `fetch` option and the facade's `fetch` option take.
 * `init` carries what fetch's second argument would (only `signal` and `redirect` are read).
 */
export type Transport = (request: Request, init?: TransportInit) => Promise<Response>;

export interface TransportInit {
  /** Overrides `request.signal` (as fetch's `init.signal` does). */
  signal?: AbortSignal | null | undefined;
  // Spelled out: `RequestRedirect` is a DOM type that @types/node does not declare.
  redirect?: "follow" | "error" | "manual" | undefined;
  /**
   * Called once the request has been sent: with the Node transport's own connections, once its head and body
   * were written to a connection's socket — not while it waits for a free connection (`maxSockets`), nor while
   * the connection or its TLS handshake is being made. A transport that cannot tell (fetch, node:http under an
   * interceptor) calls it as it hands the request over.
   */
  onSent?: (() => void) | undefined;
}

/** Options of the keep-alive Node transport (ignored by the portable fetch transport). */
export interface TransportOptions {
  /** Most sockets per origin (host:port) in use at once; more requests queue. Default 64. */
  maxSockets?: number | undefined;
  /** Most idle keep-alive sockets kept per origin. Default 64. */
  maxFreeSockets?: number | undefined;
  /**
   * An idle keep-alive socket is closed after this many ms (default 4000, below Node's and most servers' 5 s,
   * so a socket is not reused just as the server closes it). A shorter `Keep-Alive: timeout=N` hint from the
   * server wins.
   */
  freeSocketTimeoutMs?: number | undefined;
}
