// Every fenced code block in README.md and packages/*/README.md is a sample that runs against the mocks, so
// the READMEs cannot rot:
//   ```js / ```ts   self-contained ESM (valid as TypeScript and as JavaScript): type-checked with `strict`, then
//                   run with node. Samples that bring their own mock (they import @bucketry/mocks) run bare;
//                   samples importing "vitest" run as a test file under vitest; the others get
//                   test/support/sample-env.mjs (MSW answering the vendors' real hosts, the vendors' env vars
//                   set to the mock's test credentials) and must make at least one call the mock accepts as
//                   valid and correctly signed. A CommonJS sample (require, no import) runs as .cjs.
//   ```sh           `bucketry …` commands, run with bash -e against one `bucketry mock`, with the env its
//                   `--json` line gives (what `. ./mock.env` gives a user) and an empty HOME.
//   anything else   (```text, ```console, ```json, …) or a js/ts/sh fence tagged `norun` is not run; the
//                   first test lists every such block. A fence without a language fails.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictTypeProblems } from "./support/strict-samples.js";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const preload = join(root, "test/support/sample-env.mjs");
const bin = join(root, "packages/bucketry/bin/bucketry.js");
const vitestBin = join(root, "node_modules/vitest/vitest.mjs");
// Inside the repository (so bare imports resolve through its node_modules), outside git (test-results/ is ignored).
const work = join(root, "test-results", "readme-samples");

const JS_LANGS = new Set(["js", "javascript", "mjs", "cjs", "ts", "typescript", "mts", "cts"]);
const SH_LANGS = new Set(["sh", "bash", "shell"]);

interface Block {
  file: string;
  line: number;
  lang: string;
  tags: string[];
  code: string;
}
type Kind = "js" | "sh" | "skip";

const readmes = ["README.md", ...readdirSync(join(root, "packages")).map((p) => `packages/${p}/README.md`)].filter((f) => existsSync(join(root, f)));

function blocksOf(file: string): Block[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence}\`*\\s*$`).test(lines[j]!); j++) body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
    out.push({ file, line: i + 1, lang: lang.toLowerCase(), tags: rest.split(/[\s,]+/).filter(Boolean), code: body.join("\n") + "\n" });
    i = j;
  }
  return out;
}

