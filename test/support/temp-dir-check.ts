// Vitest globalSetup for every test project: the run gets a temporary directory of its own, and must leave it
// empty. TMPDIR (and TMP, TEMP) point at a fresh folder before any test worker starts, so os.tmpdir() in the
// tests and in every process they start lands there; other programs' temporary files never do, so nothing but
// this run can put anything in it. At the end the folder must be empty: whatever a test left behind fails the
// run, by name, and the folder is kept for a look (renamed to bucketry-test-leftovers-…); an empty one is removed.
//
// A run killed before its teardown (Ctrl-C, turbo stopping the other tasks after one failed) cannot clean up:
// its folder carries the run's process id, and the next run removes the folders whose process is gone.
import { mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

const VARIABLES = ["TMPDIR", "TMP", "TEMP"] as const;
const RUN_FOLDER = /^bucketry-test-run-(\d+)-/;

export default function setup(): () => void {
  const parent = tmpdir();
  sweepKilledRuns(parent);
  const dir = mkdtempSync(join(parent, `bucketry-test-run-${process.pid}-`));
  const before = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) process.env[name] = dir;
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const left = readdirSync(dir).sort();
    if (left.length === 0) return rmSync(dir, { recursive: true, force: true });
    // Renamed so that no later run mistakes it for a killed run's folder and removes it.
    const kept = join(dirname(dir), basename(dir).replace("bucketry-test-run-", "bucketry-test-leftovers-"));
    renameSync(dir, kept);
    // Vitest reports an error thrown here but would still exit 0.
    process.exitCode = 1;
    throw new Error(`the tests left ${left.length} temporary file(s) or folder(s) in ${kept} (each test must remove what it creates): ${left.join(", ")}`);
  };
}

/** Removes the folders in `parent` of runs whose process no longer exists. */
function sweepKilledRuns(parent: string): void {
  for (const name of readdirSync(parent)) {
    const pid = Number(RUN_FOLDER.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processExists(pid)) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Another project's setup, starting at the same moment, may be removing it too.
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}
