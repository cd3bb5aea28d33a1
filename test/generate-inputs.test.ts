// `npm run generate` is cached by turbo on each package's `generate` inputs. A repository script the generator
// imports but the inputs leave out (the OSS client's XML shapes come from scripts/xml-shapes.mjs) lets turbo
// replay a stale result: the drift check then keeps saying "run `npm run generate`", and running it changes
// nothing. Every package's inputs must name its generator, every repository script that imports, and every template
// (scripts/templates/) they name.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** The generator script a package's `generate` script runs, or undefined. */
function generatorOf(dir: string): string | undefined {
  const script = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts?.generate as string | undefined;
  const file = script?.match(/node (\S+\.mjs)/)?.[1];
  return file === undefined ? undefined : relative(root, join(dir, file));
}

/** A repository script and every repository script it imports, transitively (paths from the root). */
function localImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of readFileSync(join(root, file), "utf8").matchAll(/^import [^;]*?from "(\.{1,2}\/[^"]+)"/gm)) {
    localImports(relative(root, join(root, dirname(file), spec!)), seen);
  }
  return seen;
}

const packages = readdirSync(join(root, "packages"))
  .map((d) => join(root, "packages", d))
  .filter((dir) => existsSync(join(dir, "package.json")) && generatorOf(dir) !== undefined);

describe("turbo's generate inputs", () => {
  it("finds the packages that generate code", () => {
    expect(packages.length).toBeGreaterThanOrEqual(7);
  });

  it.each(packages.map((dir) => [relative(root, dir), dir]))("%s: lists its generator, every repository script it imports and every template they name", (_, dir) => {
    const inputs: string[] = JSON.parse(readFileSync(join(dir, "turbo.json"), "utf8")).tasks.generate.inputs;
    const scripts = [...localImports(generatorOf(dir)!)];
    const text = scripts.map((f) => readFileSync(join(root, f), "utf8")).join("\n");
    const templates = readdirSync(join(root, "scripts", "templates")).filter((name) => text.includes(`"${name}"`)).map((name) => `scripts/templates/${name}`);
    const needed = [...scripts, ...templates].map((f) => `$TURBO_ROOT$/${f}`);
    expect(needed.filter((f) => !inputs.includes(f))).toEqual([]);
  });
});
