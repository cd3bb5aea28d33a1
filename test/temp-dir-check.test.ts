// The temporary-directory check every test project runs (test/support/temp-dir-check.ts, a globalSetup) is
// itself tested: a run whose test leaves a folder in os.tmpdir() fails and names it; a run that cleans up
// passes; the tests and the processes they start see the run's own folder as their temporary directory; a
// run removes the folders that killed runs left, and nothing else.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const vitestBin = join(root, "node_modules/vitest/vitest.mjs");
const check = join(root, "test/support/temp-dir-check.ts");

const project = mkdtempSync(join(tmpdir(), "bucketry-check-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

writeFileSync(join(project, "vitest.config.mjs"), `export default { test: { include: ["*.test.mjs"], globals: true, globalSetup: [${JSON.stringify(check)}] } };\n`);
writeFileSync(
  join(project, "leaves.test.mjs"),
  `import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
it("leaves a folder behind", () => {
  const child = execFileSync(process.execPath, ["-p", "require('node:os').tmpdir()"], { encoding: "utf8" }).trim();
  if (child !== tmpdir()) throw new Error("a child process sees another temporary directory: " + child);
  writeFileSync(join(mkdtempSync(join(tmpdir(), "left-behind-")), "file"), "x");
});
`,
);
writeFileSync(
  join(project, "cleans.test.mjs"),
  `import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
it("removes what it made", () => rmSync(mkdtempSync(join(tmpdir(), "removed-")), { recursive: true }));
`,
);

function vitest(file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [vitestBin, "run", "--root", project, "--config", join(project, "vitest.config.mjs"), "--no-color", file], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe("the temporary-directory check", () => {
  it("fails a run whose test leaves a folder in os.tmpdir(), naming it", async () => {
    const { code, output } = await vitest("leaves.test.mjs");
    const named = /the tests left 1 temporary file\(s\) or folder\(s\) in (\S+) \(each test must remove what it creates\): left-behind-\w+/.exec(output);
    // The failed run keeps its folder for a look (made inside this run's own temporary directory); removed here.
    if (named) rmSync(named[1]!, { recursive: true, force: true });
    expect(output).toMatch(/1 passed/);
    expect(named?.[1]?.startsWith(join(tmpdir(), "bucketry-test-leftovers-")), output).toBe(true);
    expect(code).toBe(1);
  });

  it("passes a run that removes what it made", async () => {
    const { code, output } = await vitest("cleans.test.mjs");
    expect(output).toMatch(/1 passed/);
    expect(output).not.toMatch(/temporary file/);
    expect(code).toBe(0);
  });

  it("removes the folders of killed runs (their process is gone), and keeps a live run's and a failed run's", async () => {
    // A process that has exited: its id names the folder a killed run would have left.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const killed = join(tmpdir(), `bucketry-test-run-${gone}-Killed`);
    const live = join(tmpdir(), `bucketry-test-run-${process.pid}-Live`);
    const failed = join(tmpdir(), `bucketry-test-leftovers-${gone}-Failed`);
    for (const dir of [killed, live, failed]) {
      mkdirSync(dir);
      writeFileSync(join(dir, "file"), "x");
    }
    try {
      const { code, output } = await vitest("cleans.test.mjs");
      expect(code, output).toBe(0);
      expect(existsSync(killed)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(failed)).toBe(true);
    } finally {
      for (const dir of [killed, live, failed]) rmSync(dir, { recursive: true, force: true });
    }
  });
});
