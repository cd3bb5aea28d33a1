// Packages that install and run anywhere: `npm pack` every publishable workspace package, check what each
// tarball ships (publint, @arethetypeswrong/cli, a file allow-list, a type check of every entry in a Node-only
// TypeScript project without the DOM lib or skipLibCheck), install the tarballs offline into a fresh
// project outside the repo, and run the same calls (fixtures/calls.js: every vendor through the facade's root
// entry, each per-provider entry the facade exports, and a bare client signed by @bucketry/signing; a normalized
// result, a typed error and a retried 503 each) against the installed @bucketry/mocks server from Node ESM and
// CommonJS (require(esm), Node >= 20.19), Node 22 and 24, Deno, Bun (ESM and CommonJS), an esbuild browser bundle in
// headless Chromium, and a workerd Worker without nodejs_compat (miniflare). Deno and Bun also run the CLI's
// demo. Needs built packages (`npm test` builds first) and the npm cache `npm ci` filled.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, recordingPage } from "../support/browser.js";
import { VENDOR_IDS } from "../support/vendors.js";
import { facadeProviderEntries, VENDOR_CLIENTS, writeEntryFiles } from "./entries.js";
import { lockedClosure } from "./lockfile.js";
import { nodeLine } from "../../scripts/node-line.mjs";
import { bun, bundleWorker, deno, installedVersion, workerdCompatibilityDate, type Binary } from "./runtimes.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** The only third-party runtime dependencies the packages may have (anything else must be justified here). */
const THIRD_PARTY = ["openapi-fetch", "ajv", "ajv-formats", "msw"];
/** What a tarball may contain: built code and types, its README/CHANGELOG/LICENSE, the CLI launcher. */
const ALLOWED = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?|dist\/.+\.(js|d\.ts)|bin\/[^/]+\.js)$/;
const FORBIDDEN = /(^|\/)(src|test|tests|__tests__|fixtures|coverage)\/|\.(test|spec)\.|\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$/;

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
  /** `transportName` of @bucketry/signing/fetch as the runtime resolved it. */
  transport: string;
  out: Record<string, unknown>;
}

let tmp: string;
let tgzDir: string;
let app: string;
let packed: Packed[] = [];
let installLog = "";
/** The later Node lines the installed packages also run on (the CI machine has only Node 20): the binary, or why there is none. */
const LATER_LINES = [22, 24] as const;
const laterNodes = new Map<number, { path: string; version: string } | { reason: string }>();
/** "; Node N skipped: why" for a later line whose binary could not be had (the log line), else "". */
const skipNote = (line: number): string => {
  const node = laterNodes.get(line);
  return node && "reason" in node ? `; Node ${line} skipped: ${node.reason}` : "";
};
/** The `bucketry/<provider>` entries the installed facade exports (each runtime runs them all). */
let providerEntries: string[] = [];
/** What runCalls must return, from the installed mock's data set and the documented errors. */
let expected: Record<string, unknown>;

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

