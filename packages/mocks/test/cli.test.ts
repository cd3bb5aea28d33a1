// The `npm run mock` CLI (the built dist/cli.js, as the root script runs it).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DNS_FAILURE_CHILD, NETWORK_GUARD_CHILD } from "../../../test/support/guarded-child.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let taken: Server;
let port: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  port = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

type Outcome = { code: number | null; stdout: string; stderr: string };
/**
 * Runs the CLI to its end. One that starts serving instead is stopped as soon as it says it listens (then `code` is
 * null): no timer decides, so a slow start on a loaded machine reads the same as a fast one.
 */
const runCli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<Outcome>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let served = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (!served && /listening on http:/.test(stdout)) {
        served = true;
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: served ? null : code, stdout, stderr }));
  });

describe("mock CLI", () => {
  it("--help prints the usage, naming every flag and its variable, and exits 0 without serving", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: /);
    for (const text of ["--port N", "--host H", "--buckets N", "--seed N", "--max-body-bytes N", "--credentialed-origin ORIGIN"]) expect(r.stdout).toContain(text);
    for (const text of ["MOCK_PORT", "MOCK_HOST", "MOCK_BUCKETS", "MOCK_SEED", "MOCK_MAX_BODY_BYTES", "MOCK_CREDENTIALED_ORIGINS"]) expect(r.stdout).toContain(text);
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
    [["--max-body-bytes", "1.5"], 'bucketry mocks: --max-body-bytes must be a non-negative integer, got "1.5" (see --help)'],
    [["--max-body-bytes=-1"], 'bucketry mocks: --max-body-bytes must be a non-negative integer, got "-1" (see --help)'],
    [["--max-body-bytes", "9007199254740993"], 'bucketry mocks: --max-body-bytes must be a non-negative integer, got "9007199254740993" (see --help)'],
    [["--credentialed-origin", "https://app.example/path"], 'bucketry mocks: --credentialed-origin "https://app.example/path" is not an origin: write scheme://host[:port] as a browser sends it, no path (https://app.example:8443) (see --help)'],
    [["--credentialed-origin", "*"], 'bucketry mocks: --credentialed-origin "*" is not an origin: write scheme://host[:port] as a browser sends it, no path (https://app.example:8443) (see --help)'],
    [["--credentialed-origin="], "bucketry mocks: --credentialed-origin is empty: give it an origin (scheme://host[:port]), or leave it out (see --help)"],
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
    const failure = await runCli(["--port", String(port)]);
    expect(failure.code).toBe(2);
    expect(failure.stdout).toBe("");
    expect(failure.stderr).toBe(`bucketry mocks: cannot listen on 127.0.0.1:${port}: the port is already in use. Pick another --port (0: any free port).\n`);
  });
});

describe("mock CLI: a --host it cannot listen on says what is wrong with the host, not to pick another --port", () => {
  // The name's lookup fails as getaddrinfo reports it, without a DNS query (dns-failure-child.mjs): which code a real
  // lookup gives depends on whether a DNS server answers.
  const failingLookup = (code: string) => ({ BUCKETRY_TEST_DNS_FAILURE: code, NODE_OPTIONS: `--import=${NETWORK_GUARD_CHILD} --import=${DNS_FAILURE_CHILD}` });
  it.each([
    ["ENOTFOUND", "the host name no-such-host.invalid does not resolve. Give --host an address (127.0.0.1) or a name that resolves (localhost)."],
    ["EAI_AGAIN", "the host name no-such-host.invalid could not be resolved now (no answer from DNS: it is unreachable or failing). Give --host an address (127.0.0.1), or try again once DNS answers."],
  ])("a host name whose lookup fails with %s", async (code, why) => {
    const r = await runCli(["--host", "no-such-host.invalid"], failingLookup(code));
    expect(r).toEqual({ code: 2, stdout: "", stderr: `bucketry mocks: cannot listen on no-such-host.invalid:0: ${why}\n` });
  });

  it("an address this machine lacks (192.0.2.1, reserved for documentation): EADDRNOTAVAIL, from bind alone (nothing is sent)", async () => {
    const r = await runCli(["--host", "192.0.2.1"], { NODE_OPTIONS: `--import=${NETWORK_GUARD_CHILD}` });
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "bucketry mocks: cannot listen on 192.0.2.1:0: 192.0.2.1 is not an address of this machine. Give --host one of its addresses (127.0.0.1; 0.0.0.0 for all of them).\n",
    });
  });
});

/** Starts the CLI serving on a free loopback port; resolves with its URL once it says it listens. */
async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [cli, "--port", "0", "--buckets", "5", ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = once(child, "exit") as Promise<[number | null]>;
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (listening) resolve(listening);
    });
    void exited.then(([code]) => reject(new Error(`the CLI exited ${code} before serving: ${err}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      return (await exited)[0];
    },
  };
}

/** A CORS preflight and a GET from `origin`: the Access-Control-Allow-Credentials each answer carries. */
async function credentialsAllowed(url: string, origin: string): Promise<[string | null, string | null]> {
  const preflight = await fetch(`${url}/aliyun-oss/?acl`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } });
  const get = await fetch(`${url}/aliyun-oss/?acl`, { headers: { origin } });
  await get.arrayBuffer();
  return [preflight.headers.get("access-control-allow-credentials"), get.headers.get("access-control-allow-credentials")];
}

describe("mock CLI: the server's body limit and credentialed origins", () => {
  it("--max-body-bytes: a body over it is answered 413, one at it is read", async () => {
    const server = await serve(["--max-body-bytes", "16"]);
    try {
      const post = (body: string) => fetch(`${server.url}/aliyun-ens/`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
      const over = await post("Action=ListBucket");
      expect([over.status, await over.text()]).toEqual([413, "@bucketry/mocks: the request body is over 16 bytes (maxBodyBytes)"]);
      const at = await post("Action=ListBuck");
      await at.arrayBuffer();
      expect(at.status).not.toBe(413);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("--credentialed-origin (repeatable): a listed origin gets Access-Control-Allow-Credentials, an unlisted one does not", async () => {
    const server = await serve(["--credentialed-origin", "https://app.example", "--credentialed-origin", "http://other.test:3000"]);
    try {
      expect(await credentialsAllowed(server.url, "https://app.example")).toEqual(["true", "true"]);
      expect(await credentialsAllowed(server.url, "http://other.test:3000")).toEqual(["true", "true"]);
      expect(await credentialsAllowed(server.url, "https://unlisted.example")).toEqual([null, null]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("MOCK_MAX_BODY_BYTES and MOCK_CREDENTIALED_ORIGINS (comma-separated) are read when the flags are not given", async () => {
    const server = await serve([], { MOCK_MAX_BODY_BYTES: "16", MOCK_CREDENTIALED_ORIGINS: "https://app.example, https://two.example" });
    try {
      const over = await fetch(`${server.url}/aliyun-ens/`, { method: "POST", body: "Action=ListBucket" });
      expect([over.status, await over.text()]).toEqual([413, "@bucketry/mocks: the request body is over 16 bytes (maxBodyBytes)"]);
      expect(await credentialsAllowed(server.url, "https://two.example")).toEqual(["true", "true"]);
      expect(await credentialsAllowed(server.url, "https://unlisted.example")).toEqual([null, null]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
