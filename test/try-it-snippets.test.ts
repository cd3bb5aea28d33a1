// The Try-it code panel's programs (docs-src/try-it/snippets.js), filled with each vendor page's defaults, run as a
// user would run them: against the vendors' real hosts answered by the mock in the process (the in-page target),
// and against a `bucketry mock` server (the URL target). Each must print its result, and the mock must have seen
// valid, correctly signed requests.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { testCredentials } from "@bucketry/mocks";
import { vendorEnv } from "./support/vendor-env.mjs";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const preload = join(root, "test/support/sample-env.mjs");
// Inside the repository so the programs' bare imports resolve; test-results/ is not in git.
const work = join(root, "test-results", "try-it-snippets");
const vendors = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"] as const;

interface Field {
  name: string;
  arg?: string;
  type: string;
  value: unknown;
}
interface PageConfig {
  provider: string;
  operationId: string;
  method: string;
  path: string;
  facadeOptions?: Record<string, unknown>;
  fields: Field[];
  env: Record<string, string>;
  pages: { operationId: string; file: string }[];
}
type Call = { provider: string; operationId?: string; facadeOptions?: Record<string, unknown>; values: Record<string, unknown>; env: Record<string, string>; endpoint?: string };
type Snippets = { snippets(call: Call): { bare: string; facade: string }; argumentsOf(fields: Field[], read: (f: Field) => unknown): Record<string, unknown> };

let lib: Snippets;
let server: MockServer;

/** The config a built Try-it page hands its panel (docs/try-it/<file>, by default the vendor's first page). */
function pageConfig(vendor: string, file = `${vendor}.html`): PageConfig {
  const html = readFileSync(join(root, "docs", "try-it", file), "utf8");
  const json = /<script type="application\/json" id="try-it-config">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error(`docs/try-it/${file} has no try-it config`);
  return JSON.parse(json) as PageConfig;
}

/** Every Try-it page of every vendor (a vendor's first page lists them all). */
const PAGES = vendors.flatMap((vendor) => pageConfig(vendor).pages.map((p) => ({ vendor, ...p })));


async function run(name: string, code: string, withPreload: boolean): Promise<{ stdout: string; calls?: { status?: number; issues: string[]; auth?: { ok: boolean } }[] }> {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, code);
  const report = join(work, `${name}.calls.json`);
  const env = { PATH: process.env.PATH, HOME: work, NO_COLOR: "1", TZ: "UTC", ...(withPreload ? { BUCKETRY_SAMPLE_REPORT: report } : vendorEnv) };
  try {
    const { stdout } = await exec(process.execPath, [...(withPreload ? ["--import", preload] : []), file], { cwd: work, env, timeout: 60_000 });
    return { stdout, ...(withPreload ? { calls: JSON.parse(readFileSync(report, "utf8")) } : {}) };
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string };
    throw new Error(`${name} failed (exit ${String(e.code)}):\n${code}\n--- stdout\n${e.stdout ?? ""}\n--- stderr\n${e.stderr ?? String(err)}`);
  }
}

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  lib = (await import(pathToFileURL(join(root, "docs-src", "try-it", "snippets.js")).href)) as Snippets;
  server = await startMockServer();
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("Try-it code panel programs", () => {
  it("cover a page per operation the portal offers", () => {
    expect(PAGES.map((p) => p.file)).toEqual(expect.arrayContaining(["aliyun-ens-ListBucketsByGet.html", "baidu-bos-GetBucketAcl.html", "hitachi-vsp-one-object-GetCsrfToken.html"]));
  });

  for (const { vendor, file, operationId } of PAGES) {
    describe(file, () => {
      const call = (): Call => {
        const config = pageConfig(vendor, file);
        return { provider: vendor, operationId: config.operationId, ...(config.facadeOptions ? { facadeOptions: config.facadeOptions } : {}), values: lib.argumentsOf(config.fields, (f) => f.value), env: config.env };
      };
      // GET /v1/csrf has no facade call: its facade panel says so and names where the handshake happens.
      const noFacade = operationId === "GetCsrfToken";

      it("never carries a key: both programs read the vendor's environment variables", () => {
        const { bare, facade } = lib.snippets(call());
        const secrets = Object.values(testCredentials[vendor]).map(String);
        for (const code of [bare, facade]) for (const secret of secrets) expect(code).not.toContain(secret);
        if (!noFacade) expect(bare).toContain(`process.env`);
        else expect(facade.split("\n").filter(Boolean).every((line) => line.startsWith("//"))).toBe(true);
      });

      it("the programs make the page's operation with the page's options", () => {
        const { bare, facade } = lib.snippets(call());
        const config = pageConfig(vendor, file);
        expect(bare).toContain(`.${config.method}(${JSON.stringify(config.path)}`);
        for (const [key, value] of Object.entries(config.facadeOptions ?? {})) expect(facade).toContain(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
      });

      for (const kind of ["bare", "facade"] as const) {
        if (kind === "facade" && noFacade) continue;
        it(`${kind}: with the page's defaults, against the vendor's host (answered by the mock in the process)`, async () => {
          const code = lib.snippets(call())[kind];
          const { stdout, calls } = await run(`${file}-${kind}-vendor`, code, true);
          expect(stdout.trim()).not.toBe("");
          expect(stdout).not.toMatch(/\bundefined\b|\[object Object\]/);
          expect(calls!.length).toBeGreaterThan(0);
          for (const c of calls!) {
            expect(c.issues).toEqual([]);
            if (c.auth) expect(c.auth).toMatchObject({ ok: true });
          }
          expect(calls!.at(-1)!.status).toBe(200);
        });

        it(`${kind}: with the URL target, against a bucketry mock server`, async () => {
          // The server's own data set: a bucket it holds, where the page's default names the vendor's example.
          const base = call();
          const values = "bucket" in base.values ? { ...base.values, bucket: server.mock.state.buckets[0]!.name } : base.values;
          const code = lib.snippets({ ...base, values, endpoint: server.endpoints[vendor] })[kind];
          expect(code).toContain(server.endpoints[vendor]);
          const { stdout } = await run(`${file}-${kind}-url`, code, false);
          expect(stdout.trim()).not.toBe("");
          expect(stdout).not.toMatch(/\bundefined\b|\[object Object\]/);
        });
      }
    });
  }
});
