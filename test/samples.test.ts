// Every code sample on the docs site's getting-started pages is a file in docs-src/samples/, shown verbatim
// by scripts/build-site.mjs; this test type-checks each one as strict TypeScript (a reader copies them into .ts
// files) and runs it against the mocks, so samples cannot rot.
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { strictTypeProblems } from "./support/strict-samples.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const samples = join(root, "docs-src", "samples");
const pages: { blocks: { sample?: string }[] }[] = JSON.parse(readFileSync(join(root, "docs-src", "getting-started.json"), "utf8"));
const shown = pages.flatMap((p) => p.blocks.flatMap((b) => (b.sample ? [b.sample] : [])));

describe("docs samples", () => {
  it("every sample file is shown on a page, and every shown sample exists", () => {
    expect(new Set(readdirSync(samples))).toEqual(new Set(shown));
  });

  it("every sample type-checks as strict TypeScript", () => {
    // Inside the repository (bare imports resolve through its node_modules), outside git (test-results/ is ignored).
    const dir = join(root, "test-results", "docs-samples");
    mkdirSync(dir, { recursive: true });
    try {
      const files = shown.filter((s) => s.endsWith(".mjs")).map((name) => {
        const path = join(dir, name.replace(/\.mjs$/, ".mts"));
        writeFileSync(path, `${readFileSync(join(samples, name), "utf8")}export {};\n`);
        return path;
      });
      const problems = strictTypeProblems(root, files, (file, line) => `${file.slice(dir.length + 1)}:${line}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(shown.filter((s) => s.endsWith(".mjs")))("%s runs against the mocks", async (name) => {
    // A sample that brings its own MSW server (the mocks page) runs bare; the others get the preload.
    const bringsOwnMock = readFileSync(join(samples, name), "utf8").includes("setupServer");
    const args = [...(bringsOwnMock ? [] : ["--import", join(root, "test/support/sample-env.mjs")]), join(samples, name)];
    const { stdout } = await run(process.execPath, args, { cwd: root, timeout: 30_000 });
    expect(stdout.trim().length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/undefined|NaN/);
  });
});

describe("docs shell samples", () => {
  it.each(shown.filter((s) => s.endsWith(".sh")))("%s runs against `bucketry mock`", async (name) => {
    const bin = join(root, "packages/bucketry/bin/bucketry.js");
    // The env a user gets from `eval "$(bucketry mock)"`: test credentials and one endpoint per provider.
    const mock = spawn(process.execPath, [bin, "mock", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
    const shim = mkdtempSync(join(tmpdir(), "bucketry-bin-"));
    try {
      const [chunk] = (await once(mock.stdout, "data")) as [Buffer];
      const { env } = JSON.parse(chunk.toString("utf8").split("\n")[0]!) as { env: Record<string, string> };
      writeFileSync(join(shim, "bucketry"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
      chmodSync(join(shim, "bucketry"), 0o755);
      const { stdout } = await run("bash", ["-e", join(samples, name)], {
        cwd: root,
        timeout: 30_000,
        env: { PATH: `${shim}:${process.env.PATH}`, TMPDIR: process.env.TMPDIR, HOME: shim, NO_COLOR: "1", ...env },
      });
      expect(stdout).toMatch(/aliyun-ens/);
      expect(stdout).toMatch(/"provider":"aliyun-oss"/);
    } finally {
      mock.kill("SIGTERM");
      rmSync(shim, { recursive: true, force: true });
    }
  });
});
