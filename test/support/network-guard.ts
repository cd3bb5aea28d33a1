// Suite-wide network guard (vitest setupFiles of every project: the packages' and the repo's): every socket a
// test opens goes to loopback or it fails. node:http, undici's fetch and TLS all connect through
// net.Socket.prototype.connect, so one patch there covers them. A connection to anything else (an
// instance-metadata address, a vendor host, even a DNS name other than localhost) is refused before a packet is
// sent: the socket errors with a message naming the address, and the test fails after it ends even if the code
// under test swallowed that error (a credential chain that skips a failing source would otherwise hide a
// forgotten endpoint override). DNS queries of other names (node:dns lookup and resolve*, which would reach the
// host's resolver) and UDP datagrams to other addresses are refused the same way.
import dgram from "node:dgram";
import dns from "node:dns";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import { afterAll, afterEach } from "vitest";

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

  /** A refused DNS query or datagram, recorded as host:"dns" or host:"udp". */
  const refusal = (kind: "dns" | "udp", host: string): Error => {
    refused.push({ host, port: kind });
    return Object.assign(new Error(`network guard: tests may only reach loopback, refused a ${kind === "dns" ? "DNS query for" : "UDP datagram to"} ${host}`), { code: "ECONNREFUSED" });
  };
  type Callback = (err: Error | null, ...rest: unknown[]) => void;
  const lookup = dns.lookup as unknown as (hostname: string, ...rest: unknown[]) => unknown;
  (dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (isLoopback(hostname)) return lookup.call(dns, hostname, ...rest);
    const callback = rest.at(-1) as Callback;
    const error = refusal("dns", hostname);
    process.nextTick(() => callback(error));
    return {};
  };
  const lookupAsync = dns.promises.lookup as unknown as (hostname: string, ...rest: unknown[]) => Promise<unknown>;
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) =>
    isLoopback(hostname) ? lookupAsync.call(dns.promises, hostname, ...rest) : Promise.reject(refusal("dns", hostname));
  // resolve* always asks the resolver (a packet to it, whatever the name): no test has a reason to.
  const RESOLVE = ["resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa", "resolveCname", "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTxt", "reverse"];
  for (const target of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype] as unknown as Record<string, unknown>[]) {
    const promises = target === (dns.promises as unknown) || target === (dns.promises.Resolver.prototype as unknown);
    for (const name of RESOLVE) {
      if (typeof target[name] !== "function") continue;
      target[name] = (hostname: string, ...rest: unknown[]) => {
        const error = refusal("dns", String(hostname));
        if (promises) return Promise.reject(error);
        const callback = rest.at(-1) as Callback;
        process.nextTick(() => callback(error));
        return undefined;
      };
    }
  }
  const send = dgram.Socket.prototype.send as (...args: unknown[]) => void;
  dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    // send(msg[, offset, length], port[, address][, callback]): the address is the first string after the message.
    const address = args.slice(1).find((a) => typeof a === "string") as string | undefined;
    if (address === undefined || isLoopback(address)) return send.apply(this, args);
    const error = refusal("udp", address);
    const callback = args.at(-1);
    process.nextTick(() => (typeof callback === "function" ? callback(error) : this.emit("error", error)));
  } as typeof dgram.Socket.prototype.send;
  // ESM importers of node:dns see the patched functions too.
  syncBuiltinESMExports();
}

const takeGlobal = (): Refused[] => ((globalThis as unknown as Record<symbol, () => Refused[]>)[Symbol.for("bucketry.test.takeRefused")] ?? takeRefused)();

function check(where: string): void {
  const seen = takeGlobal();
  if (seen.length > 0) {
    throw new Error(`network guard: ${where} tried to reach ${seen.map((r) => `${r.host}:${r.port}`).join(", ")} (tests may only connect to loopback; set the endpoint overrides or switch the source off)`);
  }
}
afterEach(() => check("this test"));
// A refusal in a file's hooks or at module load, after its last test, is reported too.
afterAll(() => check("this file (its hooks or module code)"));
