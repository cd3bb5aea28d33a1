// The bundle-size gate of `npm test` (scripts/check-size.mjs): its verdicts on measured bundles against budgets
// given here by hand, and the real budgets' file naming every bundle the script measures.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { judge, PROGRAMS } from "../scripts/check-size.mjs";

type Row = { name: string; result: string };
const verdicts = (measured: object[], table: object, vendors: string[] = []) => {
  const { rows, failed } = judge(measured, table, vendors) as { rows: Row[]; failed: boolean };
  return { failed, results: Object.fromEntries(rows.map((r) => [r.name, r.result])) };
};

describe("check-size verdicts", () => {
  const table = { a: { gzip: 100, minified: 300 }, "bucketry/<provider>": { gzip: 50, minified: 150 } };

  it("a bundle at its budget passes; one byte over, gzip or minified, is OVER BUDGET", () => {
    expect(verdicts([{ name: "a", gzip: 100, minified: 300 }], table)).toEqual({ failed: false, results: { a: "ok" } });
    expect(verdicts([{ name: "a", gzip: 101, minified: 300 }], table)).toEqual({ failed: true, results: { a: "OVER BUDGET" } });
    expect(verdicts([{ name: "a", gzip: 100, minified: 301 }], table)).toEqual({ failed: true, results: { a: "OVER BUDGET" } });
  });

  it("a provider entry without a budget of its own is held to bucketry/<provider>'s; any other bundle without one fails", () => {
    expect(verdicts([{ name: "a", gzip: 1, minified: 1 }, { name: "bucketry/acme-box", gzip: 50, minified: 150 }], table).results).toEqual({ a: "ok", "bucketry/acme-box": "ok" });
    expect(verdicts([{ name: "a", gzip: 1, minified: 1 }, { name: "bucketry/acme-box", gzip: 51, minified: 150 }], table).results["bucketry/acme-box"]).toBe("OVER BUDGET");
    expect(verdicts([{ name: "a", gzip: 1, minified: 1 }, { name: "other", gzip: 1, minified: 1 }], table)).toMatchObject({ failed: true, results: { other: "FAIL (no budget in size-budgets.json)" } });
  });

  it("a bundle that did not build, a budget no bundle has, and a vendor without a bare-client program fail the run", () => {
    expect(verdicts([{ name: "a", error: "does not build: x" }], table)).toMatchObject({ failed: true, results: { a: "FAIL" } });
    expect(verdicts([], table)).toMatchObject({ failed: true, results: { a: "FAIL (budget for an unknown bundle)" } });
    const missing = verdicts([{ name: "a", gzip: 1, minified: 1 }], table, ["acme-box"]);
    expect(missing.failed).toBe(true);
    expect(missing.results["@bucketry/acme-box"]).toMatch(/^FAIL \(no program/);
  });

  it("size-budgets.json has a budget for every fixed program (provider entries: their own or the default)", () => {
    const { budgets } = JSON.parse(readFileSync(new URL("../size-budgets.json", import.meta.url), "utf8")) as { budgets: Record<string, unknown> };
    for (const name of Object.keys(PROGRAMS as Record<string, string>)) expect(budgets, name).toHaveProperty([name]);
    expect(budgets).toHaveProperty(["bucketry/<provider>"]);
  });
});
