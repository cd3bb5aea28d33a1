// Every code sample on the docs site's getting-started pages is a file in docs-src/samples/, shown verbatim
// by scripts/build-site.mjs; this test runs each one against the mocks, so samples cannot rot.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const samples = join(root, "docs-src", "samples");
const pages: { blocks: { sample?: string }[] }[] = JSON.parse(readFileSync(join(root, "docs-src", "getting-started.json"), "utf8"));
const shown = pages.flatMap((p) => p.blocks.flatMap((b) => (b.sample ? [b.sample] : [])));

describe("docs samples", () => {
  it("every sample file is shown on a page, and every shown sample exists", () => {
    expect(new Set(readdirSync(samples))).toEqual(new Set(shown));
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

export { chmodSync, mkdtempSync, tmpdir, writeFileSync };
