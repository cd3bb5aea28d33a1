// `npm run release -- --dry-run` shows what would be published and publishes nothing. Every run here points npm
// at a closed local port and sets BUCKETRY_NO_PUBLISH, so even a broken dry-run flag could not reach a registry.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { VENDOR_IDS } from "../support/vendors.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const script = join(root, "scripts", "release.mjs");
const env = { ...process.env, BUCKETRY_NO_PUBLISH: "1", npm_config_registry: "http://127.0.0.1:9/", NO_COLOR: "1" };

const packages = readdirSync(join(root, "packages"))
  .map((d) => JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8")) as { name: string; version: string; private?: boolean })
  .filter((p) => !p.private);

describe("release", () => {
  it("--dry-run lists every publishable package with its version and tarball, and publishes nothing", async () => {
    const { stdout } = await run(process.execPath, [script, "--dry-run", "--offline", "--no-build"], { cwd: root, env, timeout: 60_000 });
    // One client per vendor, plus @bucketry/signing, @bucketry/mocks and the facade.
    expect(packages.length).toBe(VENDOR_IDS.length + 3);
    for (const p of packages) expect(stdout).toMatch(new RegExp(`^  ${p.name.replace("/", "\\/")}@${p.version.replace(/\./g, "\\.")} +access public +\\d+ files`, "m"));
    expect(stdout).toContain("Dry run: nothing was published");
  });

  it("every package has a pending changeset until `npm run version-packages` consumes them", async () => {
    const pending = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
    if (pending.length === 0) return; // after a version bump there is nothing pending — fine
    const { stdout } = await run(process.execPath, [script, "--dry-run", "--offline", "--no-build"], { cwd: root, env, timeout: 60_000 });
    for (const p of packages) expect(stdout).toMatch(new RegExp(`^    ${p.name.replace("/", "\\/")} \\S+ -> \\S+ \\((patch|minor|major)`, "m"));
  });

  it("refuses to publish for real from a test run", async () => {
    const err = (await run(process.execPath, [script, "--no-build"], { cwd: root, env, timeout: 60_000 }).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/refusing to publish/);
  });
});
