// Packages that install and run anywhere: `npm pack` every publishable workspace package, check what each
// tarball ships (publint, @arethetypeswrong/cli, a file allow-list), install the tarballs offline into a fresh
// project outside the repo, and run one call per vendor against the installed @bucketry/mocks server from plain
// Node ESM, from CommonJS (require(esm), Node >= 20.19), under Node 22, and from an esbuild browser bundle in
// headless Chromium. Needs built packages (`npm test` builds first) and the npm cache `npm ci` filled.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as esbuild from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, recordingPage } from "../support/browser.js";
import { lockedClosure } from "./lockfile.js";
import { node22, type Node22 } from "./node22.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** The only third-party runtime dependencies the packages may have (anything else must be justified here). */
const THIRD_PARTY = ["openapi-fetch", "ajv", "ajv-formats", "msw"];
/** What a tarball may contain: built code and types, its README/CHANGELOG/LICENSE, the CLI launcher. */
const ALLOWED = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?|dist\/.+\.(js|d\.ts)|bin\/[^/]+\.js)$/;
const FORBIDDEN = /(^|\/)(src|test|tests|__tests__|fixtures|coverage)\/|\.(test|spec)\.|\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$/;
const VENDOR_CLIENTS = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"];

interface Packed {
  name: string;
  version: string;
  filename: string;
  files: { path: string }[];
  /** Workspace folder, e.g. packages/aliyun-oss. */
  dir: string;
}

interface RunResult {
  runtime: string;
  out: Record<string, unknown>;
}

let tmp: string;
let tgzDir: string;
let app: string;
let packed: Packed[] = [];
let installLog = "";
let n22: Node22 = {};

function workspaces(): { name: string; dir: string }[] {
  const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { workspaces: string[] };
  const dirs = rootPkg.workspaces
    .filter((w) => w.startsWith("packages/"))
    .flatMap((w) => {
      const base = w.replace(/\/\*$/, "");
      return readdirSync(join(root, base))
        .filter((d) => existsSync(join(root, base, d, "package.json")))
        .map((d) => `${base}/${d}`);
    });
  return dirs
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as { name: string; private?: boolean } }))
    .filter((w) => !w.pkg.private)
    .map((w) => ({ name: w.pkg.name, dir: w.dir }));
}

/** The folder a package's dist/ is compiled from: tsconfig.build.json's rootDir, else tsconfig.json's, else src/. */
function sourceRoot(dir: string): string {
  for (const file of ["tsconfig.build.json", "tsconfig.json"]) {
    const path = join(root, dir, file);
    if (!existsSync(path)) continue;
    const rootDir = (JSON.parse(readFileSync(path, "utf8")) as { compilerOptions?: { rootDir?: string } }).compilerOptions?.rootDir;
    if (rootDir) return join(root, dir, rootDir);
  }
  return join(root, dir, "src");
}

