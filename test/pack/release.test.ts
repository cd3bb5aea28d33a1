// `npm run release -- --dry-run` shows what would be published and publishes nothing. Every run here points npm
// at a closed local port and sets BUCKETRY_NO_PUBLISH, so even a broken dry-run flag could not reach a registry.
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { withNetworkGuard } from "../support/guarded-child.js";
import { VENDOR_IDS } from "../support/vendors.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const script = join(root, "scripts", "release.mjs");
const env = { ...process.env, BUCKETRY_NO_PUBLISH: "1", npm_config_registry: "http://127.0.0.1:9/", NO_COLOR: "1" };

type Pkg = { name: string; version: string; private?: boolean; dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const packages = readdirSync(join(root, "packages"))
  .map((d) => JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8")) as Pkg)
  .filter((p) => !p.private);
const workspaceDeps = (p: Pkg) => Object.keys({ ...p.dependencies, ...p.peerDependencies, ...p.optionalDependencies }).filter((d) => packages.some((q) => q.name === d));

type FakeReleaseOptions = {
  /** The package whose `npm publish` fails. */
  failPublish?: string;
  /** The exit code of the release check (a stand-in for `node scripts/spec-diff.mjs --check`, which logs its call). */
  checkStatus?: number;
  /** Edits each package's release record (its release.json in the release baseline) before the release: null leaves it out. */
  baseline?: (dir: string, record: { name: string; version: string }) => { name: string; version: string } | null;
};

/**
 * The release script's publish path on a copy of the workspace's package.json files in a temp git repository,
 * with a stand-in `npm` first on PATH: it logs each call, answers `npm view` with a 404 (nothing published yet)
 * and `npm publish` with success, or failure for the package named in FAIL_PUBLISH. The copy records each
 * package's version in release-baseline/ (as `npm run version-packages` does) unless `baseline` says otherwise,
 * and its release check is a stand-in that exits with `checkStatus`. The script's test-run guard is lifted only
 * for this child, whose npm never reaches a registry.
 */
function fakeRelease({ failPublish = "", checkStatus = 0, baseline = (_dir, record) => record }: FakeReleaseOptions = {}): { calls: string[][]; tags: string[]; status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "bucketry-release-"));
  try {
    mkdirSync(join(dir, "scripts"));
    cpSync(script, join(dir, "scripts", "release.mjs"));
    cpSync(join(root, ".changeset", "config.json"), join(dir, ".changeset", "config.json"), { recursive: true });
    const log = join(dir, "npm-calls.jsonl");
    writeFileSync(join(dir, "scripts", "spec-diff.mjs"), `import { appendFileSync } from "node:fs";\nappendFileSync(${JSON.stringify(log)}, JSON.stringify(["spec-diff", ...process.argv.slice(2)]) + "\\n");\nprocess.exit(${checkStatus});\n`);
    for (const d of readdirSync(join(root, "packages"))) {
      mkdirSync(join(dir, "packages", d), { recursive: true });
      cpSync(join(root, "packages", d, "package.json"), join(dir, "packages", d, "package.json"));
      const pkg = JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8")) as Pkg;
      if (pkg.private) continue;
      const record = baseline(d, { name: pkg.name, version: pkg.version });
      if (record === null) continue;
      mkdirSync(join(dir, "release-baseline", d), { recursive: true });
      writeFileSync(join(dir, "release-baseline", d, "release.json"), `${JSON.stringify(record, null, 2)}\n`);
    }
    const bin = join(dir, "fake-bin");
    mkdirSync(bin);
    writeFileSync(
      join(bin, "npm"),
      `#!${process.execPath}\n` +
        `const fs = require("node:fs"), path = require("node:path"); const a = process.argv.slice(2);\n` +
        `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(a) + "\\n");\n` +
        `if (a[0] === "view") { process.stderr.write("npm error code E404\\n"); process.exit(1); }\n` +
        // npm reads a relative folder path (owner/name shaped) as a GitHub repository, so only an absolute folder is a publish here.
        `if (a[0] === "publish" && !path.isAbsolute(a[1])) { process.stderr.write("not a folder: " + a[1] + "\\n"); process.exit(4); }\n` +
        `if (a[0] === "publish") { const name = JSON.parse(fs.readFileSync(path.join(a[1], "package.json"), "utf8")).name; process.exit(name === process.env.FAIL_PUBLISH ? 1 : 0); }\n` +
        `process.exit(3);\n`,
    );
    chmodSync(join(bin, "npm"), 0o755);
    const git = (...a: string[]) => execFileSync("git", a, { cwd: dir, encoding: "utf8", env: { ...process.env, ...gitIdentity } });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "release");
    const childEnv: Record<string, string | undefined> = { ...withNetworkGuard(env), ...gitIdentity, PATH: `${bin}${delimiter}${process.env.PATH}`, FAIL_PUBLISH: failPublish };
    for (const k of Object.keys(childEnv)) if (k.startsWith("VITEST") || k === "BUCKETRY_NO_PUBLISH" || k === "JEST_WORKER_ID") delete childEnv[k];
    let status = 0;
    let output = "";
    try {
      output = execFileSync(process.execPath, [join(dir, "scripts", "release.mjs"), "--no-build"], { cwd: dir, env: childEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      status = err.status;
      output = `${err.stdout}${err.stderr}`;
    }
    const calls = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as string[]) : [];
    const tags = git("tag", "-l").trim().split("\n").filter(Boolean);
    return { calls, tags, status, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const gitIdentity = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.invalid", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.invalid", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
/** The package a publish call named, by its folder under packages/ (the call's folder is the temp copy's). */
const nameOf = (dir: string) => JSON.parse(readFileSync(join(root, "packages", basename(dir), "package.json"), "utf8")).name as string;

describe("release", () => {
  it("--dry-run lists every publishable package with its version and tarball, and publishes nothing", async () => {
    const { stdout } = await run(process.execPath, [script, "--dry-run", "--offline", "--no-build"], { cwd: root, env, timeout: 60_000 });
    // One client per vendor, plus @bucketry/signing, @bucketry/mocks and the facade.
    expect(packages.length).toBe(VENDOR_IDS.length + 3);
    for (const p of packages) expect(stdout).toMatch(new RegExp(`^  ${p.name.replace("/", "\\/")}@${p.version.replace(/\./g, "\\.")} +access public +\\d+ files`, "m"));
    expect(stdout).toContain("Dry run: nothing was published");
    expect(stdout).toContain("Before publishing, a release also runs the release check `node scripts/spec-diff.mjs --check`");
  });

  it("every package has a pending changeset until `npm run version-packages` consumes them", async () => {
    const pending = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
    if (pending.length === 0) return; // after a version bump there is nothing pending — fine
    const { stdout } = await run(process.execPath, [script, "--dry-run", "--offline", "--no-build"], { cwd: root, env, timeout: 60_000 });
    for (const p of packages) expect(stdout).toMatch(new RegExp(`^    ${p.name.replace("/", "\\/")} \\S+ -> \\S+ \\((patch|minor|major)`, "m"));
  });

  it("publishes every package after the workspace packages it depends on, one at a time, and tags each", () => {
    const { calls, tags, status, output } = fakeRelease();
    expect(status, output).toBe(0);
    const published = calls.filter((c) => c[0] === "publish").map((c) => nameOf(c[1]!));
    expect(published.sort()).toEqual(packages.map((p) => p.name).sort());
    const order = calls.filter((c) => c[0] === "publish").map((c) => nameOf(c[1]!));
    for (const p of packages) for (const d of workspaceDeps(p)) expect(order.indexOf(d), `${d} before ${p.name}`).toBeLessThan(order.indexOf(p.name));
    // The facade needs the five clients and @bucketry/signing; the mocks need @bucketry/signing.
    expect(order.at(-1)).toBe("bucketry");
    expect(order.indexOf("@bucketry/signing")).toBeLessThan(order.indexOf("@bucketry/mocks"));
    for (const c of calls.filter((c) => c[0] === "publish")) expect(c.slice(2)).toEqual(["--access", "public", "--tag", "latest"]);
    expect(tags.sort()).toEqual(packages.map((p) => `${p.name}@${p.version}`).sort());
  });

  it("runs the release check before anything is published", () => {
    const { calls, status, output } = fakeRelease();
    expect(status, output).toBe(0);
    expect(calls[0]).toEqual(["spec-diff", "--check"]);
    expect(calls.filter((c) => c[0] === "spec-diff")).toHaveLength(1);
  });

  it("refuses to publish anything when the release check fails, naming the command", () => {
    const { calls, tags, status, output } = fakeRelease({ checkStatus: 1 });
    expect(status).toBe(1);
    expect(calls).toEqual([["spec-diff", "--check"]]);
    expect(tags).toEqual([]);
    expect(output).toContain("release: refusing to publish; nothing was published. The release check `node scripts/spec-diff.mjs --check` failed (exit 1).");
  });

  it("refuses to publish anything when release-baseline/ does not record a version to publish, naming the package and the command", () => {
    const signing = packages.find((p) => p.name === "@bucketry/signing")!;
    // Plain `changeset version` (no record) leaves the previous release's record; a lost folder leaves none.
    const { calls, tags, status, output } = fakeRelease({ baseline: (dir, record) => (dir === "signing" ? { ...record, version: "0.0.1" } : dir === "aliyun-oss" ? null : record) });
    expect(status).toBe(1);
    expect(calls).toEqual([]);
    expect(tags).toEqual([]);
    expect(output).toContain("release: refusing to publish; nothing was published. release-baseline/ does not record the versions to publish:");
    expect(output).toContain(`  @bucketry/signing@${signing.version}: release-baseline/signing/release.json records @bucketry/signing@0.0.1\n`);
    expect(output).toMatch(/^ {2}@bucketry\/aliyun-oss@\S+: release-baseline\/aliyun-oss\/release\.json records no release$/m);
    expect(output).not.toMatch(/^ {2}@bucketry\/mocks@/m);
    expect(output).toContain("Run `npm run version-packages`");
    // A record of another package in the folder (a renamed package) is no record of this one.
    const renamed = fakeRelease({ baseline: (dir, record) => (dir === "mocks" ? { ...record, name: "@bucketry/mock" } : record) });
    expect(renamed.status).toBe(1);
    expect(renamed.calls).toEqual([]);
    expect(renamed.output).toMatch(/^ {2}@bucketry\/mocks@(\S+): release-baseline\/mocks\/release\.json records @bucketry\/mock@\1$/m);
  });

  it("stops at a failed publish: what depends on it is not published, what went out is tagged", () => {
    const { calls, tags, status, output } = fakeRelease({ failPublish: "@bucketry/signing" });
    expect(status).toBe(1);
    const order = calls.filter((c) => c[0] === "publish").map((c) => nameOf(c[1]!));
    expect(order).not.toContain("@bucketry/mocks");
    expect(order).not.toContain("bucketry");
    expect(order.at(-1)).toBe("@bucketry/signing");
    expect(tags).not.toContain(`@bucketry/signing@${packages.find((p) => p.name === "@bucketry/signing")!.version}`);
    expect(tags.length).toBe(order.length - 1);
    expect(output).toMatch(/stopped at @bucketry\/signing@\S+: npm publish exited with 1/);
    expect(output).toMatch(/Not attempted \(they come after it\): .*bucketry/);
  });

  it("--dry-run shows the publish order, dependencies first", async () => {
    const { stdout } = await run(process.execPath, [script, "--dry-run", "--offline", "--no-build"], { cwd: root, env, timeout: 60_000 });
    const listed = [...stdout.matchAll(/^  (\S+)@\d\S* +access/gm)].map((m) => m[1]!);
    expect(listed.sort()).toEqual(packages.map((p) => p.name).sort());
    const order = [...stdout.matchAll(/^  (\S+)@\d\S* +access/gm)].map((m) => m[1]!);
    for (const p of packages) for (const d of workspaceDeps(p)) expect(order.indexOf(d), `${d} before ${p.name}`).toBeLessThan(order.indexOf(p.name));
    expect(stdout).toMatch(/^      after @bucketry\/signing$/m);
  });

  it("a mistyped one-time password option is refused without echoing the password", async () => {
    const code = "271828";
    for (const args of [[`--OTP=${code}`], ["--otp", code], [code], [`-otp=${code}`]]) {
      const err = (await run(process.execPath, [script, "--dry-run", "--offline", "--no-build", ...args], { cwd: root, env, timeout: 60_000 }).catch((e: unknown) => e)) as { code?: number; stdout?: string; stderr?: string };
      expect(err.code).toBe(2);
      expect(`${err.stdout}${err.stderr}`).not.toContain(code);
      expect(err.stderr).toMatch(/^release: unknown option .*--otp=CODE\)$/m);
    }
  });

  it("refuses to publish for real from a test run", async () => {
    const err = (await run(process.execPath, [script, "--no-build"], { cwd: root, env, timeout: 60_000 }).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/refusing to publish/);
  });
});
