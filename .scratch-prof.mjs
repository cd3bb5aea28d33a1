import { pathToFileURL } from "node:url";
const [vendor, impl, port, n = "20000", inflight = "16"] = process.argv.slice(2);
const m = await import(pathToFileURL(`${process.cwd()}/bench/impl/${vendor}/${impl}.mjs`).href);
const c = m.create({ endpoint: `http://127.0.0.1:${port}` });
async function run(N) { let i = 0; await Promise.all(Array.from({ length: +inflight }, async () => { while (i++ < N) { const r = await c.call(); if (!m.verify(r)) throw new Error("bad"); } })); }
await run(4000);
const u0 = process.cpuUsage(); const t0 = performance.now();
await run(+n);
const u = process.cpuUsage(u0); const t = performance.now() - t0;
console.log(impl, "req/s", Math.round(+n / t * 1000), "cpu µs/call", ((u.user + u.system) / +n).toFixed(1));
process.exit(0);