function entryFiles(): void {
  const calls = readFileSync(join(fixtures, "calls.js"), "utf8");
  const clientImports = VENDOR_CLIENTS.map((v, i) => `import * as c${i} from "@bucketry/${v}";`).join("\n");
  const clientMap = `{ ${VENDOR_CLIENTS.map((v, i) => `"${v}": c${i}`).join(", ")} }`;
  const optionsOf = `(server) => ({ clientOptions: server.clientOptions, endpoints: server.endpoints, credentials: server.credentials, bucket: server.mock.state.buckets[0].name })`;
  writeFileSync(
    join(app, "esm.mjs"),
    `import { createBucketClient } from "bucketry";
import * as signing from "@bucketry/signing";
import * as transport from "@bucketry/signing/transport";
import { startMockServer } from "@bucketry/mocks/server";
${clientImports}
const server = await startMockServer({ buckets: 40, seed: 1 });
try {
  const out = await runCalls({ createBucketClient, signing, transport, clients: ${clientMap} }, (${optionsOf})(server));
  console.log(JSON.stringify({ runtime: "node " + process.version + " esm", out }));
} finally {
  await server.close();
}
${calls}`,
  );
  writeFileSync(
    join(app, "cjs.cjs"),
    `"use strict";
const { createBucketClient } = require("bucketry");
const signing = require("@bucketry/signing");
const transport = require("@bucketry/signing/transport");
const { startMockServer } = require("@bucketry/mocks/server");
const clients = { ${VENDOR_CLIENTS.map((v) => `"${v}": require("@bucketry/${v}")`).join(", ")} };
(async () => {
  const server = await startMockServer({ buckets: 40, seed: 1 });
  try {
    const out = await runCalls({ createBucketClient, signing, transport, clients }, (${optionsOf})(server));
    console.log(JSON.stringify({ runtime: "node " + process.version + " cjs", out }));
  } finally {
    await server.close();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
${calls}`,
  );
  // The browser program: options come from the page's origin; every call goes to the mock on 127.0.0.1.
  writeFileSync(
    join(app, "browser.mjs"),
    `import { createBucketClient } from "bucketry";
import * as signing from "@bucketry/signing";
import * as transport from "@bucketry/signing/transport";
${clientImports}
(async () => {
  const o = await (await fetch("/options.json")).json();
  // Hitachi's CSRF session lives in cookies; in a browser only the cookie jar can carry them, so the
  // client's requests must include credentials (see bucketry/signing hitachiSession).
  o.clientOptions["hitachi-vsp-one-object"].fetch = (request) => fetch(new Request(request, { credentials: "include" }));
  const out = await runCalls({ createBucketClient, signing, transport, clients: ${clientMap} }, o);
  window.__result = { runtime: navigator.userAgent.match(/(?:Headless)?Chrome\\/[\\d.]+/)[0], out };
})().catch((err) => {
  window.__result = { error: String(err && err.stack || err) };
});
${calls}`,
  );
  // The browser test's mock: the installed server in its own process, options on its first stdout line.
  writeFileSync(
    join(app, "serve-mock.mjs"),
    `import { startMockServer } from "@bucketry/mocks/server";
const server = await startMockServer({ buckets: 40, seed: 1 });
console.log(JSON.stringify((${optionsOf})(server)));
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
`,
  );
}

