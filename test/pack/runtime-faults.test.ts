// How the facade classifies a transport fault under each non-Node runtime's own fetch (Deno, Bun, workerd): the
// errors those fetches throw carry no Node error code, only a message (or a code of their own), and a fault read as
// `Unknown` is not retried. The pack test covers a connection reset before the answer; here the connection is lost
// while a 2xx body arrives, as when a server or proxy restarts mid-response, and a body does not decode as its
// Content-Encoding says. Every request goes to a server on 127.0.0.1 in this process; the
// programs load the built workspace packages (the same dist/ the pack test packs) through a node_modules link, with
// the runtime launchers of the pack test (runtimes.ts). Needs built packages, as the pack test does.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bun, bundleWorker, deno, workerdCompatibilityDate } from "./runtimes.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

const ENS_BODY = JSON.stringify({ RequestId: "req-1", TotalCount: 1, PageNumber: 1, PageSize: 10, BucketInfos: [{ BucketName: "bucket-one" }] });
const OSS_BODY =
  '<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy><Owner><ID>1</ID><DisplayName>1</DisplayName></Owner>' +
  "<AccessControlList><Grant>private</Grant></AccessControlList></AccessControlPolicy>";

/**
 * The fake vendor: `/<run>/<fault>/…`. A path's first request meets the fault, every later one gets the full answer.
 * `midbody`: a 200 whose Content-Length promises more than is sent before the connection closes; `garbage` (every
 * request): an answer that is not HTTP/1.1; `badchunk` (every request): a chunked 200 whose chunk size is no hex
 * number; `gzip` (every request): a 200 marked `Content-Encoding: gzip` whose
 * body is the plain document.
 */
