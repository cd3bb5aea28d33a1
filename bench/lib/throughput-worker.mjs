// One throughput measurement in a fresh process:
//   node lib/throughput-worker.mjs <impl-file> <endpoint> <seq|conc> <n> <warmup> [inflight] [cpu-profile-file]
// Prints {"rps":…, "ms":…} on stdout. The first call's result is checked against the documented example.
// With a profile file (the profile phase), V8's CPU profiler samples the timed calls only, every 100 µs, and the
// profile is written there as JSON (the .cpuprofile format).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { pathToFileURL } from "node:url";

const [file, endpoint, mode, nArg, warmArg, inflightArg, profileFile] = process.argv.slice(2);
const n = Number(nArg);
const warmup = Number(warmArg);
const inflight = Number(inflightArg ?? 16);

const impl = await import(pathToFileURL(file).href);
const client = impl.create({ endpoint });

const first = await client.call();
if (!impl.verify(first)) throw new Error(`${file}: first result does not match the documented example: ${JSON.stringify(first).slice(0, 300)}`);

async function run(count) {
  if (mode === "seq") {
    for (let i = 0; i < count; i++) await client.call();
    return;
  }
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      await client.call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inflight, count) }, lane));
}

await run(warmup);
let profiler;
if (profileFile) {
  profiler = new Session();
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
  await profiler.post("Profiler.start");
}
const t0 = process.hrtime.bigint();
await run(n);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (profiler) writeFileSync(profileFile, JSON.stringify((await profiler.post("Profiler.stop")).profile));
process.stdout.write(JSON.stringify({ rps: (n * 1000) / ms, ms }) + "\n");
process.exit(0); // keep-alive sockets and SDK timers must not hold the process open