async function runNode(nodePath: string, file: string): Promise<RunResult> {
  const { stdout, stderr } = await run(nodePath, [file], { cwd: app, timeout: 30_000 });
  const line = stdout.trim().split("\n").pop()!;
  const result = JSON.parse(line) as RunResult;
  // require(esm) must work without flags or noise beyond Node's own ExperimentalWarning on Node 20.
  expect(stderr.replace(/^\(node:\d+\) ExperimentalWarning: .*\n?|^\(Use `node --trace-warnings .*\n?/gm, "")).toBe("");
  return result;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "bucketry-pack-"));
  tgzDir = join(tmp, "tgz");
  app = join(tmp, "app");
  mkdirSync(tgzDir);
  mkdirSync(app);
  const ws = workspaces();
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", tgzDir, ...ws.flatMap((w) => ["--workspace", w.dir])], {
    cwd: root,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const list = JSON.parse(stdout) as Omit<Packed, "dir">[];
  packed = list.map((p) => ({ ...p, dir: ws.find((w) => w.name === p.name)!.dir }));

  // A fresh project that depends on the tarballs, seeded with the repo's locked third-party versions.
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:../tgz/${p.filename}`]));
  const rootLock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  // Every third-party dependency of the packed packages -> the workspace folder it is locked from.
  const from: Record<string, string> = {};
  for (const p of packed) {
    const deps = Object.keys((JSON.parse(readFileSync(join(root, p.dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {});
    for (const dep of deps) if (!packed.some((q) => q.name === dep)) from[dep] ??= p.dir;
  }
  const pkgJson = { name: "bucketry-pack-test", version: "0.0.0", private: true, dependencies };
  writeFileSync(join(app, "package.json"), JSON.stringify(pkgJson, null, 2));
  writeFileSync(
    join(app, "package-lock.json"),
    JSON.stringify({ ...pkgJson, lockfileVersion: 3, requires: true, packages: { "": { name: pkgJson.name, version: "0.0.0", dependencies }, ...lockedClosure(rootLock, from) } }, null, 2),
  );
  // Outside the repo, so no workspace or .npmrc of ours applies; the user's npm cache is the only source.
  const install = await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=warn"], {
    cwd: app,
    timeout: 90_000,
  }).catch((err: { stderr?: string; message: string }) => {
    throw new Error(`npm install --offline of the tarballs failed (run \`npm ci\` first so the npm cache holds the dependencies):\n${err.stderr ?? err.message}`);
  });
  installLog = install.stderr;
  entryFiles();
  n22 = await node22(root);
}, 180_000);

afterAll(() => {
  if (tmp && !process.env.BUCKETRY_KEEP_PACK) rmSync(tmp, { recursive: true, force: true });
});

describe("published tarballs", () => {
  it("packs every publishable package", () => {
    expect(packed.map((p) => p.name).sort()).toEqual(
      ["@bucketry/aliyun-ens", "@bucketry/aliyun-oss", "@bucketry/baidu-bos", "@bucketry/hitachi-vsp-one-object", "@bucketry/huaweicloud-mpc", "@bucketry/mocks", "@bucketry/signing", "bucketry"].sort(),
    );
  });

  it("ship only built code, types, README/CHANGELOG/LICENSE and the CLI launcher — no tests, sources, source maps or dev files", () => {
    for (const p of packed) {
      const paths = p.files.map((f) => f.path);
      expect(paths.filter((f) => !ALLOWED.test(f) || FORBIDDEN.test(f)), p.name).toEqual([]);
      expect(paths, p.name).toContain("README.md");
      // Every built file comes from a source file that still exists (tsc never deletes stale output).
      const sources = sourceRoot(p.dir);
      const stale = paths
        .filter((f) => f.startsWith("dist/") && f.endsWith(".js"))
        .filter((f) => !["ts", "mts", "tsx"].some((ext) => existsSync(join(sources, f.replace(/^dist\//, "").replace(/\.js$/, `.${ext}`)))));
      expect(stale, `${p.name}: built files without a source (stale dist?)`).toEqual([]);
    }
  });

  it("have no source maps, and no sourceMappingURL pointing at a file that is not shipped", () => {
    for (const p of packed) {
      const pkgRoot = join(app, "node_modules", p.name);
      const shipped = new Set(p.files.map((f) => f.path));
      for (const f of shipped) {
        expect(f.endsWith(".map"), `${p.name}/${f}`).toBe(false);
        if (!f.endsWith(".js")) continue;
        const m = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(pkgRoot, f), "utf8"));
        if (m && !m[1]!.startsWith("data:")) expect(shipped.has(join(f, "..", m[1]!)), `${p.name}/${f} -> ${m[1]}`).toBe(true);
      }
    }
  });

  it("declare no install scripts and only the expected third-party dependencies", () => {
    for (const p of packed) {
      const pkg = JSON.parse(readFileSync(join(app, "node_modules", p.name, "package.json"), "utf8"));
      expect(Object.keys(pkg.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s)), p.name).toEqual([]);
      const deps = Object.keys(pkg.dependencies ?? {}).filter((d) => !packed.some((q) => q.name === d));
      expect(deps.filter((d) => !THIRD_PARTY.includes(d)), p.name).toEqual([]);
    }
  });

  it("pass publint (strict, suggestions included)", async () => {
    const problems: string[] = [];
    for (const p of packed) {
      const tarball = readFileSync(join(tgzDir, p.filename));
      const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: "suggestion", strict: true });
      for (const m of messages) problems.push(`${p.name}: ${m.type} ${m.code} ${formatMessage(m, pkg) ?? ""}`);
    }
    expect(problems).toEqual([]);
  });

  // CJSResolvesToESM is the one rule ignored: the packages are ESM-only on purpose, and CommonJS consumers load
  // them with require(esm) (Node >= 20.19, unflagged; see README "CommonJS"), which attw's node16-cjs mode does
  // not model. Every other rule, for node10, node16 (CJS and ESM) and bundler resolution, must pass.
  it("pass @arethetypeswrong/cli (ignoring only cjs-resolves-to-esm)", async () => {
    const attw = join(root, "node_modules", ".bin", "attw");
    // Two attw processes at a time (one per core): eight at once only fight for the CPU, and on a loaded machine
    // pushed each past a fixed time limit. No time limit decides the verdict: the test's own limit is generous.
    const queue = [...packed];
    const lanes = Array.from({ length: 2 }, async () => {
      const out: string[][] = [];
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) out.push(await check(p));
      return out;
    });
    const results = (await Promise.all(lanes)).flat();
    expect(results.flat()).toEqual([]);

    async function check(p: (typeof packed)[number]): Promise<string[]> {
      // attw skips a subpath pattern (bucketry's "./*"): the provider entries it stands for are named.
      const include = p.name === "bucketry" ? ["--include-entrypoints", ...VENDOR_CLIENTS] : [];
      const { stdout } = await run(attw, [join(tgzDir, p.filename), "--format", "json", "--ignore-rules", "cjs-resolves-to-esm", ...include], { cwd: tmp, maxBuffer: 64 * 1024 * 1024 }).catch(
        (err: { stdout?: string }) => ({ stdout: err.stdout ?? "{}" }),
      );
      const json = JSON.parse(stdout) as { analysis?: { entrypoints?: Record<string, unknown>; problems?: { kind: string; entrypoint?: string; resolutionKind?: string; resolutionOption?: string }[] } };
      expect(json.analysis, `${p.name}: attw gave no analysis`).toBeDefined();
      if (include.length) expect(Object.keys(json.analysis!.entrypoints ?? {})).toEqual(expect.arrayContaining(VENDOR_CLIENTS.map((v) => `./${v}`)));
      return (json.analysis!.problems ?? [])
        .filter((x) => x.kind !== "CJSResolvesToESM")
        .map((x) => `${p.name}: ${x.kind} ${x.entrypoint ?? ""} ${x.resolutionKind ?? x.resolutionOption ?? ""}`);
    }
  }, 600_000);
});