function handler(seen: Map<string, number>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      const [, runId = "", fault = ""] = (req.url ?? "").split("/");
      const key = `${runId}/${fault}/${req.url?.includes("acl") ? "oss" : "ens"}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const oss = key.endsWith("/oss");
      const body = oss ? OSS_BODY : ENS_BODY;
      res.setHeader("content-type", oss ? "application/xml" : "application/json");
      if (fault === "garbage") {
        res.socket?.end("HTTP/1.1 abc\r\n\r\n");
        return;
      }
      if (fault === "badchunk") {
        res.socket?.end(`HTTP/1.1 200 OK\r\nContent-Type: ${oss ? "application/xml" : "application/json"}\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n${body}\r\n0\r\n\r\n`);
        return;
      }
      if (fault === "gzip") {
        res.setHeader("content-encoding", "gzip");
        res.setHeader("content-length", String(Buffer.byteLength(body)));
        res.end(body);
        return;
      }
      if (n === 1 && fault === "midbody") {
        res.setHeader("content-length", String(body.length + 1000));
        res.write(body.slice(0, 20), () => res.socket?.end());
        return;
      }
      res.setHeader("content-length", String(Buffer.byteLength(body)));
      res.end(body);
    });
  };
}

/**
 * The calls each runtime makes: both providers, two attempts each, through the runtime's own fetch (`fetch`) or
 * the platform transport (`default`: on Deno and Bun, the Node transport of @bucketry/signing). faults.mjs runs
 * them from the command line, worker.mjs from a Worker's request (`?base=…&fault=…`, its own fetch).
 */
const CALLS = `import { createBucketClient } from "bucketry";
import { transportName } from "@bucketry/signing/fetch";
export async function calls(base, fault, transport) {
  const credentials = { accessKeyId: "AKIDEXAMPLE", accessKeySecret: "not-a-secret" };
  const out = {};
  for (const provider of ["aliyun-ens", "aliyun-oss"]) {
    const retries = [];
    const client = createBucketClient({
      provider,
      region: "cn-hangzhou",
      endpoint: base + "/" + fault,
      ...(provider === "aliyun-oss" ? { addressing: "path" } : {}),
      // "env": no credentials option, the keys come from the environment.
      ...(transport === "env" ? {} : { credentials }),
      ...(transport === "fetch" ? { fetch: (request) => globalThis.fetch(request) } : {}),
      retry: { maxAttempts: 2, baseDelayMs: 1, onRetry: (info) => retries.push(info.error.kind) },
    });
    try {
      const value = provider === "aliyun-oss" ? (await client.getBucketAcl("example-bucket")).acl : (await client.listBucketsPage({})).buckets.map((b) => b.name).join();
      out[provider] = { value, retries };
    } catch (err) {
      out[provider] = { error: err.kind + ": " + err.message, retries };
    }
  }
  return { transport: transport === "fetch" ? "fetch" : transportName, ...out };
}
`;
const PROGRAM = `import { calls } from "./calls.mjs";
const [base, fault, transport] = process.argv.slice(-3);
console.log(JSON.stringify(await calls(base, fault, transport)));
`;
const WORKER = `import { calls } from "./calls.mjs";
export default {
  async fetch(request) {
    const q = new URL(request.url).searchParams;
    return Response.json(await calls(q.get("base"), q.get("fault"), "fetch"));
  },
};
`;

let tmp: string;
let server: Server;
let base: string;
/** The same fake vendor over HTTPS: fixtures/tls/cert.pem (127.0.0.1, localhost), issued by fixtures/tls/ca.pem. */
let tlsServer: Server;
let tlsBase: string;
const TLS_FIXTURES = fileURLToPath(new URL("./fixtures/tls/", import.meta.url));
const seen = new Map<string, number>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "bucketry-runtime-faults-"));
  const app = join(tmp, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "bucketry-runtime-faults", private: true, type: "module" }));
  // The workspace's node_modules: bucketry and @bucketry/* link to the built packages.
  symlinkSync(join(root, "node_modules"), join(app, "node_modules"), "dir");
  writeFileSync(join(app, "calls.mjs"), CALLS);
  writeFileSync(join(app, "faults.mjs"), PROGRAM);
  writeFileSync(join(app, "worker.mjs"), WORKER);
  server = createServer(handler(seen));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tlsServer = createTlsServer({ key: readFileSync(join(TLS_FIXTURES, "key.pem")), cert: readFileSync(join(TLS_FIXTURES, "cert.pem")) }, handler(seen));
  await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
  tlsBase = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of [server, tlsServer]) {
    s?.closeAllConnections();
    await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const denoEnv = () => ({ DENO_DIR: join(tmp, "deno-dir"), DENO_NO_UPDATE_CHECK: "1" });
const bunEnv = () => ({ BUN_INSTALL_CACHE_DIR: join(tmp, "bun-cache"), BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" });

async function runIn(binary: string, args: string[], env: Record<string, string>): Promise<Record<string, unknown>> {
  const { stdout } = await run(binary, args, { cwd: join(tmp, "app"), timeout: 60_000, env: { ...process.env, NO_COLOR: "1", ...env } });
  return JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, unknown>;
}

const RECOVERED = { transport: "fetch", "aliyun-ens": { value: "bucket-one", retries: ["Network"] }, "aliyun-oss": { value: "private", retries: ["Network"] } };
/** Deno with no permission beyond loopback and reading the program's folder (no environment, no --allow-sys). */
const denoRun = (...args: string[]) => ["run", "--no-prompt", "--allow-net=127.0.0.1", `--allow-read=${tmp}`, "faults.mjs", ...args];

describe("a connection lost while a 2xx body arrives, under the runtime's own fetch: a retried Network error", () => {
  it("Deno (fetch: globalThis.fetch, as the README suggests for Deno's own fetch)", async () => {
    const binary = await deno(root, denoEnv());
    expect(await runIn(binary.path, denoRun(`${base}/deno`, "midbody", "fetch"), denoEnv())).toEqual(RECOVERED);
  });

  it("Bun (fetch: globalThis.fetch)", async () => {
    const binary = await bun(root, bunEnv());
    expect(await runIn(binary.path, ["--no-install", "faults.mjs", `${base}/bun`, "midbody", "fetch"], bunEnv())).toEqual(RECOVERED);
  });
});

describe("a fault a retry cannot mend, under Bun's own fetch (its error carries the code itself, not on a cause): not retried", () => {
  it("an answer that is not HTTP/1.1: MalformedResponse, as on Node", async () => {
    const binary = await bun(root, bunEnv());
    const out = await runIn(binary.path, ["--no-install", "faults.mjs", `${base}/bun`, "garbage", "fetch"], bunEnv());
    for (const provider of ["aliyun-ens", "aliyun-oss"]) {
      expect(out[provider], provider).toEqual({ error: `MalformedResponse: ${provider}: the answer is not valid HTTP/1.1: Malformed_HTTP_Response`, retries: [] });
    }
  });

  // Bun's code for a chunk size that is no number was unknown: the error was Unknown, its message the fetch's own,
  // quoting the request's URL (query and all).
  it("a chunked body whose chunk size is no number: MalformedResponse, as on Node", async () => {
    const binary = await bun(root, bunEnv());
    const out = await runIn(binary.path, ["--no-install", "faults.mjs", `${base}/bun`, "badchunk", "fetch"], bunEnv());
    for (const provider of ["aliyun-ens", "aliyun-oss"]) {
      expect(out[provider], provider).toEqual({ error: `MalformedResponse: ${provider}: the answer is not valid HTTP/1.1: InvalidHTTPResponse`, retries: [] });
    }
  });

  it("a TLS certificate it does not trust: a Network error saying so, as on Node", async () => {
    const binary = await bun(root, bunEnv());
    const out = await runIn(binary.path, ["--no-install", "faults.mjs", `${tlsBase}/bun-tls`, "none", "fetch"], bunEnv());
    for (const provider of ["aliyun-ens", "aliyun-oss"]) {
      expect(out[provider], provider).toEqual({ error: expect.stringMatching(new RegExp(`^Network: ${provider}: the server's TLS certificate was refused \\(\\w+\\): `)), retries: [] });
    }
  });
});

