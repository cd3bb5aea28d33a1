// Vitest globalSetup for every test project: the run gets a temporary directory of its own, and must leave it
// empty. TMPDIR (and TMP, TEMP) point at a fresh folder before any test worker starts, so os.tmpdir() in the
// tests and in every process they start lands there; other programs' temporary files never do, so nothing but
// this run can put anything in it. At the end the folder must be empty: whatever a test left behind fails the
// run, by name, and the folder is kept for a look; an empty one is removed.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VARIABLES = ["TMPDIR", "TMP", "TEMP"] as const;

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "bucketry-test-run-"));
  const before = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) process.env[name] = dir;
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const left = readdirSync(dir).sort();
    if (left.length === 0) return rmSync(dir, { recursive: true, force: true });
    // Vitest reports an error thrown here but would still exit 0.
    process.exitCode = 1;
    throw new Error(`the tests left ${left.length} temporary file(s) or folder(s) in ${dir} (each test must remove what it creates): ${left.join(", ")}`);
  };
}
