// For child processes the tests start (NODE_OPTIONS=--import=<this file>): every host name under `.invalid` fails
// to resolve with the code BUCKETRY_TEST_DNS_FAILURE names (ENOTFOUND, EAI_AGAIN), as getaddrinfo reports it,
// without asking any resolver. A test of what a CLI says about a --host that does not resolve then depends
// neither on this machine's DNS nor on a network (whether a real lookup of such a name fails with ENOTFOUND or
// EAI_AGAIN depends on whether a DNS server answers). Other names resolve as usual.
import dns from "node:dns";

const code = process.env.BUCKETRY_TEST_DNS_FAILURE;
if (code) {
  const lookup = dns.lookup;
  dns.lookup = function failingLookup(hostname, ...rest) {
    if (typeof hostname !== "string" || !/\.invalid\.?$/i.test(hostname)) return lookup.call(this, hostname, ...rest);
    const callback = rest[rest.length - 1];
    process.nextTick(callback, Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, syscall: "getaddrinfo", hostname }));
    return {};
  };
}