describe("HTTPS under Deno through the platform transport", () => {
  it("needs only --allow-net: the Node transport's own connections (node:tls), not Deno's node:https, whose agent asks for --allow-sys", async () => {
    const binary = await deno(root, denoEnv());
    // DENO_CERT: Deno trusts the test CA (as NODE_EXTRA_CA_CERTS does for Node).
    const env = { ...denoEnv(), DENO_CERT: join(TLS_FIXTURES, "ca.pem") };
    expect(await runIn(binary.path, denoRun(`${tlsBase}/deno-tls`, "none", "default"), env)).toEqual({
      transport: "node:http",
      "aliyun-ens": { value: "bucket-one", retries: [] },
      "aliyun-oss": { value: "private", retries: [] },
    });
  });
});

// Deno's own fetch puts no code on a refused certificate, only its TLS library's reason at the end of the cause's
// message: the call was a retried, plain "network error".
describe("a TLS certificate Deno's own fetch does not trust", () => {
  it("is a Network error saying so, not retried, as on Node", async () => {
    const binary = await deno(root, denoEnv());
    const out = await runIn(binary.path, denoRun(`${tlsBase}/deno-tls-fetch`, "none", "fetch"), denoEnv());
    for (const provider of ["aliyun-ens", "aliyun-oss"]) {
      expect(out[provider], provider).toEqual({ error: `Network: ${provider}: the server's TLS certificate was refused (UnknownIssuer): check the endpoint's host name, or trust its certificate authority (DENO_CERT)`, retries: [] });
    }
  });
});

describe("Deno with --allow-env listing only the access key pair", () => {
  it("signs with the keys from the environment: the optional security token it may not read counts as unset", async () => {
    const binary = await deno(root, denoEnv());
    const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: "AKIDEXAMPLE", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "not-a-secret" };
    const args = ["run", "--no-prompt", "--allow-net=127.0.0.1", `--allow-read=${tmp}`, `--allow-env=${Object.keys(keys).join(",")}`, "faults.mjs", `${base}/deno-env`, "none", "env"];
    expect(await runIn(binary.path, args, { ...denoEnv(), ...keys })).toEqual({
      transport: "node:http",
      "aliyun-ens": { value: "bucket-one", retries: [] },
      "aliyun-oss": { value: "private", retries: [] },
    });
  });
});

describe("a 2xx body that does not decode as its Content-Encoding says: a MalformedResponse sent once, as on Node", () => {
  // What each runtime's own fetch reports, observed by running it: Deno a TypeError "Invalid gzip header", Bun a
  // TypeError with code ZlibError (its message quotes the URL), workerd a TypeError "Gzip decompression failed.".
  const undecodable = (detail: string) =>
    Object.fromEntries(
      ["aliyun-ens", "aliyun-oss"].map((provider) => [
        provider,
        { error: `MalformedResponse: ${provider} sent a response bucketry cannot read: the response body does not decode as its Content-Encoding header says (${detail}) (HTTP 200)`, retries: [] },
      ]),
    );

  it("Deno, its own fetch and the platform transport", async () => {
    const binary = await deno(root, denoEnv());
    expect(await runIn(binary.path, denoRun(`${base}/deno`, "gzip", "fetch"), denoEnv())).toEqual({ transport: "fetch", ...undecodable("Invalid gzip header") });
    expect(await runIn(binary.path, denoRun(`${base}/deno`, "gzip", "default"), denoEnv())).toEqual({ transport: "node:http", ...undecodable("Z_DATA_ERROR") });
  });

  it("Bun, its own fetch and the platform transport", async () => {
    const binary = await bun(root, bunEnv());
    expect(await runIn(binary.path, ["--no-install", "faults.mjs", `${base}/bun`, "gzip", "fetch"], bunEnv())).toEqual({ transport: "fetch", ...undecodable("ZlibError") });
    expect(await runIn(binary.path, ["--no-install", "faults.mjs", `${base}/bun`, "gzip", "default"], bunEnv())).toEqual({ transport: "node:http", ...undecodable("Z_DATA_ERROR") });
  });

  it("workerd (a Worker bundled as wrangler bundles it, no nodejs_compat)", async () => {
    const script = await bundleWorker(join(tmp, "app"), "worker.mjs");
    const compatibilityDate = workerdCompatibilityDate(root);
    // Miniflare makes its working folder in os.tmpdir() as it is constructed: inside this test's temp folder.
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let mf: Miniflare;
    try {
      // The Worker's fetch may reach loopback and nothing else.
      mf = new Miniflare({ modules: true, script, compatibilityDate, outboundService: { network: { allow: ["127.0.0.1/32"] } } });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    try {
      const response = await mf.dispatchFetch(`http://worker.test/?base=${encodeURIComponent(`${base}/workerd`)}&fault=gzip`);
      expect(await response.json()).toEqual({ transport: "fetch", ...undecodable("Gzip decompression failed") });
    } finally {
      await mf.dispose();
    }
  });
});