describe("installed from the tarballs, offline", () => {
  const results: RunResult[] = [];

  afterAll(() => {
    // Which runtimes ran the calls (shown in the test log).
    console.log(`pack test runtimes: ${results.map((r) => r.runtime).join("; ")}${n22.reason ? `; Node 22 skipped: ${n22.reason}` : ""}`);
  });

  it("installs without fetching anything (npm install --offline)", () => {
    expect(existsSync(join(app, "node_modules", "bucketry", "dist", "index.js"))).toBe(true);
    expect(installLog).not.toMatch(/ERR!/);
  });

  it("runs one call per vendor from plain Node ESM", async () => {
    const r = await runNode(process.execPath, "esm.mjs");
    results.push(r);
    expect(Object.keys(r.out)).toEqual([...VENDOR_CLIENTS, "baidu-bos client", "aliyun-oss client", "transport"]);
    for (const v of ["aliyun-ens", "huaweicloud-mpc", "hitachi-vsp-one-object"]) expect((r.out[v] as string[]).length, v).toBeGreaterThan(0);
    for (const v of ["baidu-bos", "aliyun-oss"]) expect(["private", "public-read", "public-read-write", "authenticated-read"]).toContain(r.out[v]);
    expect(r.out["baidu-bos client"]).toBe("200 string");
    expect(r.out["aliyun-oss client"]).toMatch(/^200 (private|public-read|public-read-write)$/);
    expect(r.out.transport).toBe("function function");
  });

  it("@bucketry/signing (the bare calls above sign with it) exports exactly what bucketry/signing and bucketry/transport do", async () => {
    const { stdout } = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const names = async (...ids) => (await Promise.all(ids.map((id) => import(id)))).map((m) => Object.keys(m).sort().join(","));
console.log(JSON.stringify([await names("@bucketry/signing", "bucketry/signing"), await names("@bucketry/signing/transport", "bucketry/transport"), await names("@bucketry/signing/oss-v4", "bucketry/signing/oss-v4")]));`,
      ],
      { cwd: app, timeout: 30_000 },
    );
    const pairs = JSON.parse(stdout) as [string, string][];
    for (const [standalone, facade] of pairs) {
      expect(standalone.length).toBeGreaterThan(0);
      expect(standalone).toBe(facade);
    }
    expect(pairs[0]![0]).toContain("ossV4Signer");
  });

  it("bucketry/<provider>: each provider's own entry makes the same call with the same answer", async () => {
    const program = `import { startMockServer } from "@bucketry/mocks/server";
const server = await startMockServer({ buckets: 40, seed: 1 });
const out = {};
try {
  for (const id of ${JSON.stringify(VENDOR_CLIENTS)}) {
    const { createBucketClient, BucketryError } = await import("bucketry/" + id);
    const { provider, ...options } = server.clientOptions[id];
    const client = createBucketClient(options);
    if (typeof BucketryError !== "function" || client.provider !== provider) throw new Error(id + ": not the entry expected");
    out[id] =
      client.getBucketAcl ? (await client.getBucketAcl(server.mock.state.buckets[0].name)).acl
      : id === "hitachi-vsp-one-object" ? (await client.listBucketsPage({ userId: 1, pageSize: 3 })).buckets.map((b) => b.name)
      : id === "huaweicloud-mpc" ? (await client.listBucketsPage({})).buckets.slice(0, 3).map((b) => b.name)
      : (await client.listBucketsPage({ pageSize: 3 })).buckets.map((b) => b.name);
  }
} finally {
  await server.close();
}
console.log(JSON.stringify(out));`;
    writeFileSync(join(app, "entries.mjs"), program);
    const { stdout } = await run(process.execPath, ["entries.mjs"], { cwd: app, timeout: 30_000 });
    const out = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, unknown>;
    const first = results.find((r) => r.runtime.endsWith(" esm"));
    expect(first, "the ESM run comes first").toBeDefined();
    for (const v of VENDOR_CLIENTS) expect(out[v], v).toEqual(first!.out[v]);
  });

  it("runs the same calls from CommonJS (require of the ESM packages, Node >= 20.19)", async () => {
    const r = await runNode(process.execPath, "cjs.cjs");
    results.push(r);
    expect(r.out).toEqual(results[0]!.out);
  });

  it("runs the same calls under Node 22 (ESM and CommonJS)", async (ctx) => {
    if (!n22.path) {
      console.warn(`pack test: Node 22 run skipped — ${n22.reason}`);
      ctx.skip();
      return;
    }
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      const r = await runNode(n22.path, file);
      results.push(r);
      expect(r.out, `${n22.version} ${file}`).toEqual(results[0]!.out);
    }
  });

  it("runs the same calls from an esbuild browser bundle in headless Chromium, talking only to 127.0.0.1", async () => {
    const bundle = await esbuild.build({
      entryPoints: [join(app, "browser.mjs")],
      absWorkingDir: app,
      bundle: true,
      minify: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const js = bundle.outputFiles[0]!.text;
    expect(js).not.toMatch(/["']node:/);

    const mock: ChildProcess = spawn(process.execPath, ["serve-mock.mjs"], { cwd: app, stdio: ["ignore", "pipe", "inherit"] });
    let page: Server | undefined;
    const browser = await launch();
    try {
      const [chunk] = (await once(mock.stdout!, "data")) as [Buffer];
      const options = chunk.toString("utf8").split("\n")[0]!;
      page = createServer((req, res) => {
        const body = req.url === "/" ? `<!doctype html><meta charset="utf-8"><title>bucketry pack test</title><script type="module" src="/bundle.js"></script>` : req.url === "/bundle.js" ? js : req.url === "/options.json" ? options : undefined;
        if (body === undefined) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader("content-type", req.url === "/" ? "text/html" : req.url === "/bundle.js" ? "text/javascript" : "application/json");
        res.end(body);
      });
      await new Promise<void>((resolve) => page!.listen(0, "127.0.0.1", resolve));
      const origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
      // Anything but 127.0.0.1 (any port: the page's server and the mock's) is aborted and recorded.
      const { page: tab, log } = await recordingPage(browser, "http://127.0.0.1:");
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
      const r = (await tab.evaluate(() => (window as unknown as { __result: unknown }).__result)) as RunResult & { error?: string };
      expect(r.error).toBeUndefined();
      results.push({ ...r, runtime: `${r.runtime} (esbuild browser bundle, ${(js.length / 1000).toFixed(1)} kB)` });
      expect(r.out).toEqual(results[0]!.out);
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      expect(log.failed).toEqual([]);
    } finally {
      await browser.close();
      page?.close();
      mock.kill("SIGTERM");
    }
  });
});
