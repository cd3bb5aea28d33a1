// The differential suite's common parts: a request as the vendor reads it off the wire, the comparison of two
// of them, seeded case generation, and a capture of what the facade and a bare client send (their `fetch`
// option: the Request as signed, no network).
import { expect } from "vitest";

/** One request as the vendor reads it: method, scheme, host (the Host header), path, query and headers. */
export interface Wire {
  method: string;
  scheme: string;
  host: string;
  path: string;
  /** Decoded name/value pairs, sorted. */
  query: Array<[string, string]>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** A form body's name/value pairs (`application/x-www-form-urlencoded`), sorted; absent otherwise. */
  form?: Array<[string, string]>;
}

export function wireOf(method: string, url: string, headers: Record<string, string | string[] | undefined> | Headers): Wire {
  const u = new URL(url);
  const h: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers);
  for (const [name, value] of entries) if (value !== undefined) h[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  const query = [...u.searchParams].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return { method: method.toUpperCase(), scheme: u.protocol.replace(/:$/, ""), host: h.host ?? u.host, path: u.pathname, query, headers: h };
}

/**
 * The differences between two requests in what the vendor reads: method, scheme, host, path, query and the
 * named headers (`authorization` compared as given; callers recompute it where the signed inputs differ).
 */
export function differences(ours: Wire, theirs: Wire, headers: readonly string[]): string[] {
  const out: string[] = [];
  for (const field of ["method", "scheme", "host", "path"] as const) if (ours[field] !== theirs[field]) out.push(`${field}: ${ours[field]} | ${theirs[field]}`);
  const q = (w: Wire) => w.query.map(([k, v]) => `${k}=${v}`).join("&");
  if (q(ours) !== q(theirs)) out.push(`query: ${q(ours)} | ${q(theirs)}`);
  for (const name of headers) if (ours.headers[name] !== theirs.headers[name]) out.push(`header ${name}: ${ours.headers[name] ?? "(absent)"} | ${theirs.headers[name] ?? "(absent)"}`);
  return out;
}

/** A small seeded generator (mulberry32): the same cases on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
    /** A bucket name of 3–63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit. */
    bucket(): string {
      const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
      const length = 3 + Math.floor(next() * 20);
      let name = "";
      for (let i = 0; i < length; i++) name += alphabet[Math.floor(next() * (i === 0 || i === length - 1 ? 36 : 37))];
      return name;
    },
    token(length = 40): string {
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
      let out = "";
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}

/** A `fetch` that records each Request and answers `reply()`: what the facade or a bare client signed and sent. */
export function capturingFetch(reply: () => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return reply();
  };
  return { fetch, requests };
}

/** The one request a capture holds. */
export function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0]!;
}

/**
 * A capture proxy on 127.0.0.1: an SDK configured with it as its HTTP proxy sends each request here in
 * absolute form (`GET http://{bucket}.{host}/?acl`), so a virtual-hosted host is seen without being resolved.
 * It records the request and answers `reply`.
 */
export async function captureProxy(reply: { status?: number; headers?: Record<string, string>; body: string }) {
  const { createServer } = await import("node:http");
  const seen: Wire[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const target = req.url ?? "/";
      const url = /^https?:\/\//.test(target) ? target : `http://${req.headers.host ?? "unknown"}${target}`;
      const headers: Record<string, string | string[] | undefined> = { ...req.headers };
      delete headers["proxy-connection"];
      delete headers.connection;
      const wire = wireOf(req.method ?? "GET", url, headers);
      if (/^application\/x-www-form-urlencoded/.test(wire.headers["content-type"] ?? "")) {
        wire.form = [...new URLSearchParams(Buffer.concat(chunks).toString("utf8"))].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
      }
      seen.push(wire);
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...(reply.headers ?? {}) });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Sends every plain-HTTP request made through a node:http Agent to 127.0.0.1:`port`, whatever its host: the
 * request keeps its URL and Host header (a runtime that takes no working proxy option, and keeps its own agent,
 * still reaches the capture server). The network guard stays in force: the socket opened is a loopback one.
 * Returns the undo.
 */
export async function httpAgentsTo(port: number): Promise<() => void> {
  const http = (await import("node:http")).default;
  const net = (await import("node:net")).default;
  const proto = http.Agent.prototype as unknown as { createConnection: (...args: unknown[]) => unknown };
  const original = proto.createConnection;
  proto.createConnection = () => net.connect({ host: "127.0.0.1", port });
  return () => {
    proto.createConnection = original;
  };
}
