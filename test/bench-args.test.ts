// `npm run bench` takes its sizes from the command line; a bad value must stop it before it measures anything
// (a NaN call count would otherwise time zero calls in every worker and leave every rate empty).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const RUN = fileURLToPath(new URL("../bench/run.mjs", import.meta.url));

function bench(...args: string[]) {
  const r = spawnSync(process.execPath, [RUN, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stderr: r.stderr };
}

describe("bench/run.mjs arguments", () => {
  it.each([
    [["--n", "abc"], "--n must be a whole number ≥ 1, got NaN"],
    [["--warmup", "-1"], "--warmup must be a whole number ≥ 0, got -1"],
    [["--warmup=1.5"], "--warmup must be a whole number ≥ 0, got 1.5"],
    [["--rounds", "0"], "--rounds must be a whole number ≥ 1, got 0"],
    [["--only", "speed"], "unknown phase speed: one of footprint, bundle, cold, throughput, profile, signing"],
    [["--node-lines", "22,next"], '--node-lines takes Node release lines from 20 on (the packages\' engines), such as 22,24, or none; got "next"'],
    [["--node-lines=18"], '--node-lines takes Node release lines from 20 on (the packages\' engines), such as 22,24, or none; got "18"'],
  ])("%j stops with a one-line message and exit code 2", (args, message) => {
    const { code, stderr } = bench(...args);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`bench: ${message}`);
  });

  it("says what a flag is missing, with exit code 2", () => {
    const { code, stderr } = bench("--warmup");
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("bench: --warmup needs a value");
  });
});
