// The network guard for child processes the tests start (the CLI binary): loaded with
// NODE_OPTIONS=--import=<this file>. A connection to anything but loopback is refused and reported on
// stderr, where the CLI tests see it (they assert what stderr holds).
import net from "node:net";

const proto = net.Socket.prototype;
const original = proto.connect;
const loopback = (host) => host === undefined || host === "" || host === "localhost" || host === "::1" || (net.isIPv4(host) && host.startsWith("127."));
proto.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = first !== null && typeof first === "object" ? first.host : typeof args[1] === "string" ? args[1] : undefined;
  const path = first !== null && typeof first === "object" ? first.path : typeof first === "string" && !/^\d+$/.test(first) ? first : undefined;
  if ((typeof path === "string" && path !== "") || loopback(host)) return original.apply(this, args);
  process.stderr.write(`network guard: refused ${host}\n`);
  process.nextTick(() => this.destroy(Object.assign(new Error(`network guard: refused ${host}`), { code: "ECONNREFUSED" })));
  return this;
};
