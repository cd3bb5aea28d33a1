// Signing ops/s per scheme, each scheme in a fresh process (lib/signing-worker.mjs).
import path from "node:path";
import { SCHEMES } from "./impls.mjs";
import { BENCH_DIR } from "./paths.mjs";
import { firstErrorLine, log, max, median, min, run, workerEnv } from "./util.mjs";

export async function signing({ vendors, ms, rounds }) {
  const rows = {};
  for (const v of vendors) {
    for (const scheme of SCHEMES[v]) {
      const r = await run(process.execPath, [path.join(BENCH_DIR, "lib", "signing-worker.mjs"), scheme, String(ms), String(rounds)], { env: workerEnv(), timeoutMs: 120_000 });
      if (r.code !== 0) {
        rows[scheme] = { vendor: v, error: firstErrorLine(r.stderr) };
        continue;
      }
      const o = JSON.parse(r.stdout.trim().split("\n").pop());
      const ratios = o.ours.map((x, i) => x / o.sdk[i]);
      rows[scheme] = {
        vendor: v,
        label: o.label,
        sdkName: o.sdkName,
        ours: { median: median(o.ours), min: min(o.ours), max: max(o.ours) },
        sdk: { median: median(o.sdk), min: min(o.sdk), max: max(o.sdk) },
        ratio: { median: median(o.ours) / median(o.sdk), min: min(ratios), max: max(ratios) },
        rounds,
        msPerRound: ms,
      };
      log(`signing: ${scheme} ours ${Math.round(median(o.ours))} ops/s, sdk ${Math.round(median(o.sdk))} ops/s`);
    }
  }
  return { rows };
}
