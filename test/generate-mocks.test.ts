// `generate-mocks.mjs --check` (a step of `npm test`) names the spec a stale mock module comes from, as the
// clients' check does, so the maintainer knows which edit to regenerate for. Runs on a small copy of what the
// generator reads (scripts, specs, redocly.yaml, the mocks' src/), never on this checkout.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withNetworkGuard } from "./support/guarded-child.js";

const root = join(import.meta.dirname, "..");
let dir: string;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["scripts/generate-mocks.mjs", ...args], { cwd: dir, encoding: "utf8", env: withNetworkGuard({ ...process.env, NO_COLOR: "1" }) });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bucketry-generate-mocks-"));
  for (const part of ["scripts", "specs", "redocly.yaml"]) cpSync(join(root, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, "packages", "mocks"), { recursive: true });
  cpSync(join(root, "packages", "mocks", "src"), join(dir, "packages", "mocks", "src"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generate-mocks.mjs --check", () => {
  it("names the spec whose mock module is out of date, and only that one", () => {
    expect(run("--check").status).toBe(0);
    appendFileSync(join(dir, "specs", "baidu-bos.yaml"), "# an edit\n");
    const stale = run("--check");
    expect(stale.status, stale.output).toBe(1);
    expect(stale.output).toContain("packages/mocks/src/generated/baidu-bos.ts is stale or was edited by hand: run `npm run generate` (source: specs/baidu-bos.yaml)");
    expect(stale.output).not.toContain("aliyun-oss");
    expect(run().status).toBe(0);
    expect(run("--check").status).toBe(0);
  });
});
