// scripts/check-cycles.mjs (run by `npm test` over packages/*/src) finds the cycles it exists for: through
// type-only imports, and through the web condition of a package.json `imports` entry that TypeScript's
// resolution does not follow.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const temp = mkdtempSync(join(tmpdir(), "bucketry-cycles-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A package folder with the given source files (paths under src/). */
function fixture(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name, type: "module", imports: { "#platform": { node: "./dist/platform/node.js", default: "./dist/platform/web.js" } } }),
  );
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", rootDir: "src", outDir: "dist" }, include: ["src"] }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, "src", path, ".."), { recursive: true });
    writeFileSync(join(dir, "src", path), text);
  }
  return dir;
}

async function check(...dirs: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["scripts/check-cycles.mjs", ...dirs], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const platform = {
  "platform/node.ts": "export const name = 'node';\n",
  "platform/web.ts": "export const name = 'web';\n",
};

describe("scripts/check-cycles.mjs", () => {
  it("passes a package without cycles", async () => {
    const dir = fixture("clean", { ...platform, "index.ts": "import { name } from '#platform';\nimport { helper } from './helper.js';\nexport const x = helper(name);\n", "helper.ts": "export const helper = (s: string) => s;\n" });
    const { code, output } = await check(dir);
    expect(output).toContain("no import cycle (4 modules)");
    expect(code).toBe(0);
  });

  it("fails on a cycle made of type-only imports", async () => {
    const dir = fixture("types", { "runtime.ts": "import type { Adapter } from './adapter.js';\nexport interface Runtime { adapter: Adapter }\n", "adapter.ts": "import type { Runtime } from './runtime.js';\nexport interface Adapter { runtime: Runtime }\n" });
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/1 import cycle\(s\):\n {2}src\/(runtime|adapter)\.ts → src\/(adapter|runtime)\.ts → src\/\1\.ts/);
  });

  it("fails on a cycle through the web condition of `#platform`, which TypeScript resolves to node", async () => {
    const dir = fixture("web", {
      "platform/node.ts": "export const name = 'node';\n",
      "platform/web.ts": "import { label } from '../index.js';\nexport const name = label;\n",
      "index.ts": "import { name } from '#platform';\nexport const label = 'web';\nexport const x = name;\n",
    });
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toContain("src/platform/web.ts");
  });

  it("refuses an @dpdm-ignore comment, which would hide an edge", async () => {
    const dir = fixture("ignored", { ...platform, "index.ts": "// @dpdm-ignore\nimport { name } from '#platform';\nexport const x = name;\n" });
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toContain("@dpdm-ignore is not allowed");
  });
});
