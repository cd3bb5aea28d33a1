// Throughput against a local node:http server (lib/server.mjs, answering each vendor's documented example, not
// verifying signatures): n sequential calls and n calls at `inflight` in flight, after a warm-up, each
// (vendor, impl, mode) in a fresh process. Rounds are interleaved (every impl of a vendor runs once per
// round, in a rotated order) and ours is reported as ratios to the baselines and the official SDKs
// measured in the same round. `node` runs the workers on another Node binary (a release line other than the
// host's, see run.mjs --node-lines); the server stays on the host's Node, so only the client side changes.
import { spawn } from "node:child_process";
import path from "node:path";
import { IMPLS } from "./impls.mjs";
import { BENCH_DIR } from "./paths.mjs";
import { firstErrorLine, log, run, workerEnv } from "./util.mjs";

export function startServer(vendors) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BENCH_DIR, "lib", "server.mjs"), vendors.join(",")], { stdio: ["pipe", "pipe", "inherit"] });
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl >= 0) resolve({ ports: JSON.parse(buf.slice(0, nl)).ports, stop: () => child.stdin.end() });
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

export async function throughput({ vendors, n, warmup, rounds, inflight, impls: only, node = process.execPath }) {
  const server = await startServer(vendors);
  const env = workerEnv();
  const samples = {}; // vendor → impl → mode → [rps per round] (null where a run failed)
  const errors = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const v of vendors) {
        const list = IMPLS[v].filter((i) => !only || only.includes(i.kind));
        const rot = round % list.length;
        const ordered = [...list.slice(rot), ...list.slice(0, rot)];
        for (const mode of round % 2 === 0 ? ["seq", "conc"] : ["conc", "seq"]) {
          for (const impl of ordered) {
            samples[v] ??= {};
            samples[v][impl.id] ??= { seq: [], conc: [] };
            const key = `${v}/${impl.id}/${mode}`;
            if (errors[key]) {
              samples[v][impl.id][mode].push(null);
              continue;
            }
            const file = path.join(BENCH_DIR, "impl", v, `${impl.id}.mjs`);
            const endpoint = `http://127.0.0.1:${server.ports[v]}`;
            const r = await run(node, [path.join(BENCH_DIR, "lib", "throughput-worker.mjs"), file, endpoint, mode, String(n), String(warmup), String(inflight)], {
              env,
              timeoutMs: 180_000,
            });
            let rps = null;
            if (r.code === 0) rps = JSON.parse(r.stdout.trim().split("\n").pop()).rps;
            else errors[key] = firstErrorLine(r.stderr);
            samples[v][impl.id][mode].push(rps);
          }
        }
        log(`throughput: round ${round + 1}/${rounds} ${v} done`);
      }
    }
  } finally {
    server.stop();
  }
  return { samples, errors, n, warmup, rounds, inflight };
}
