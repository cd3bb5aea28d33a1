// Suite-wide network guard (vitest setupFiles): every socket a test opens goes to loopback or it fails.
// node:http, undici's fetch and TLS all connect through net.Socket.prototype.connect, so one patch there
// covers them. A connection to anything else (an instance-metadata address, a vendor host, even a DNS
// name other than localhost) is refused before a packet is sent: the socket errors with a message naming
// the address, and the test fails after it ends even if the code under test swallowed that error (a
// credential chain that skips a failing source would otherwise hide a forgotten endpoint override).
import net from "node:net";
import { afterEach } from "vitest";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1"]);

/** True for a host a test may connect to. */
export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === "") return true; // net defaults to localhost
  const h = host.toLowerCase();
  if (LOOPBACK_NAMES.has(h)) return true;
  if (net.isIPv4(h)) return h.startsWith("127.");
  if (h.startsWith("::ffff:")) return h.slice(7).startsWith("127.");
  return false;
}

interface Refused {
  host: string;
  port: string;
}

const refused: Refused[] = [];

/** Connections refused since the last call (and forgets them): for the guard's own test. */
export function takeRefused(): Refused[] {
  return refused.splice(0, refused.length);
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;
const GUARDED = Symbol.for("bucketry.test.networkGuard");
const proto = net.Socket.prototype as unknown as Record<string | symbol, unknown> & { connect: Connect };

if (!proto[GUARDED]) {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("bucketry.test.takeRefused")] = takeRefused;
  const original = proto.connect;
  proto[GUARDED] = true;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    // connect(options[, cb]) | connect(port[, host][, cb]) | connect(path[, cb]); net.connect passes [options, cb] as an array.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host: string | undefined;
    let port: unknown;
    let path: unknown;
    if (first !== null && typeof first === "object") {
      const o = first as { host?: string; port?: unknown; path?: unknown };
      host = o.host;
      port = o.port;
      path = o.path;
    } else if (typeof first === "string" && !/^\d+$/.test(first)) {
      path = first;
    } else {
      port = first;
      host = typeof args[1] === "string" ? args[1] : undefined;
    }
    // net treats a truthy `path` as a local (IPC) socket; node:http passes `path: null` for TCP.
    if ((typeof path === "string" && path !== "") || isLoopback(host)) return original.apply(this, args);
    refused.push({ host: String(host), port: String(port) });
    const error = Object.assign(new Error(`network guard: tests may only connect to loopback, refused ${host}:${String(port)}`), { code: "ECONNREFUSED" });
    process.nextTick(() => this.destroy(error));
    return this;
  };
}

const takeGlobal = (): Refused[] => ((globalThis as unknown as Record<symbol, () => Refused[]>)[Symbol.for("bucketry.test.takeRefused")] ?? takeRefused)();

afterEach(() => {
  const seen = takeGlobal();
  if (seen.length > 0) {
    throw new Error(`network guard: this test tried to reach ${seen.map((r) => `${r.host}:${r.port}`).join(", ")} (tests may only connect to loopback; set the endpoint overrides or switch the source off)`);
  }
});