/** Runs one of the entry programs; its last stdout line is the result. */
async function runProgram(binary: string, args: string[], env: Record<string, string> = {}): Promise<RunResult & { stderr: string }> {
  const { stdout, stderr } = await run(binary, args, { cwd: app, timeout: 60_000, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.trim().split("\n").pop()!;
  return { ...(JSON.parse(line) as RunResult), stderr };
}

/** Runs `file` with `node` (after `nodeArgs`, e.g. a --require preload). */
async function runNode(nodePath: string, file: string, nodeArgs: string[] = []): Promise<RunResult> {
  const { stderr, ...result } = await runProgram(nodePath, [...nodeArgs, file]);
  // require(esm) must work without flags or noise beyond Node's own ExperimentalWarning on Node 20.
  expect(stderr.replace(/^\(node:\d+\) ExperimentalWarning: .*\n?|^\(Use `node --trace-warnings .*\n?/gm, "")).toBe("");
  return result;
}

/** Deno with no permission beyond reading the project, its environment, and loopback. */
function denoArgs(file: string): string[] {
  return ["run", "--no-prompt", "--cached-only", "--allow-net=127.0.0.1", `--allow-read=${app}`, "--allow-env", file];
}

/** Deno and Bun keep their caches in the test's temp folder (by default: in the user's home). */
const denoEnv = (): Record<string, string> => ({ DENO_DIR: join(tmp, "deno-dir"), DENO_NO_UPDATE_CHECK: "1" });
const bunEnv = (): Record<string, string> => ({ BUN_INSTALL_CACHE_DIR: join(tmp, "bun-cache"), BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" });

/** Runs `make` with os.tmpdir() pointing at `dir`. */
function withTmpdir<T>(dir: string, make: () => T): T {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return make();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

/** The installed mock server in its own Node process (serve-mock.mjs); its options line names the control URL. */
async function startMockProcess(): Promise<{ options: string; stop: () => void }> {
  const mock: ChildProcess = spawn(process.execPath, ["serve-mock.mjs"], { cwd: app, stdio: ["ignore", "pipe", "inherit"] });
  const firstLine = await Promise.race([
    once(createInterface({ input: mock.stdout! }), "line").then(([line]) => line as string),
    once(mock, "exit").then(() => undefined),
  ]);
  if (firstLine === undefined) throw new Error("serve-mock.mjs exited before printing its options (its stderr is above)");
  return { options: firstLine, stop: () => mock.kill("SIGTERM") };
}

/**
 * What runCalls must return everywhere: bucket names and ACLs from the installed mock's seeded data set (the
 * same seed as the programs use), and the error each provider documents for the failure calls.js provokes.
 */
/** Runs tsc in the consumer app on `<name>.mts` with these options: its report, or "" when it compiles. */
async function tscInApp(name: string, compilerOptions: Record<string, unknown>): Promise<string> {
  writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.mts`] }, null, 2));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  return run(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], { cwd: app, timeout: 300_000 }).then(
    () => "",
    (err: { stdout?: string; message: string }) => err.stdout || err.message,
  );
}

