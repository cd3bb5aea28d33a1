// Shared pieces of the spec-diff tests: the real specs, edited in memory, and a temporary copy of the repository.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { expect } from "vitest";

export const root = fileURLToPath(new URL("../..", import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const loadSpec = (vendor: string): Json => parse(readFileSync(join(root, "specs", `${vendor}.yaml`), "utf8"));

/** Folders a copy of the repository leaves out: installs, build caches, rendered docs, git. */
const SKIP = new Set(["node_modules", ".git", ".turbo", "docs", "test-results", ".work"]);

/**
 * A copy of the repository (with the packages' built dist/) in a temp folder. Its node_modules links every
 * installed package from this checkout, except the workspace packages, which point at the copy's own folders.
 */
export function tempRepo(): { dir: string; run: (cmd: string, args: string[]) => { status: number; output: string }; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bucketry-spec-diff-repo-"));
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      return !rel.split(sep).some((part) => SKIP.has(part));
    },
  });
  const modules = join(root, "node_modules");
  const copyModules = join(dir, "node_modules");
  mkdirSync(copyModules);
  const workspace = new Map<string, string>();
  for (const d of readdirSync(join(dir, "packages"))) {
    const pkgFile = join(dir, "packages", d, "package.json");
    if (existsSync(pkgFile)) workspace.set(JSON.parse(readFileSync(pkgFile, "utf8")).name, join(dir, "packages", d));
  }
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith("@") && [...workspace.keys()].some((n) => n.startsWith(`${entry}/`))) {
      mkdirSync(join(copyModules, entry));
      for (const scoped of readdirSync(join(modules, entry))) {
        const name = `${entry}/${scoped}`;
        symlinkSync(workspace.get(name) ?? join(modules, entry, scoped), join(copyModules, entry, scoped));
      }
    } else symlinkSync(workspace.get(entry) ?? join(modules, entry), join(copyModules, entry));
  }
  // Packages' own nested installs (a dependency version the root does not hoist).
  for (const d of readdirSync(join(root, "packages"))) {
    const nested = join(root, "packages", d, "node_modules");
    if (existsSync(nested) && existsSync(join(dir, "packages", d))) symlinkSync(nested, join(dir, "packages", d, "node_modules"));
  }
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    return { status: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
  };
  return { dir, run, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A release of `copy`, as `npm run version-packages` makes it: `changeset version`, then the release record. */
export function released(copy: ReturnType<typeof tempRepo>): void {
  for (const args of [["node_modules/@changesets/cli/bin.js", "version"], ["scripts/spec-diff.mjs", "--record-release"]]) {
    const r = copy.run(process.execPath, args);
    expect(r.status, r.output).toBe(0);
  }
}
