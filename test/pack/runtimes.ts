// The non-Node runtimes of the pack test, all devDependencies of the repo (pinned): Deno and Bun ship their
// binaries in platform packages (@deno/<platform>, @oven/bun-<platform>) whose postinstall links them to
// node_modules/.bin; where that link is only the launcher stub (install scripts not run), the binary is taken
// from the platform package itself. workerd is driven by miniflare (see pack.test.ts).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import * as esbuild from "esbuild";

const run = promisify(execFile);

export interface Binary {
  path: string;
  /** What `--version` printed (first line). */
  version: string;
}

function candidates(root: string, bin: string, scope: string, inPackage: (dir: string) => string): string[] {
  const modules = join(root, "node_modules");
  const platform = existsSync(join(modules, scope)) ? readdirSync(join(modules, scope)).map((dir) => join(modules, scope, inPackage(dir))) : [];
  return [join(modules, ".bin", bin), ...platform];
}

async function firstRunnable(name: string, paths: string[], env: Record<string, string>): Promise<Binary> {
  const tried: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) continue;
    try {
      const { stdout } = await run(path, ["--version"], { timeout: 30_000, env: { ...process.env, ...env } });
      return { path, version: stdout.trim().split("\n")[0]! };
    } catch (err) {
      tried.push(`${path}: ${String((err as Error).message).split("\n")[0]}`);
    }
  }
  throw new Error(`${name} is not installed or does not run (it is a devDependency: run \`npm ci\`). Tried:\n${tried.join("\n") || paths.join("\n")}`);
}

/** `env`: where the runtime may write (each keeps a cache in the user's home by default). */
export function deno(root: string, env: Record<string, string>): Promise<Binary> {
  return firstRunnable("deno", candidates(root, "deno", "@deno", (dir) => join(dir, process.platform === "win32" ? "deno.exe" : "deno")), env);
}

export function bun(root: string, env: Record<string, string>): Promise<Binary> {
  return firstRunnable("bun", candidates(root, "bun", "@oven", (dir) => join(dir, "bin", process.platform === "win32" ? "bun.exe" : "bun")), env);
}

/** The installed version of a devDependency (from its package.json). */
export function installedVersion(root: string, name: string): string {
  return (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** A Worker's script, bundled the way wrangler bundles one: the workerd, worker and browser conditions, ESM. */
export async function bundleWorker(app: string, entry: string): Promise<string> {
  const bundle = await esbuild.build({
    entryPoints: [join(app, entry)],
    absWorkingDir: app,
    bundle: true,
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return bundle.outputFiles[0]!.text;
}

/** The newest compatibility date the installed workerd supports: 1.YYYYMMDD.n supports dates up to its own. */
export const workerdCompatibilityDate = (root: string): string => installedVersion(root, "workerd").replace(/^1\.(\d{4})(\d{2})(\d{2})\..*$/, "$1-$2-$3");