/** Where there is no process environment, a client without credentials says to pass them, never to set variables. */
function expectNoEnvAdvice(messages: Record<string, string> | undefined): void {
  expect(Object.keys(messages ?? {})).toEqual([...VENDOR_CLIENTS]);
  for (const [provider, message] of Object.entries(messages!)) {
    expect(message, provider).toMatch(/^Configuration: \S+: no credentials: pass `credentials: \{/);
    expect(message, provider).toContain("no process environment here");
    expect(message, provider).not.toMatch(/or set |_FILE/);
  }
}

async function expectedCalls(): Promise<Record<string, unknown>> {
  const resolved = createRequire(join(app, "package.json")).resolve("@bucketry/mocks");
  const mocks = (await import(pathToFileURL(resolved).href)) as {
    createMockState(o: { buckets: number; seed: number }): { buckets: { name: string; acl: string; mpcRegion: string; hitachiUserId: number }[] };
    testAccount: { mpcRegion: string; bosOwnerId: string };
  };
  const { buckets } = mocks.createMockState({ buckets: 40, seed: 1 });
  const first = buckets[0]!;
  const names = (list: typeof buckets) => list.slice(0, 3).map((b) => b.name);
  const listed: Record<string, string[]> = {
    "aliyun-ens": names(buckets),
    "huaweicloud-mpc": names(buckets.filter((b) => b.mpcRegion === mocks.testAccount.mpcRegion)),
    "hitachi-vsp-one-object": names(buckets.filter((b) => b.hitachiUserId === 1)),
  };
  // ENS and MPC: the mock's scenario answers a documented error; BOS and OSS: a bucket that does not exist;
  // Hitachi: a user that does not exist (404 with the spec's ErrorResponse body).
  const errors: Record<string, { status: number; code: string; kind: string }> = {
    "aliyun-ens": { status: 404, code: "NoSuchBucket", kind: "NoSuchBucket" },
    "huaweicloud-mpc": { status: 403, code: "MPC.10208", kind: "AccessDenied" },
    "baidu-bos": { status: 404, code: "NoSuchBucket", kind: "NoSuchBucket" },
    "hitachi-vsp-one-object": { status: 404, code: "NotFound", kind: "NotFound" },
    "aliyun-oss": { status: 404, code: "NoSuchBucket", kind: "NoSuchBucket" },
  };
  const facade = Object.fromEntries(
    VENDOR_CLIENTS.map((p) => {
      const { status, code, kind } = errors[p]!;
      return [
        p,
        {
          result: listed[p] ?? `${first.name} ${first.acl}`,
          error: { bucketryError: true, name: "BucketryError", provider: p, kind, status, code },
          retried: { same: true, retries: ["503 Unavailable"] },
          reset: { recovered: true, retriedOnlyAsNetwork: true },
        },
      ];
    }),
  );
  const bareData: Record<string, unknown> = { ...listed, "baidu-bos": mocks.testAccount.bosOwnerId, "aliyun-oss": first.acl };
  const bare = Object.fromEntries(
    VENDOR_CLIENTS.map((p) => [p, { result: { status: 200, data: bareData[p] }, error: { status: errors[p]!.status, code: errors[p]!.code } }]),
  );
  return { facade, entries: Object.fromEntries(providerEntries.map((p) => [p, facade[p]])), bare };
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
  const peerNames = new Set<string>();
  // Required peers too (msw for @bucketry/mocks), which the app lists as its own dependencies at their locked
  // versions: npm would otherwise resolve a peer from its full registry metadata, which `npm ci` (reading the
  // install metadata only) does not leave in the cache, and the offline install would fail on a fresh machine.
  for (const p of packed) {
    const manifest = JSON.parse(readFileSync(join(root, p.dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => !manifest.peerDependenciesMeta?.[name]?.optional);
    for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...peers]) if (!packed.some((q) => q.name === dep)) from[dep] ??= p.dir;
    for (const peer of peers) if (!packed.some((q) => q.name === peer)) peerNames.add(peer);
  }
  for (const peer of peerNames) dependencies[peer] = (rootLock.packages[`node_modules/${peer}`] as { version: string }).version;
  const pkgJson = { name: "bucketry-pack-test", version: "0.0.0", private: true, dependencies };
  writeFileSync(join(app, "package.json"), JSON.stringify(pkgJson, null, 2));
  writeFileSync(
    join(app, "package-lock.json"),
    JSON.stringify({ ...pkgJson, lockfileVersion: 3, requires: true, packages: { "": { name: pkgJson.name, version: "0.0.0", dependencies }, ...lockedClosure(rootLock, from) } }, null, 2),
  );
  // Outside the repo, so no workspace or .npmrc of ours applies; the user's npm cache is the only source.
  // --legacy-peer-deps: the peers are the app's own dependencies above, resolved from the lockfile like the rest.
  const install = await run("npm", ["install", "--offline", "--legacy-peer-deps", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=warn"], {
    cwd: app,
    timeout: 90_000,
  }).catch((err: { stderr?: string; message: string }) => {
    throw new Error(`npm install --offline of the tarballs failed (run \`npm ci\` first so the npm cache holds the dependencies):\n${err.stderr ?? err.message}`);
  });
  installLog = install.stderr;
  providerEntries = facadeProviderEntries(app);
  writeEntryFiles(app, fixtures, providerEntries);
  expected = await expectedCalls();
  // Installed beforehand (`node scripts/node-line.mjs 22 24`, which .ci/run runs): the tests fetch nothing.
  await Promise.all(LATER_LINES.map(async (line) => laterNodes.set(line, await nodeLine(root, line))));
}, 180_000);

afterAll(() => {
  if (tmp && !process.env.BUCKETRY_KEEP_PACK) rmSync(tmp, { recursive: true, force: true });
});