const blocks = readmes.flatMap(blocksOf);
const kindOf = (b: Block): Kind => (b.tags.includes("norun") ? "skip" : JS_LANGS.has(b.lang) ? "js" : SH_LANGS.has(b.lang) ? "sh" : "skip");
const label = (b: Block) => `${b.file}:${b.line} (${b.lang || "no language"})`;
const slug = (b: Block) => `${b.file.replace(/\/README\.md$/, "").replace(/^packages\//, "").replace(/[^A-Za-z0-9]+/g, "-")}-L${b.line}`;
const isCommonJs = (code: string) => /\brequire\(/.test(code) && !/^\s*(import|export)\b/m.test(code);
const importsMocks = (code: string) => /from\s+["']@bucketry\/mocks(\/[^"']*)?["']|require\(["']@bucketry\/mocks/.test(code);
const importsVitest = (code: string) => /from\s+["']vitest["']/.test(code);

const jsBlocks = blocks.filter((b) => kindOf(b) === "js");
const shBlocks = blocks.filter((b) => kindOf(b) === "sh");
const skipped = blocks.filter((b) => kindOf(b) === "skip");

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** A clean environment: nothing of the developer's own credentials reaches a sample. */
function baseEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR, HOME: home, NO_COLOR: "1", TZ: "UTC" };
}

function failure(err: unknown): string {
  const e = err as { message?: string; stdout?: string; stderr?: string; code?: unknown; signal?: unknown };
  return `exit ${String(e.code)}${e.signal ? ` (${String(e.signal)})` : ""}\n--- stdout\n${e.stdout ?? ""}\n--- stderr\n${e.stderr ?? e.message ?? ""}`;
}

describe("README samples", () => {
  it("finds the samples, and lists the blocks it does not run", () => {
    expect(readmes).toContain("README.md");
    expect(readmes).toContain("packages/bucketry/README.md");
    // A fence must say what it holds: otherwise a sample could slip past unrun.
    expect(blocks.filter((b) => b.lang === "").map(label)).toEqual([]);
    // A shell block is for `bucketry …` commands; installs and repo scripts are ```console.
    const notRunnableSh = shBlocks.filter((b) => !/(^|[\s;&|(])bucketry\s/m.test(b.code) || /(^|[\s;&|(])(npm|npx|pnpm|yarn|git)\s/m.test(b.code));
    expect(notRunnableSh.map(label), "sh blocks must run `bucketry …` (fence installs and npm scripts as ```console)").toEqual([]);
    const lines = skipped.map((b) => `  skipped ${label(b)}${b.tags.includes("norun") ? " [norun]" : ""}: ${b.code.trim().split("\n")[0]!.slice(0, 90)}`);
    console.info(`README samples: ${jsBlocks.length} js/ts and ${shBlocks.length} sh blocks run, ${skipped.length} not run:\n${lines.join("\n")}`);
    expect(jsBlocks.length).toBeGreaterThan(0);
    expect(shBlocks.length).toBeGreaterThan(0);
  });

  it("every js/ts sample type-checks as strict TypeScript", () => {
    const dir = join(work, "typecheck");
    mkdirSync(dir, { recursive: true });
    const files = jsBlocks.map((b) => {
      const cjs = isCommonJs(b.code);
      const path = join(dir, `${slug(b)}.${cjs ? "cts" : "mts"}`);
      // A module of its own even without imports, so samples do not share top-level names.
      writeFileSync(path, cjs ? b.code : `${b.code}export {};\n`);
      return { path, block: b };
    });
    const problems = strictTypeProblems(root, files.map((f) => f.path), (file, line) => {
      const f = files.find((x) => x.path === file);
      return f ? `${f.block.file}:${f.block.line + line}` : file;
    });
    expect(problems).toEqual([]);
  });

  it.each(jsBlocks.map((b) => [label(b), b] as const))("%s runs against the mocks", async (_name, b) => {
    const home = tempDir("bucketry-readme-home-");
    const asTest = importsVitest(b.code);
    const path = join(work, `${slug(b)}${asTest ? ".test" : ""}.${isCommonJs(b.code) ? "cjs" : "mjs"}`);
    writeFileSync(path, b.code);
    const bare = importsMocks(b.code);
    const report = join(work, `${slug(b)}.calls.json`);
    const env = { ...baseEnv(home), ...(bare ? {} : { BUCKETRY_SAMPLE_REPORT: report }) };
    // Its own config, so the nested vitest does not pick up the repository's projects.
    const config = join(work, "vitest.samples.config.mjs");
    // A sample is judged by what it prints and asserts, not by how fast a loaded machine runs it: the nested
    // vitest gets the same generous per-test limit as this suite (its 5 s default failed a 10 000-bucket listing
    // on a busy CI machine).
    if (asTest) writeFileSync(config, "export default { test: { include: ['*.test.mjs'], testTimeout: 60_000, hookTimeout: 60_000 } };\n");
    const args = asTest
      ? [vitestBin, "run", "--config", config, "--root", work, "--reporter", "verbose", "--no-color", path]
      : [...(bare ? [] : ["--import", preload]), path];
    if (asTest && !bare) args.unshift("--import", preload);
    let stdout: string;
    try {
      ({ stdout } = await exec(process.execPath, args, { cwd: home, env, timeout: 60_000 }));
    } catch (err) {
      throw new Error(`${label(b)} failed: ${failure(err)}`);
    }
    expect(stdout.trim().length, `${label(b)} printed nothing`).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
    if (asTest) expect(stdout).toMatch(/Tests\s+\d+ passed/);
    if (!bare) {
      const calls = JSON.parse(readFileSync(report, "utf8")) as { operationId: string; url: string; issues: string[]; auth?: { ok: boolean; reason?: string } }[];
      expect(calls.length, `${label(b)} made no call to the mock`).toBeGreaterThan(0);
      for (const c of calls) {
        expect(c.issues, `${c.operationId} ${c.url}: request not valid against the spec`).toEqual([]);
        if (c.auth) expect(c.auth, `${c.operationId} ${c.url}: not signed correctly`).toMatchObject({ ok: true });
      }
    }
  });
});

describe("README shell samples", () => {
  let mock: ChildProcess | undefined;
  let mockEnv: Record<string, string> = {};
  let shim = "";

  beforeAll(async () => {
    // The env a user gets from `bucketry mock > mock.env & . ./mock.env`: test credentials, one endpoint per provider.
    mock = spawn(process.execPath, [bin, "mock", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
    const [chunk] = (await once(mock.stdout!, "data")) as [Buffer];
    mockEnv = (JSON.parse(chunk.toString("utf8").split("\n")[0]!) as { env: Record<string, string> }).env;
    shim = tempDir("bucketry-readme-bin-");
    writeFileSync(join(shim, "bucketry"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(shim, "bucketry"), 0o755);
  });

  afterAll(() => {
    mock?.kill("SIGTERM");
  });

  it.each(shBlocks.map((b) => [label(b), b] as const))("%s runs against `bucketry mock`", async (_name, b) => {
    const home = tempDir("bucketry-readme-home-");
    const path = join(work, `${slug(b)}.sh`);
    writeFileSync(path, b.code);
    let stdout: string;
    try {
      ({ stdout } = await exec("bash", ["-e", "-o", "pipefail", path], {
        cwd: home,
        timeout: 60_000,
        env: { ...baseEnv(home), PATH: `${shim}:${process.env.PATH}`, ...mockEnv },
      }));
    } catch (err) {
      throw new Error(`${label(b)} failed: ${failure(err)}`);
    }
    expect(stdout.trim().length, `${label(b)} printed nothing`).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
  });
});
