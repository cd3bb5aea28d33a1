// Runs the REAL binary (node bin/bucketry.js, which loads the built dist/cli/main.js) in a clean environment.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { NETWORK_GUARD_CHILD } from "../../../../test/support/guarded-child.js";

export const pkg = fileURLToPath(new URL("../..", import.meta.url));
export const bin = join(pkg, "bin", "bucketry.js");

export function assertBuilt(): void {
  for (const file of [join(pkg, "dist/cli/main.js"), join(pkg, "../mocks/dist/server.js")]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: the CLI tests run the built binary; run \`npm run build\` at the repository root first`);
  }
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

const homes: string[] = [];


/**
 * A fresh HOME and XDG_CONFIG_HOME, and nothing of the caller's environment but PATH and the temporary
 * directory (no real credentials). The credential chains' instance-metadata sources are switched off, and the
 * child loads the network guard (only loopback connections; anything else is refused and reported on stderr).
 * The homes are removed by `removeHomes` (the test file's afterAll).
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), "bucketry-cli-home-"));
  homes.push(home);
  return {
    PATH: process.env.PATH,
    TMPDIR: process.env.TMPDIR,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    BUCKETRY_METADATA_DISABLED: "true",
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
    NODE_OPTIONS: `--import=${NETWORK_GUARD_CHILD}`,
    ...extra,
  };
}

/** Removes every home `cleanEnv` made. */
export function removeHomes(): void {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
}

/**
 * How long a CLI child may run before it is killed: a guard against a hung child, not a limit on a slow one. Far
 * above what a spawn takes on a loaded machine (one CI run beside other jobs on two cores saw `--help` take 17 s).
 */
const CHILD_GUARD_MS = 120_000;

export function run(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: CHILD_GUARD_MS, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Starts a long-running command and resolves once stdout contains `until`. */
export function start(args: string[], env: NodeJS.ProcessEnv, until: RegExp): Promise<{ child: ChildProcess; stdout: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out waiting for ${until} (stdout: ${out}, stderr: ${err})`));
    }, CHILD_GUARD_MS);
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (until.test(out)) {
        clearTimeout(timer);
        resolve({ child, stdout: out, exited });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!until.test(out)) reject(new Error(`exited with ${code} before ${until} (stdout: ${out}, stderr: ${err})`));
    });
  });
}
