// Fakes for the credential tests: temp homes with the vendors' files, a loopback server that plays STS,
// instance metadata, IAM and credentials URIs, and a router that sends the OFFICIAL libraries' requests
// (which hard-code https and the metadata addresses) to that server instead of the network.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { serve, type Handler, type TestServer } from "../support/test-server.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp directory holding `files` (relative paths), removed after the test. */
export function tempHome(files: Record<string, string> = {}): string {
  const home = mkdtempSync(join(tmpdir(), "bucketry-creds-"));
  dirs.push(home);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(home, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return home;
}

/** Runs `fn` with process.env holding exactly `env` (plus PATH) and restores it afterwards. */
export async function withProcessEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k !== "PATH") delete process.env[k];
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

export const fakeServer = (handler: Handler, max = 64): Promise<TestServer> => serve(handler, max);

// The official Alibaba library sends through `httpx.request(url, …)`; its hosts are rewritten to the fake.
const requireFromAlicloud = createRequire(createRequire(import.meta.url).resolve("@alicloud/credentials"));
const httpx = requireFromAlicloud("httpx") as { request: (url: string, opts: unknown) => Promise<unknown> };
const originalHttpxRequest = httpx.request;

/**
 * Sends every request the official Alibaba library makes to `origin` (a loopback URL), whatever its host. Its
 * time limits (1 s to connect and 1 s to read for metadata) are lifted: the fake answers at once, and on a loaded
 * machine a limit that short could turn its answer into a failure the comparison would blame on the library.
 */
export function routeOfficialAlibaba(origin: string): void {
  httpx.request = (url: string, opts: unknown) => {
    const u = new URL(url);
    const target = new URL(origin);
    u.protocol = target.protocol;
    u.host = target.host;
    return originalHttpxRequest(u.href, { ...(opts as object), connectTimeout: 60_000, readTimeout: 60_000 });
  };
}
afterEach(() => {
  httpx.request = originalHttpxRequest;
});

/** The official @alicloud/credentials modules (CommonJS). */
export function alicloud<T = unknown>(path: string): T {
  const mod = requireFromAlicloud(`@alicloud/credentials/dist/src/${path}`) as { default?: T };
  return (mod.default ?? mod) as T;
}

export const json = (value: unknown, status = 200) => ({ status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
