#!/usr/bin/env node
// `npm run release` — build, then publish every non-private package whose version is not on the registry yet, one
// at a time in dependency order (a package after every workspace package in its dependencies, peerDependencies
// and optionalDependencies), and tag each published one in git as `changeset publish` does (`<name>@<version>`,
// annotated). Not `changeset publish` itself: it publishes all packages at once (up to 10 concurrent
// `npm publish`), so the facade could be on the registry before the client version it depends on. A failed
// publish stops the release there: nothing that depends on it goes out. This script also has a dry run:
//
//   npm run release -- --dry-run            what would be published: pending changesets, each package's
//                                           name@version, registry state, tarball files and sizes; publishes nothing
//   npm run release -- --dry-run --offline  the same without asking the registry which versions exist
//   options: --no-build (skip `turbo run build`), --files (list every file of every tarball), --otp=<code> (npm 2FA)
//
// Without --dry-run it refuses to run under a test runner or with BUCKETRY_NO_PUBLISH set, so a test can never
// publish for real. Before publishing anything it refuses, saying which command to run, when release-baseline/
// does not record exactly the versions to publish (`npm run version-packages` writes it) or when the release
// check (`node scripts/spec-diff.mjs --check`) fails.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const known = new Set(["--dry-run", "--offline", "--no-build", "--files"]);
// A one-time password for the registry's two-factor check, passed on to every `npm publish`.
const otp = [...args].find((a) => a.startsWith("--otp="));
if (otp) args.delete(otp);
for (const a of args) {
  if (!known.has(a)) {
    // The option's name only: its value, or a bare argument (`--otp 123456`, `--OTP=123456`), may be the password.
    const named = a.startsWith("-") ? a.split("=")[0] : "(an argument that is not an option; not shown)";
    console.error(`release: unknown option ${named} (known: ${[...known].join(", ")}, --otp=CODE)`);
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
    .map((p) => ({
      dir: p.dir,
      name: p.pkg.name,
      version: p.pkg.version,
      access: p.pkg.publishConfig?.access ?? changesetAccess() ?? "(npm default)",
      deps: Object.keys({ ...p.pkg.dependencies, ...p.pkg.peerDependencies, ...p.pkg.optionalDependencies }),
    }));
}

/** The `access` of .changeset/config.json, which `changeset publish` passes to npm for packages without their own. */
function changesetAccess() {
  const file = path.join(root, ".changeset", "config.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")).access ?? undefined) : undefined;
}

/**
 * The packages in publish order: each after the workspace packages it depends on (ties by name, so the order is
 * the same on every run). A dependency cycle cannot be published in order and is refused, naming the packages.
 */
function publishOrder(packages) {
  const names = new Set(packages.map((p) => p.name));
  const waiting = new Map(packages.map((p) => [p.name, new Set(p.deps.filter((d) => names.has(d) && d !== p.name))]));
  const order = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) throw new Error(`release: workspace packages depend on each other in a cycle (${[...waiting.keys()].join(", ")}); no publish order puts every dependency first. Remove the cycle from their package.json dependencies.`);
    for (const name of ready) {
      waiting.delete(name);
      for (const deps of waiting.values()) deps.delete(name);
      order.push(packages.find((p) => p.name === name));
    }
  }
  return order;
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
  if (existsSync(path.join(root, ".changeset", "pre.json"))) {
    console.error("release: .changeset/pre.json is present (prerelease mode); this script publishes to the latest dist-tag only. Run `npx changeset pre exit` and version the packages first.");
    process.exit(2);
  }
  build();
  const refusal = releaseRefusal();
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  process.exit(publishAll());
}

/** Each package whose version to publish release-baseline/ does not record, with what it records instead. */
function unrecordedVersions() {
  const unrecorded = [];
  for (const p of publishable()) {
    const file = `release-baseline/${p.dir.slice("packages/".length)}/release.json`;
    const record = existsSync(path.join(root, file)) ? JSON.parse(readFileSync(path.join(root, file), "utf8")) : null;
    if (record?.name === p.name && record.version === p.version) continue;
    unrecorded.push(`${p.name}@${p.version}: ${file} records ${record === null ? "no release" : `${record.name}@${record.version}`}`);
  }
  return unrecorded;
}

/**
 * Why the packages as they are must not be published, or null. The release check (`npm test` runs it) must pass
 * on the tree being released, and release-baseline/ must record exactly the versions in package.json — what
 * `npm run version-packages` writes after `changeset version`. A version published without its record would be
 * compared by the next check with an older release (or with none, as a first release), so its changes would be
 * asked for again or a break would pass unnoticed.
 */
