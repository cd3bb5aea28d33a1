// The READMEs name `bucketry` commands and flags in prose and in blocks the samples test does not run
// (```console, inline code). Each must exist as `bucketry --help` and `bucketry <command> --help` print them,
// and the facade README's CLI section must name every command the CLI has.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/bucketry/bin/bucketry.js");
const readmes = ["README.md", ...readdirSync(join(root, "packages")).map((p) => `packages/${p}/README.md`)].filter((f) => existsSync(join(root, f)));

const help = (...args: string[]) => execFileSync(process.execPath, [bin, ...args, "--help"], { encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });

/** The commands `bucketry --help` lists under "Commands:". */
function commands(): string[] {
  const text = help();
  const section = /\nCommands:\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? "";
  return [...section.matchAll(/^\s+([a-z][a-z-]*)\s{2,}/gm)].map((m) => m[1]!);
}

/** Every `bucketry <command> …` a README names (code blocks and inline code), with the flags it passes. */
function invocations(file: string, known: readonly string[]): { where: string; command: string; flags: string[] }[] {
  const out: { where: string; command: string; flags: string[] }[] = [];
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const commandPattern = new RegExp(`(?:^|[\\s\`$(])(?:npx )?bucketry (${known.join("|")}|[a-z][a-z-]+)\\b([^\`|;&#>]*)`, "g");
  lines.forEach((line, index) => {
    for (const m of line.matchAll(commandPattern)) {
      const command = m[1]!;
      // Prose such as "bucketry refuses a file…" is no invocation: only a word the CLI could take as a command.
      if (!known.includes(command) && !/^[a-z]+-[a-z-]+$/.test(command)) continue;
      out.push({ where: `${file}:${index + 1}`, command, flags: [...m[2]!.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((f) => f[1]!) });
    }
  });
  return out;
}

describe("READMEs name the CLI as it is", () => {
  const known = commands();

  it("reads the command list from `bucketry --help`", () => {
    expect(known).toEqual(expect.arrayContaining(["providers", "list-buckets", "get-acl", "mock", "demo"]));
  });

  it("the facade README's CLI section names every command", () => {
    const text = readFileSync(join(root, "packages/bucketry/README.md"), "utf8");
    const section = /\n## CLI\n([\s\S]*?)(?:\n## |$)/.exec(text)?.[1] ?? "";
    const intro = section.split("\n\n").slice(0, 2).join("\n");
    expect(known.filter((c) => !intro.includes(`\`bucketry ${c}\``)), "commands the CLI section's opening list leaves out").toEqual([]);
  });

  it("every `bucketry <command> --flag` in a README exists", () => {
    const flagsOf = new Map(known.map((c) => [c, new Set([...help(c).matchAll(/(?:^|[\s[(])(--[a-z][a-z-]*)/gm)].map((m) => m[1]!))]));
    const wrong: string[] = [];
    let seen = 0;
    for (const file of readmes) {
      for (const call of invocations(file, known)) {
        seen++;
        const flags = flagsOf.get(call.command);
        if (!flags) wrong.push(`${call.where}: no command "${call.command}"`);
        else for (const flag of call.flags) if (flag !== "--help" && !flags.has(flag)) wrong.push(`${call.where}: bucketry ${call.command} has no ${flag}`);
      }
    }
    expect(seen, "invocations found in the READMEs").toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});

describe("exit codes are documented alike", () => {
  const collapse = (text: string) => text.replace(/\s+/g, " ");
  /** The "Exit codes: 0 ok, 1 …." sentence of `bucketry --help`, which the CLI builds from its exit-code table. */
  const sentence = /Exit codes: [^.]*\./.exec(help())?.[0] ?? "";
  const codes = (text: string) => [...text.matchAll(/(\d) [a-z]/g)].map((m) => Number(m[1]));

  it("`bucketry --help` lists every code, 0 to 6, in order (1 included)", () => {
    expect(codes(sentence)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const command of ["list-buckets", "get-acl", "sign", "whoami"]) expect(collapse(help(command))).toContain(sentence);
  });

  it("the root README and the docs portal's CLI page say what --help says", () => {
    expect(collapse(readFileSync(join(root, "README.md"), "utf8")).includes(sentence), `README.md says "${sentence}"`).toBe(true);
    const pages = JSON.parse(readFileSync(join(root, "docs-src/getting-started.json"), "utf8")) as { slug: string; blocks: { html?: string }[] }[];
    const cli = pages.find((p) => p.slug === "cli")!.blocks.map((b) => b.html ?? "").join(" ");
    expect(cli.includes(sentence), `docs-src/getting-started.json (cli) says "${sentence}"`).toBe(true);
  });

  it("the facade README's exit-code table has a row for each code --help lists", () => {
    const text = readFileSync(join(root, "packages/bucketry/README.md"), "utf8");
    const table = /Exit codes:\n\n((?:\|.*\n)+)/.exec(text)?.[1] ?? "";
    expect([...table.matchAll(/^\| (\d) \|/gm)].map((m) => Number(m[1]))).toEqual(codes(sentence));
  });
});

describe("`bucketry mock` and `bucketry demo` without @bucketry/mocks", () => {
  // A resolve hook that answers @bucketry/mocks as npm does when the package is not installed.
  const hideMocks = `data:text/javascript,${encodeURIComponent(`
    import { register } from "node:module";
    register("data:text/javascript," + encodeURIComponent(\`
      export async function resolve(specifier, context, next) {
        if (specifier === "@bucketry/mocks" || specifier.startsWith("@bucketry/mocks/")) {
          throw Object.assign(new Error("Cannot find package '@bucketry/mocks' imported from " + context.parentURL), { code: "ERR_MODULE_NOT_FOUND" });
        }
        return next(specifier, context);
      }\`));`)}`;
  const run = (command: string) => spawnSync(process.execPath, ["--import", hideMocks, bin, command], { encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });

  it.each(["mock", "demo"])("`bucketry %s` stops with one line naming the package to install, exit code 1", (command) => {
    const r = run(command);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`bucketry: \`bucketry ${command}\` needs the optional package @bucketry/mocks: run \`npm install @bucketry/mocks\` (in the bucketry repository: \`npm run build\`)\n`);
  });

  it("the root README's CLI section says so, naming the same install command", () => {
    const section = /\n## The CLI\n([\s\S]*?)\n## /.exec(readFileSync(join(root, "README.md"), "utf8"))?.[1] ?? "";
    const prose = section.replace(/\s+/g, " ");
    expect(prose).toContain("`bucketry mock` and `bucketry demo` need the optional package `@bucketry/mocks`");
    expect(prose).toContain("`npm install @bucketry/mocks`");
  });
});

