// A file in a client's src/generated/ that its spec no longer produces (xml-shapes.ts once the spec's last XML body
// is gone) is stale generated code the package still compiles and may still import: `generate-clients.mjs --check`
// (the first step of `npm test`) fails on it and `npm run generate` removes it. A file the generator did not write
// is refused by both. Runs on a small copy of what the generator reads (scripts, specs, redocly.yaml, the clients'
// package.json and generated files), never on this checkout.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withNetworkGuard } from "./support/guarded-child.js";

const root = join(import.meta.dirname, "..");
let dir: string;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["scripts/generate-clients.mjs", ...args], { cwd: dir, encoding: "utf8", env: withNetworkGuard({ ...process.env, NO_COLOR: "1" }) });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};
const generated = (vendor: string) => join(dir, "packages", vendor, "src", "generated");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bucketry-generate-clients-"));
  for (const part of ["scripts", "specs", "redocly.yaml"]) cpSync(join(root, part), join(dir, part), { recursive: true });
  for (const vendor of ["aliyun-ens", "aliyun-oss", "huaweicloud-mpc"]) {
    mkdirSync(join(dir, "packages", vendor, "src"), { recursive: true });
    cpSync(join(root, "packages", vendor, "package.json"), join(dir, "packages", vendor, "package.json"));
    cpSync(join(root, "packages", vendor, "src", "generated"), generated(vendor), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generate-clients.mjs and files its spec no longer produces", () => {
  it("fails the check on a leftover generated file, naming the fix, and generating removes it", () => {
    expect(run("aliyun-ens", "--check").status).toBe(0);
    // What an ENS spec that once had an XML body would leave behind.
    writeFileSync(join(generated("aliyun-ens"), "xml-shapes.ts"), readFileSync(join(generated("aliyun-oss"), "xml-shapes.ts"), "utf8").replace("specs/aliyun-oss.yaml", "specs/aliyun-ens.yaml"));
    const stale = run("aliyun-ens", "--check");
    expect(stale.status, stale.output).toBe(1);
    expect(stale.output).toContain("packages/aliyun-ens/src/generated/xml-shapes.ts is no longer generated from specs/aliyun-ens.yaml: run `npm run generate` (it removes the file)");
    const written = run("aliyun-ens");
    expect(written.status, written.output).toBe(0);
    expect(written.output).toContain("removed packages/aliyun-ens/src/generated/xml-shapes.ts (no longer generated from specs/aliyun-ens.yaml)");
    expect(readdirSync(generated("aliyun-ens")).sort()).toEqual(["base-url.ts", "late-client.ts", "query-param.ts", "schema.ts"]);
    expect(run("aliyun-ens", "--check").status).toBe(0);
    // The spec that still produces it keeps it.
    expect(existsSync(join(generated("aliyun-oss"), "xml-shapes.ts"))).toBe(true);
  }, 60_000);

  it("gives the query helpers only to a client whose spec has a query parameter", () => {
    // MPC's one operation has none: query-param.ts there would be compiled and shipped, never imported.
    expect(readdirSync(generated("huaweicloud-mpc")).sort()).toEqual(["base-url.ts", "late-client.ts", "schema.ts"]);
    writeFileSync(join(generated("huaweicloud-mpc"), "query-param.ts"), readFileSync(join(generated("aliyun-ens"), "query-param.ts"), "utf8"));
    const stale = run("huaweicloud-mpc", "--check");
    expect(stale.status, stale.output).toBe(1);
    expect(stale.output).toContain("packages/huaweicloud-mpc/src/generated/query-param.ts is no longer generated from specs/huaweicloud-mpc.yaml");
    expect(run("huaweicloud-mpc").status).toBe(0);
    expect(readdirSync(generated("huaweicloud-mpc")).sort()).toEqual(["base-url.ts", "late-client.ts", "schema.ts"]);
    // ENS (query parameters in components) and OSS (the `acl` sub-resource) keep theirs.
    expect(existsSync(join(generated("aliyun-ens"), "query-param.ts"))).toBe(true);
    expect(run("aliyun-oss", "--check").status).toBe(0);
    expect(existsSync(join(generated("aliyun-oss"), "query-param.ts"))).toBe(true);
  }, 60_000);

  it("refuses a hand-written file in src/generated/ and leaves it where it is", () => {
    const mine = join(generated("aliyun-ens"), "helpers.ts");
    writeFileSync(mine, "export const helper = 1;\n");
    const message = "packages/aliyun-ens/src/generated/helpers.ts was not written by scripts/generate-clients.mjs: packages/aliyun-ens/src/generated/ holds generated code only; move it out (next to src/index.ts)";
    const checked = run("aliyun-ens", "--check");
    expect(checked.status, checked.output).toBe(1);
    expect(checked.output).toContain(message);
    const written = run("aliyun-ens");
    expect(written.status, written.output).toBe(1);
    expect(written.output).toContain(message);
    expect(existsSync(mine)).toBe(true);
    rmSync(mine);
  }, 60_000);
});