function releaseRefusal() {
  const unrecorded = unrecordedVersions();
  if (unrecorded.length) {
    return (
      `release: refusing to publish; nothing was published. release-baseline/ does not record the versions to publish:\n${unrecorded.map((u) => `  ${u}\n`).join("")}` +
      "  Run `npm run version-packages` (changeset version, build, then the record; when `changeset version` has bumped these versions\n" +
      "  already, build and run `node scripts/spec-diff.mjs --record-release`), commit package.json, CHANGELOG.md and release-baseline/, and release again."
    );
  }
  // Its own findings go to the terminal as they are: each says what to change.
  const check = spawnSync(process.execPath, [path.join(root, "scripts", "spec-diff.mjs"), "--check"], { cwd: root, stdio: "inherit" });
  if (check.status !== 0) {
    return (
      `release: refusing to publish; nothing was published. The release check \`node scripts/spec-diff.mjs --check\` failed (exit ${check.status ?? check.error?.message}).\n` +
      "  Fix what it reports above (run it again to see it), commit, and release again."
    );
  }
  return null;
}

/** Whether `name@version` is on the registry: true, false, or a message when npm could not tell. */
function onRegistry(p) {
  const r = spawnSync("npm", ["view", `${p.name}@${p.version}`, "version", "--json"], { cwd: root, encoding: "utf8", timeout: 60_000 });
  if (r.status === 0 && r.stdout.trim()) return true;
  if (r.status === 0 || /E404|404 Not Found/.test(r.stderr)) return false;
  return `npm view ${p.name}@${p.version} failed: ${r.stderr.split("\n").find((l) => /error/i.test(l)) ?? r.error?.message ?? `exit ${r.status}`}`;
}

/** Publishes in dependency order, one `npm publish` at a time, then tags what went out. Returns the exit code. */
function publishAll() {
  const order = publishOrder(publishable());
  console.log(`release: publish order (dependencies first): ${order.map((p) => `${p.name}@${p.version}`).join(", ")}`);
  const published = [];
  let failed = null;
  for (const p of order) {
    const state = onRegistry(p);
    if (state === true) {
      console.log(`release: ${p.name}@${p.version} is on the registry already: skipped`);
      continue;
    }
    if (state !== false) {
      failed = { p, why: state };
      break;
    }
    console.log(`release: publishing ${p.name}@${p.version}`);
    const access = p.access === "(npm default)" ? [] : ["--access", p.access];
    // An absolute folder, as changeset publish passes it: npm reads a relative folder path such as the packages folder plus a name as a GitHub repository (owner/name).
    const r = spawnSync("npm", ["publish", path.join(root, p.dir), ...access, "--tag", "latest", ...(otp ? [`--otp=${otp.slice("--otp=".length)}`] : [])], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
      failed = { p, why: `npm publish exited with ${r.status ?? r.error?.message}` };
      break;
    }
    published.push(p);
  }
  // The tags `changeset publish` makes: annotated (`git push --follow-tags` pushes them), one per published package.
  for (const p of published) {
    const tag = `${p.name}@${p.version}`;
    const t = spawnSync("git", ["tag", tag, "-m", tag], { cwd: root, encoding: "utf8" });
    console.log(t.status === 0 ? `release: tagged ${tag}` : `release: could not tag ${tag}: ${t.stderr.trim()} (create it with \`git tag ${tag} -m ${tag}\`)`);
  }
  if (published.length) console.log("release: push the tags with `git push --follow-tags`");
  if (failed) {
    const rest = order.slice(order.indexOf(failed.p) + 1).map((p) => p.name);
    console.error(`release: stopped at ${failed.p.name}@${failed.p.version}: ${failed.why}`);
    if (rest.length) console.error(`  Not attempted (they come after it): ${rest.join(", ")}. Fix the cause and run \`npm run release\` again: it skips what is published.`);
    return 1;
  }
  if (published.length === 0) console.log("release: every package's version is on the registry already; nothing published");
  return 0;
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

const ordered = publishOrder(packages);
console.log(`\nWould publish ${packages.length} packages, one at a time in this order (dependencies first; npm publish --tag latest, then a git tag name@version each):`);
for (const p of ordered) {
  const t = packed.find((x) => x.name === p.name);
  console.log(`  ${`${p.name}@${p.version}`.padEnd(42)} access ${p.access.padEnd(7)} ${String(t.entryCount).padStart(4)} files  ${kB(t.size).padStart(9)} packed  ${kB(t.unpackedSize).padStart(9)} unpacked  ${registryState(p)}`);
  const after = p.deps.filter((d) => packages.some((q) => q.name === d));
  if (after.length) console.log(`      after ${after.join(", ")}`);
  if (args.has("--files")) for (const f of t.files) console.log(`      ${f.path} (${f.size} B)`);
}
const unrecorded = unrecordedVersions();
if (unrecorded.length) {
  console.log(`\nA release now would refuse: release-baseline/ does not record ${unrecorded.length} of these versions (run \`npm run version-packages\` first):`);
  for (const u of unrecorded) console.log(`  ${u}`);
}
console.log("Before publishing, a release also runs the release check `node scripts/spec-diff.mjs --check` and stops if it fails.");
console.log("\nDry run: nothing was published, tagged or pushed.");
