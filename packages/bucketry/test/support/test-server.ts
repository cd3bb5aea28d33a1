// A local HTTP server for facade tests: records every request as received and answers from a handler.
// A hard cap on requests turns a client bug (a retry or paging loop) into a failed test instead of a hang.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export interface Seen {
  method: string;
  /** The request path as sent (not decoded). */
  path: string;
  /** The raw query string, without `?`. */
  search: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** No answer: the connection is reset (a server that stopped answering, on a port it still holds). */
  reset?: boolean;
}

export type Handler = (req: Seen, index: number) => Reply;

/**
 * A loopback URL where nothing listens, for a refused connection: port 4 is below the range the system hands out to a
 * parallel test's server (a port freed by closing a server could be taken first), and not one fetch refuses to dial
 * as the Fetch standard's bad ports (9, the discard port, is: the credential sources and the suite's portable pass
 * send through fetch).
 */
export const REFUSED_URL = "http://127.0.0.1:4";

const servers: Server[] = [];

export interface TestServer {
  url: string;
  requests: Seen[];
  /** Stops it now (for tests that need nothing listening there); otherwise it closes after the test. */
  close(): Promise<void>;
}

export async function serve(handler: Handler, maxRequests = 12): Promise<TestServer> {
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = req.url ?? "/";
      const q = raw.indexOf("?");
      const seen: Seen = {
        method: req.method ?? "",
        path: q === -1 ? raw : raw.slice(0, q),
        search: q === -1 ? "" : raw.slice(q + 1),
        query: new URLSearchParams(q === -1 ? "" : raw.slice(q + 1)),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(seen);
      let reply: Reply;
      try {
        reply = requests.length > maxRequests ? { status: 418, body: "test server: request cap exceeded" } : handler(seen, requests.length - 1);
      } catch (err) {
        reply = { status: 418, body: `test server handler failed: ${(err as Error).message}` };
      }
      if (reply.reset) return void req.socket.resetAndDestroy();
      res.writeHead(reply.status ?? 200, reply.headers ?? {});
      res.end(reply.body ?? "");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = async () => {
    servers.splice(servers.indexOf(server), 1);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close };
}

/** One header of a recorded request, multiple values joined with ",". */
export const header = (req: Seen | undefined, name: string): string => {
  const v = req?.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
};

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
