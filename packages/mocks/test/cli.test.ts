// The `npm run mock` CLI (the built dist/cli.js, as the root script runs it).
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let taken: Server;
let port: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  port = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

type Outcome = { code: number; stdout: string; stderr: string };
/** Runs the CLI to its end; a CLI that starts serving instead is killed by the timeout (then `code` is null). */
const runCli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(process.execPath, [cli, ...args], { timeout: 10_000, env: { PATH: process.env.PATH, ...env } }).then(
    ({ stdout, stderr }): Outcome => ({ code: 0, stdout, stderr }),
    (err: Outcome) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );

describe("mock CLI", () => {
  it("--help prints the usage, naming every flag and its variable, and exits 0 without serving", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: /);
    for (const text of ["--port N", "--host H", "--buckets N", "--seed N", "MOCK_PORT", "MOCK_HOST", "MOCK_BUCKETS", "MOCK_SEED"]) expect(r.stdout).toContain(text);
    expect(r.stdout).not.toContain("listening");
    // The exit code of a port in use is the one `bucketry mock` gives it.
    expect(r.stdout).toMatch(/\b2 usage: [^.]*--port\/--host it\s+cannot listen on \(the port is in use/);
  });

  it.each([
    [["--port"], "bucketry mocks: --port needs a value (see --help)"],
    [["--port", "--seed", "1"], 'bucketry mocks: --port needs a value; for a value starting with "-" write --port=VALUE (see --help)'],
    [["--port="], 'bucketry mocks: --port must be a non-negative integer up to 65535, got "" (see --help)'],
    [["--port", "65536"], 'bucketry mocks: --port must be a non-negative integer up to 65535, got "65536" (see --help)'],
    [["--seed", "1.5"], 'bucketry mocks: --seed must be a non-negative integer, got "1.5" (see --help)'],
    [["--verbose"], "bucketry mocks: --verbose is not a flag of the mocks' CLI (see --help)"],
    [["-p", "9000"], "bucketry mocks: -p is not a flag of the mocks' CLI (see --help)"],
    [["9000"], 'bucketry mocks: unexpected argument "9000" (see --help)'],
    [["--host="], "bucketry mocks: --host is empty: give it a value, or leave it out (see --help)"],
  ])("%j is refused with one line and exit code 2, before serving", async (args, message) => {
    const r = await runCli(args);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });

  it("MOCK_PORT is read when --port is not given, and a bad one is refused by name", async () => {
    const taken_ = await runCli([], { MOCK_PORT: String(port) });
    expect(taken_.code).toBe(2);
    expect(taken_.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
    expect(await runCli([], { MOCK_PORT: "abc" })).toEqual({ code: 2, stdout: "", stderr: 'bucketry mocks: MOCK_PORT must be a non-negative integer up to 65535, got "abc" (see --help)\n' });
  });

  it("a port already in use is a one-line error and exit code 2 (usage, as `bucketry mock`), not a stack trace", async () => {
    const failure = await promisify(execFile)(process.execPath, [cli, "--port", String(port)], { timeout: 20_000 }).then(
      () => undefined,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe("");
    expect(failure?.stderr).toBe(`bucketry mocks: cannot listen on 127.0.0.1:${port}: the port is already in use. Pick another --port (0: any free port).\n`);
  });
});
