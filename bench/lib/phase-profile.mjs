// Where a call's CPU goes: runs of `ours` and of each official SDK per vendor (one per round, rows rotated) at
// `inflight` in flight against the throughput phase's local server, with V8's CPU profiler sampling the timed
// calls only (lib/throughput-worker.mjs). Each sample is put in a bucket by the code it ran — the platform's
// Request/Response (undici, web streams, AbortSignal), openapi-fetch, @bucketry/signing's signer or transport,
// the generated client, node:http, the official SDK's own code, socket writes, GC, other Node internals — and
// the buckets are reported in µs per call, each the median over the rounds. It explains the throughput
// targets; it sets none of its own.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { IMPLS } from "./impls.mjs";
import { BENCH_DIR } from "./paths.mjs";
import { startServer } from "./phase-throughput.mjs";
import { firstErrorLine, log, median, run, workerEnv } from "./util.mjs";

/** The buckets, in report order. */
export const BUCKETS = [
  "platform Request/Response",
  "openapi-fetch",
  "signer",
  "transport",
  "generated client",
  "node:http",
  "SDK code",
  "socket writes",
  "GC",
  "other Node",
];

const PLATFORM = /undici|webstreams|abort_controller|event_target|js_transferable/;
const SOCKET_WRITES = new Set(["writev", "writeBuffer", "writeLatin1String", "writeUtf8String", "writeAsciiString"]);

function bucketOfUrl(url) {
  if (PLATFORM.test(url)) return "platform Request/Response";
  if (url.includes("/openapi-fetch/")) return "openapi-fetch";
  if (url.includes("/packages/signing/dist/transport/")) return "transport";
  if (url.includes("/packages/signing/dist/")) return "signer";
  if (/\/packages\/(aliyun-ens|huaweicloud-mpc|baidu-bos|hitachi-vsp-one-object|aliyun-oss)\/dist\//.test(url)) return "generated client";
  if (/^node:(_http_|http$|https$)/.test(url)) return "node:http";
  if (url.includes("/node_modules/")) return "SDK code";
  return undefined;
}

/** µs of CPU per call, by bucket, from a .cpuprofile of `calls` calls (idle time left out). */
export function bucketize(profile, calls) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const memo = new Map();
  const bucketOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    const frame = byId.get(id).callFrame;
    let bucket;
    if (frame.functionName === "(idle)") bucket = null;
    else if (frame.functionName === "(garbage collector)") bucket = "GC";
    else if (SOCKET_WRITES.has(frame.functionName) && frame.url === "") bucket = "socket writes";
    else {
      // A frame counts toward the nearest caller (itself included) whose code has a bucket.
      for (let at = id; at !== undefined && bucket === undefined; at = parent.get(at)) bucket = bucketOfUrl(byId.get(at).callFrame.url);
      bucket ??= "other Node";
    }
    memo.set(id, bucket);
    return bucket;
  };
  const us = Object.fromEntries(BUCKETS.map((b) => [b, 0]));
  for (let i = 0; i < profile.samples.length; i++) {
    const bucket = bucketOf(profile.samples[i]);
    // timeDeltas[i] is the time before sample i; attribute it to the sample that follows (V8's convention).
    if (bucket) us[bucket] += profile.timeDeltas[i] ?? 0;
  }
  const perCall = Object.fromEntries(Object.entries(us).map(([b, total]) => [b, total / calls]));
  return { perCall, cpu: Object.values(perCall).reduce((a, b) => a + b, 0) };
}

/** The rows profiled for a vendor: ours (on its platform transport) and each official SDK. */
const profiledRows = (vendor) => IMPLS[vendor].filter((i) => (i.kind === "ours" && !i.variant) || i.kind === "official");

export async function profile({ vendors, n, warmup, inflight, rounds, node = process.execPath }) {
  const server = await startServer(vendors);
  const env = workerEnv();
  const dir = mkdtempSync(path.join(tmpdir(), "bucketry-bench-profile-"));
  const runs = {}; // vendor → impl → [bucketize result per round]
  const errors = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const v of vendors) {
        const list = profiledRows(v);
        const rot = round % list.length;
        for (const impl of [...list.slice(rot), ...list.slice(0, rot)]) {
          const key = `${v}/${impl.id}`;
          if (errors[key]) continue;
          const file = path.join(BENCH_DIR, "impl", v, `${impl.id}.mjs`);
          const out = path.join(dir, `${v}-${impl.id}.cpuprofile`);
          const args = [path.join(BENCH_DIR, "lib", "throughput-worker.mjs"), file, `http://127.0.0.1:${server.ports[v]}`, "conc", String(n), String(warmup), String(inflight), out];
          const r = await run(node, args, { env, timeoutMs: 180_000 });
          if (r.code !== 0) {
            errors[key] = firstErrorLine(r.stderr);
            continue;
          }
          ((runs[v] ??= {})[impl.id] ??= []).push(bucketize(JSON.parse(readFileSync(out, "utf8")), n));
        }
      }
      log(`profile: round ${round + 1}/${rounds} done`);
    }
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  // Per row: the median of each bucket over the rounds, and the median total.
  const rows = {};
  for (const v of vendors) {
    rows[v] = {};
    for (const impl of profiledRows(v)) {
      const key = `${v}/${impl.id}`;
      const got = runs[v]?.[impl.id];
      if (errors[key] || !got) {
        rows[v][impl.id] = { error: errors[key] ?? "no run" };
        continue;
      }
      rows[v][impl.id] = {
        rounds: got.length,
        cpu: median(got.map((g) => g.cpu)),
        perCall: Object.fromEntries(BUCKETS.map((b) => [b, median(got.map((g) => g.perCall[b]))])),
      };
    }
  }
  return { rows, buckets: BUCKETS, n, warmup, inflight, rounds };
}
