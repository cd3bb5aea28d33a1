// Cold start: wall time of a fresh `node` process that imports one client and constructs it, median of N
// runs, minus the median of `node -e 0` measured in the same loop (programs shuffled each iteration).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { IMPLS } from "./impls.mjs";
import { BENCH_DIR } from "./paths.mjs";
import { firstErrorLine, log, max, median, min, shuffled, workerEnv } from "./util.mjs";

function time(args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return r.status === 0 ? { ms } : { error: firstErrorLine(r.stderr?.toString() ?? r.error ?? "failed") };
}

export async function cold({ vendors, iterations }) {
  const env = workerEnv();
  const programs = [
    { key: "null", args: ["-e", "0"] },
    // What first touching fetch's globals costs (Node loads its bundled undici lazily): part of any fetch client.
    { key: "fetch-globals", args: ["-e", "globalThis.Headers; globalThis.Request; globalThis.fetch"] },
  ];
  for (const v of vendors) {
    for (const impl of IMPLS[v].filter((i) => !i.throughputOnly)) {
      programs.push({ key: `${v}/${impl.id}`, vendor: v, impl, args: [path.join(BENCH_DIR, "lib", "cold-worker.mjs"), path.join(BENCH_DIR, "impl", v, `${impl.id}.mjs`)] });
    }
  }
  const samples = Object.fromEntries(programs.map((p) => [p.key, []]));
  const errors = {};
  // One unmeasured pass warms the OS file cache (and lets SDKs write their first-run files).
  for (const p of programs) {
    const r = time(p.args, env);
    if (r.error) errors[p.key] = r.error;
  }
  for (let i = 0; i < iterations; i++) {
    for (const p of shuffled(programs, 0xc01d + i)) {
      if (errors[p.key]) continue;
      const r = time(p.args, env);
      if (r.error) errors[p.key] = r.error;
      else samples[p.key].push(r.ms);
    }
    log(`cold start: iteration ${i + 1}/${iterations}`);
  }
  const nullMedian = median(samples.null);
  const rows = {};
  const fg = samples["fetch-globals"].map((ms) => ms - nullMedian);
  const fetchGlobals = errors["fetch-globals"] ? { error: errors["fetch-globals"] } : { ms: median(fg), min: min(fg), max: max(fg) };
  for (const p of programs.slice(2)) {
    rows[p.vendor] ??= {};
    if (errors[p.key]) {
      rows[p.vendor][p.impl.id] = { label: p.impl.label, error: errors[p.key] };
      continue;
    }
    const net = samples[p.key].map((ms) => ms - nullMedian);
    rows[p.vendor][p.impl.id] = { label: p.impl.label, ms: median(net), min: min(net), max: max(net), n: net.length, rawMedian: median(samples[p.key]) };
  }
  return { rows, fetchGlobals, nodeNull: { ms: nullMedian, min: min(samples.null), max: max(samples.null), n: samples.null.length }, iterations };
}
