#!/usr/bin/env node
// `npm run release` — build, then `changeset publish` (publishes every non-private package whose version is not
// on the registry yet, and tags it in git). `changeset publish` has no dry run, so this script has one:
//
//   npm run release -- --dry-run            what would be published: pending changesets, each package's
//                                           name@version, registry state, tarball files and sizes; publishes nothing
//   npm run release -- --dry-run --offline  the same without asking the registry which versions exist
//   options: --no-build (skip `turbo run build`), --files (list every file of every tarball)
//
// Without --dry-run it refuses to run under a test runner or with BUCKETRY_NO_PUBLISH set, so a test can never
// publish for real.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const known = new Set(["--dry-run", "--offline", "--no-build", "--files"]);
for (const a of args) {
  if (!known.has(a)) {
    console.error(`release: unknown option ${a} (known: ${[...known].join(", ")})`);
    process.exit(2);
  }
}
const dryRun = args.has("--dry-run");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

/** Non-private workspace packages under packages/. */
function publishable() {
  const dir = path.join(root, "packages");
  return readdirSync(dir)
    .filter((d) => existsSync(path.join(dir, d, "package.json")))
    .map((d) => ({ dir: `packages/${d}`, pkg: JSON.parse(readFileSync(path.join(dir, d, "package.json"), "utf8")) }))
    .filter((p) => !p.pkg.private)
    .map((p) => ({ dir: p.dir, name: p.pkg.name, version: p.pkg.version, access: p.pkg.publishConfig?.access ?? "(npm default)" }));
}

function build() {
  if (args.has("--no-build")) return;
  const r = spawnSync(bin("turbo"), ["run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!dryRun) {
  if (process.env.VITEST || process.env.JEST_WORKER_ID || process.env.BUCKETRY_NO_PUBLISH) {
    console.error("release: refusing to publish from a test run (VITEST/BUCKETRY_NO_PUBLISH is set); use --dry-run");
    process.exit(2);
  }
  build();
  const r = spawnSync(bin("changeset"), ["publish"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}

// ---- dry run: nothing below publishes, tags or writes outside a temp dir ----
build();
const packages = publishable();

// 1. Pending changesets: what `npm run version-packages` would do first.
const pending = readdirSync(path.join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
console.log(`Pending changesets: ${pending.length}`);
if (pending.length > 0) {
  const tmp = mkdtempSync(path.join(tmpdir(), "bucketry-release-"));
  const out = path.join(tmp, "status.json");
  const status = spawnSync(bin("changeset"), ["status", "--output", out], { cwd: root, encoding: "utf8" });
  if (existsSync(out)) {
    const { releases } = JSON.parse(readFileSync(out, "utf8"));
    console.log("  `npm run version-packages` would bump (then CHANGELOG.md per package):");
    for (const r of releases) console.log(`    ${r.name} ${r.oldVersion} -> ${r.newVersion} (${r.type}; ${r.changesets.length} changeset(s))`);
    console.log("  Run it and commit before releasing: `npm run release` publishes the versions in package.json as they are.");
  } else {
    console.log(`  changeset status failed:\n${(status.stdout + status.stderr).replace(/^/gm, "    ")}`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

// 2. Which versions the registry already has (changeset publish skips those).
function registryState(p) {
  if (args.has("--offline")) return "registry not checked (--offline)";
  const r = spawnSync("npm", ["view", `${p.name}@${p.version}`, "version", "--json"], { cwd: root, encoding: "utf8", timeout: 30_000 });
  if (r.status === 0 && r.stdout.trim()) return "already on the registry: skipped";
  if (/E404|404 Not Found/.test(r.stderr)) return "not on the registry: would publish";
  return `registry check failed: ${r.stderr.split("\n").find((l) => /error/i.test(l)) ?? r.error?.message ?? "unknown"}`;
}

// 3. The tarballs, exactly as `npm publish` would pack them.
const packed = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", ...packages.flatMap((p) => ["--workspace", p.dir])], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  }),
);

console.log(`\nWould publish ${packages.length} packages (changeset publish: npm publish --tag latest, then a git tag name@version each):`);
for (const p of packages) {
  const t = packed.find((x) => x.name === p.name);
  console.log(`  ${`${p.name}@${p.version}`.padEnd(42)} access ${p.access.padEnd(7)} ${String(t.entryCount).padStart(4)} files  ${kB(t.size).padStart(9)} packed  ${kB(t.unpackedSize).padStart(9)} unpacked  ${registryState(p)}`);
  if (args.has("--files")) for (const f of t.files) console.log(`      ${f.path} (${f.size} B)`);
}
console.log("\nDry run: nothing was published, tagged or pushed.");