describe("published tarballs", () => {
  it("packs every publishable package", () => {
    expect(packed.map((p) => p.name).sort()).toEqual([...VENDOR_IDS.map((v) => `@bucketry/${v}`), "@bucketry/mocks", "@bucketry/signing", "bucketry"].sort());
  });

  it("ship only built code, types, README/CHANGELOG, the LICENSE and the CLI launcher — no tests, sources, source maps or dev files", () => {
    for (const p of packed) {
      const paths = p.files.map((f) => f.path);
      expect(paths.filter((f) => !ALLOWED.test(f) || FORBIDDEN.test(f)), p.name).toEqual([]);
      expect(paths, p.name).toContain("README.md");
      // MIT asks for the licence text in every copy: each tarball carries the repository's LICENSE.
      expect(paths, p.name).toContain("LICENSE");
      expect(readFileSync(join(app, "node_modules", p.name, "LICENSE"), "utf8"), `${p.name}/LICENSE`).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
      expect(JSON.parse(readFileSync(join(app, "node_modules", p.name, "package.json"), "utf8")).license, p.name).toBe("MIT");
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
      // Into a file, not a pipe: attw exits (code 1) as soon as it finds a problem, which cuts a piped report of
      // a few hundred kB short; a file is written synchronously and the problems it lists reach the assertion.
      const report = join(tmp, `attw-${p.filename}.json`);
      const fd = openSync(report, "w");
      try {
        const child = spawn(attw, [join(tgzDir, p.filename), "--format", "json", "--ignore-rules", "cjs-resolves-to-esm", ...include], { cwd: tmp, stdio: ["ignore", fd, "inherit"] });
        await once(child, "close");
      } finally {
        closeSync(fd);
      }
      const json = JSON.parse(readFileSync(report, "utf8") || "{}") as { analysis?: { entrypoints?: Record<string, unknown>; problems?: { kind: string; entrypoint?: string; resolutionKind?: string; resolutionOption?: string }[] } };
      expect(json.analysis, `${p.name}: attw gave no analysis`).toBeDefined();
      if (include.length) expect(Object.keys(json.analysis!.entrypoints ?? {})).toEqual(expect.arrayContaining(VENDOR_CLIENTS.map((v) => `./${v}`)));
      return (json.analysis!.problems ?? [])
        .filter((x) => x.kind !== "CJSResolvesToESM")
        .map((x) => `${p.name}: ${x.kind} ${x.entrypoint ?? ""} ${x.resolutionKind ?? x.resolutionOption ?? ""}`);
    }
  }, 600_000);

  it("type-check every entry of every package in a Node-only TypeScript project (no DOM lib, skipLibCheck off)", async () => {
    // A DOM-only type in a declaration (RequestRedirect once was) fails such a project with TS2304, although
    // the repository's own builds, which include the DOM lib or skip library checks, never see it.
    // @bucketry/mocks is left out: msw, which it builds on, declares its types against the DOM lib itself.
    const specifiers = packed.filter((p) => p.name !== "@bucketry/mocks").flatMap((p) => {
      const pkg = JSON.parse(readFileSync(join(app, "node_modules", p.name, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
      return Object.keys(pkg.exports ?? { ".": "" })
        .filter((key) => key !== "./package.json")
        .flatMap((key) => (key === "./*" ? providerEntries.map((e) => `${p.name}/${e}`) : [key === "." ? p.name : `${p.name}/${key.slice(2)}`]));
    });
    expect(specifiers).toEqual(expect.arrayContaining(["bucketry", "bucketry/credentials", "@bucketry/signing/fetch", ...VENDOR_CLIENTS.map((v) => `bucketry/${v}`)]));
    writeFileSync(join(app, "node-only.mts"), specifiers.map((s, i) => `import * as m${i} from "${s}";\nvoid m${i};\n`).join(""));
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      lib: ["es2022"],
      types: ["node"],
      typeRoots: [join(root, "node_modules", "@types")],
      skipLibCheck: false,
    };
    await expect(tscInApp("node-only", compilerOptions)).resolves.toBe("");
  }, 300_000);

  it("every value export of every entry can be re-exported by a program that emits declarations (no TS2742)", async () => {
    // A value whose type lives in a file no entry exports (ENV's element type, mocks' `vendors` once) cannot be
    // named in the consumer's .d.ts: TypeScript stops with TS2742 in any library that re-exports it.
    const specifiers = packed.flatMap((p) => {
      const pkg = JSON.parse(readFileSync(join(app, "node_modules", p.name, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
      return Object.keys(pkg.exports ?? { ".": "" })
        .filter((key) => key !== "./package.json" && !key.endsWith(".json"))
        .flatMap((key) => (key === "./*" ? providerEntries.map((e) => `${p.name}/${e}`) : [key === "." ? p.name : `${p.name}/${key.slice(2)}`]));
    });
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", `const ids = ${JSON.stringify(specifiers)}; const out = {}; for (const id of ids) out[id] = Object.keys(await import(id)); console.log(JSON.stringify(out));`], { cwd: app, timeout: 60_000 });
    const exportsOf = JSON.parse(stdout) as Record<string, string[]>;
    expect(exportsOf["bucketry"]).toContain("ENV");
    expect(exportsOf["@bucketry/mocks"]).toContain("vendors");
    let source = "";
    Object.entries(exportsOf).forEach(([id, names], i) => {
      source += `import * as m${i} from "${id}";\n`;
      for (const name of names) if (name !== "default") source += `export const v${i}_${name.replace(/\W/g, "_")} = m${i}.${name};\n`;
    });
    writeFileSync(join(app, "reexport.mts"), source);
    const compilerOptions = {
      strict: true,
      declaration: true,
      emitDeclarationOnly: true,
      outDir: "reexport-types",
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      // msw (under @bucketry/mocks) declares its types against the DOM lib.
      lib: ["es2022", "dom"],
      types: ["node"],
      typeRoots: [join(root, "node_modules", "@types")],
      skipLibCheck: true,
    };
    await expect(tscInApp("reexport", compilerOptions)).resolves.toBe("");
    // The same program under TypeScript's node10 resolution, which reads package.json "typesVersions" instead of
    // "exports": each of those declarations must name every value the entry exports at run time.
    writeFileSync(join(app, "reexport-node10.mts"), source);
    const node10 = { ...compilerOptions, declaration: false, emitDeclarationOnly: false, noEmit: true, module: "esnext", moduleResolution: "node10" };
    await expect(tscInApp("reexport-node10", node10)).resolves.toBe("");
  }, 300_000);
});

describe("installed from the tarballs, offline", () => {
  const results: RunResult[] = [];
  const versions: string[] = [];

  afterAll(() => {
    // Which runtimes ran the calls (shown in the test log).
    console.log(
      `pack test runtimes: ${results.map((r) => `${r.runtime} [${r.transport}]`).join("; ")}${LATER_LINES.map((line) => skipNote(line)).join("")}` +
        `\npack test facade entries run: bucketry${providerEntries.map((p) => `, bucketry/${p}`).join("")}\npack test runtime versions: ${versions.join("; ")}`,
    );
  });

  /** Every runtime returns exactly the expected calls; Node, Deno and Bun pick the node:http transport. */
  function check(r: RunResult, transport: "node:http" | "fetch"): void {
    results.push(r);
    expect(r.out, r.runtime).toEqual(expected);
    expect(r.transport, r.runtime).toBe(transport);
  }

  it("installs without fetching anything (npm install --offline)", () => {
    expect(existsSync(join(app, "node_modules", "bucketry", "dist", "index.js"))).toBe(true);
    expect(installLog).not.toMatch(/ERR!/);
  });

  it("runs every vendor through the facade (root and per-provider entries) and bare clients from plain Node ESM", async () => {
    const r = await runNode(process.execPath, "esm.mjs");
    check(r, "node:http");
    expect(Object.keys(r.out.entries as object)).toEqual(providerEntries);
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

  it("bucketry/<provider>: the installed facade exports one entry per vendor, and every run above and below goes through each", () => {
    expect([...providerEntries].sort()).toEqual([...VENDOR_CLIENTS].sort());
  });

  it("runs the same calls from CommonJS (require of the ESM packages, Node >= 20.19)", async () => {
    check(await runNode(process.execPath, "cjs.cjs"), "node:http");
  });

  it("runs the same calls from an esbuild Node bundle in CommonJS (esbuild's default for --platform=node, where import.meta is empty)", async () => {
    // The mock server stays outside the bundle, required from node_modules: what is bundled is what an app ships.
    await esbuild.build({ entryPoints: [join(app, "cjs.cjs")], outfile: join(app, "bundled.cjs"), bundle: true, platform: "node", format: "cjs", external: ["@bucketry/mocks", "@bucketry/mocks/*"], logLevel: "silent" });
    const r = await runNode(process.execPath, "bundled.cjs");
    check({ ...r, runtime: `${r.runtime} (esbuild CommonJS bundle)` }, "node:http");
    // Node before 20.16 has no process.getBuiltinModule (engines allows 20.0): the bundle loads Node's modules anyway.
    writeFileSync(join(app, "no-get-builtin.cjs"), "delete process.getBuiltinModule;\n");
    const older = await runNode(process.execPath, "bundled.cjs", ["--require", "./no-get-builtin.cjs"]);
    check({ ...older, runtime: `${older.runtime} (esbuild CommonJS bundle, no process.getBuiltinModule)` }, "node:http");
  });

  it.for(LATER_LINES)("runs the same calls under Node %i (ESM and CommonJS)", async (line, ctx) => {
    const node = laterNodes.get(line)!;
    if ("reason" in node) {
      // CI installs the lines before the tests (.ci/run): missing there, the run fails instead of losing the case.
      if (process.env.CI) throw new Error(`pack test: ${node.reason}`);
      console.warn(`pack test: Node ${line} run skipped — ${node.reason}`);
      ctx.skip();
      return;
    }
    for (const file of ["esm.mjs", "cjs.cjs"]) check(await runNode(node.path, file), "node:http");
  });

  describe("Deno", () => {
    let denoBinary: Binary;
    beforeAll(async () => {
      denoBinary = await deno(root, denoEnv());
      versions.push(denoBinary.version);
    });

    it("runs the same calls with only loopback network access, resolving the packages from node_modules (Deno matches the node condition)", async () => {
      const { stderr, ...r } = await runProgram(denoBinary.path, denoArgs("esm.mjs"), denoEnv());
      check(r, "node:http");
      expect(r.runtime).toBe(`deno ${denoBinary.version.split(" ")[1]} esm`);
      expect(stderr).toBe("");
    });

    it("runs the CLI's demo (every provider against the embedded mock)", async () => {
      const { stdout } = await run(denoBinary.path, denoArgs(join("node_modules", "bucketry", "bin", "bucketry.js")).concat("demo"), {
        cwd: app,
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: "1", ...denoEnv() },
      });
      expect(stdout).toContain(`${VENDOR_IDS.length} of ${VENDOR_IDS.length} providers answered`);
    });

    // The README's Deno row: --allow-env may list only the variables in use. The CLI read its own optional variables
    // (BUCKETRY_PROFILE first) directly, and Deno's refusal ended the command with exit 1, "unexpected error".
    it("runs the CLI with --allow-env listing only the access key pair in use", async () => {
      const { startMockServer } = await import("@bucketry/mocks/server");
      const server = await startMockServer({ port: 0 });
      try {
        const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: server.credentials["aliyun-ens"].accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.credentials["aliyun-ens"].accessKeySecret };
        const cli = join("node_modules", "bucketry", "bin", "bucketry.js");
        const args = ["run", "--no-prompt", "--cached-only", "--allow-net=127.0.0.1", `--allow-read=${app}`, `--allow-env=${Object.keys(keys).join(",")}`, cli];
        const { stdout } = await run(denoBinary.path, [...args, "list-buckets", "--provider", "aliyun-ens", "--endpoint", server.endpoints["aliyun-ens"], "--limit", "2", "--json"], {
          cwd: app,
          timeout: 60_000,
          env: { ...process.env, ...denoEnv(), ...keys },
        });
        expect(stdout.trim().split("\n").map((line) => (JSON.parse(line) as { provider: string }).provider)).toEqual(["aliyun-ens", "aliyun-ens"]);
      } finally {
        await server.close();
      }
    });
  });

  describe("Bun", () => {
    let bunBinary: Binary;
    beforeAll(async () => {
      bunBinary = await bun(root, bunEnv());
      versions.push(`bun ${bunBinary.version}`);
    });

    it("runs the same calls from ESM and CommonJS (Bun matches the node condition)", async () => {
      for (const file of ["esm.mjs", "cjs.cjs"]) {
        const { stderr, ...r } = await runProgram(bunBinary.path, ["--no-install", file], bunEnv());
        check(r, "node:http");
        expect(r.runtime.startsWith(`bun ${bunBinary.version} `)).toBe(true);
        expect(stderr).toBe("");
      }
    });

    it("runs the CLI's demo (every provider against the embedded mock)", async () => {
      const { stdout } = await run(bunBinary.path, ["--no-install", join("node_modules", "bucketry", "bin", "bucketry.js"), "demo"], {
        cwd: app,
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: "1", ...bunEnv() },
      });
      expect(stdout).toContain(`${VENDOR_IDS.length} of ${VENDOR_IDS.length} providers answered`);
    });
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

    const mock = await startMockProcess();
    let page: Server | undefined;
    let browser: Awaited<ReturnType<typeof launch>> | undefined;
    try {
      browser = await launch();
      page = createServer((req, res) => {
        const body = req.url === "/" ? `<!doctype html><meta charset="utf-8"><title>bucketry pack test</title><script type="module" src="/bundle.js"></script>` : req.url === "/bundle.js" ? js : req.url === "/options.json" ? mock.options : undefined;
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
      // Anything but 127.0.0.1 (any port: the page's server, the mock's and its control endpoint) is aborted and recorded.
      const { page: tab, log } = await recordingPage(browser, "http://127.0.0.1:");
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
      const r = (await tab.evaluate(() => (window as unknown as { __result: unknown }).__result)) as RunResult & { error?: string; noCredentials?: Record<string, string> };
      expect(r.error).toBeUndefined();
      expectNoEnvAdvice(r.noCredentials);
      check({ ...r, runtime: `${r.runtime} (esbuild browser bundle, ${(js.length / 1000).toFixed(1)} kB)` }, "fetch");
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      // The calls provoke 403, 404 and 503 answers from the mock on purpose; nothing else may fail.
      expect(log.failed.filter((f) => !/^(403|404|503) http:\/\/127\.0\.0\.1:\d+\//.test(f))).toEqual([]);
      expect(log.consoleErrors.filter((e) => !/^Failed to load resource: the server responded with a status of (403|404|503)\b/.test(e))).toEqual([]);
    } finally {
      await browser?.close();
      page?.close();
      mock.stop();
    }
  });

  it("runs the same calls in workerd as a Worker without nodejs_compat (web APIs only), reaching only 127.0.0.1", async () => {
    const script = await bundleWorker(app, "worker.mjs");
    expect(script).not.toMatch(/["']node:/);

    const workerd = installedVersion(root, "workerd");
    const compatibilityDate = workerdCompatibilityDate(root);
    versions.push(`workerd ${workerd} (miniflare ${installedVersion(root, "miniflare")}, compatibility date ${compatibilityDate}, no compatibility flags)`);
    const mock = await startMockProcess();
    let mf: Miniflare | undefined;
    try {
      // Miniflare makes its working folder in os.tmpdir() as it is constructed, and does not wait for its removal
      // on dispose: put it inside the test's temp folder, which afterAll removes.
      mf = withTmpdir(tmp, () =>
        new Miniflare({
          modules: true,
          script,
          compatibilityDate,
          bindings: { MOCK: mock.options },
          // The Worker's fetch may reach loopback and nothing else (workerd refuses the rest).
          outboundService: { network: { allow: ["127.0.0.1/32"] } },
        }),
      );
      const response = await mf.dispatchFetch("http://worker.test/");
      const r = (await response.json()) as RunResult & { error?: string; process: string; noCredentials?: Record<string, string> };
      expect(r.error).toBeUndefined();
      expectNoEnvAdvice(r.noCredentials);
      expect(response.status).toBe(200);
      expect(r.process).toBe("undefined");
      check({ ...r, runtime: `workerd ${workerd} (esbuild bundle, ${(script.length / 1000).toFixed(1)} kB)` }, "fetch");
    } finally {
      await mf?.dispose();
      mock.stop();
    }
  });
});
