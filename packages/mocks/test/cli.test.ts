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

describe("mock CLI", () => {
  it("a port already in use is a one-line error and exit code 1, not a stack trace", async () => {
    const failure = await promisify(execFile)(process.execPath, [cli, "--port", String(port)], { timeout: 20_000 }).then(
      () => undefined,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe("");
    expect(failure?.stderr).toBe(`bucketry mocks: cannot listen on 127.0.0.1:${port}: the port is already in use. Pick another --port (0: any free port).\n`);
  });
});
