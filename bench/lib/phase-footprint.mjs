// Install footprint: bytes and package count of a fresh project holding only that package.
// Ours: `npm pack` of the built workspace packages, installed as tarballs — per vendor the generated client +
// @bucketry/signing (what a bare-client user installs); the facade row is bucketry, which brings all five clients.
// Official SDKs: the exact versions from bench/package.json, from the npm registry. Installs run with
// --ignore-scripts (no SDK install script is needed to load it) in temp dirs outside the repo.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { IMPLS, OURS_INSTALL } from "./impls.mjs";
import { REPO_DIR, WORK_DIR } from "./paths.mjs";
import { HOME_DIR, firstErrorLine, log, run } from "./util.mjs";

const PACKAGE_DIRS = {
  bucketry: "packages/bucketry",
  "@bucketry/aliyun-ens": "packages/aliyun-ens",
  "@bucketry/huaweicloud-mpc": "packages/huaweicloud-mpc",
  "@bucketry/baidu-bos": "packages/baidu-bos",
  "@bucketry/hitachi-vsp-one-object": "packages/hitachi-vsp-one-object",
  "@bucketry/aliyun-oss": "packages/aliyun-oss",
  "@bucketry/signing": "packages/signing",
};

async function pack() {
  const dest = path.join(WORK_DIR, "packs");
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const [name, dir] of Object.entries(PACKAGE_DIRS)) {
    const main = JSON.parse(readFileSync(path.join(REPO_DIR, dir, "package.json"), "utf8")).main;
    if (!existsSync(path.join(REPO_DIR, dir, main))) throw new Error(`${dir}/dist is missing: run \`npm run build\` first (npm run bench does)`);
  }
  const args = ["pack", "--json", "--pack-destination", dest, ...Object.keys(PACKAGE_DIRS).flatMap((n) => ["-w", n])];
  const r = await run("npm", args, { cwd: REPO_DIR, timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`npm pack failed: ${firstErrorLine(r.stderr)}`);
  const packed = JSON.parse(r.stdout.slice(r.stdout.indexOf("[")));
  const out = {};
  for (const p of packed) out[p.name] = { file: path.join(dest, p.filename), size: p.size, unpackedSize: p.unpackedSize, entryCount: p.entryCount };
  return out;
}

function measureDir(dir) {
  let bytes = 0;
  let files = 0;
  const byPackage = {};
  const walk = (d, pkg) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, pkg);
      else {
        const size = lstatSync(p).size;
        bytes += size;
        files++;
        byPackage[pkg] = (byPackage[pkg] ?? 0) + size;
      }
    }
  };
  const nm = path.join(dir, "node_modules");
  if (existsSync(nm)) {
    for (const e of readdirSync(nm, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      if (e.name.startsWith("@")) for (const s of readdirSync(path.join(nm, e.name))) walk(path.join(nm, e.name, s), `${e.name}/${s}`);
      else walk(path.join(nm, e.name), e.name);
    }
  }
  const lock = JSON.parse(readFileSync(path.join(dir, "package-lock.json"), "utf8"));
  const packages = Object.keys(lock.packages ?? {}).filter((k) => k !== "" && !lock.packages[k].link).length;
  const top = Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1]).slice(0, 8));
  return { bytes, files, packages, byPackage: top };
}

async function smoke(dir, specifiers) {
  for (const spec of specifiers ?? []) {
    const r = await run(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(spec)});`], {
      cwd: dir,
      env: { ...process.env, HOME: HOME_DIR, NODE_PATH: "" },
      timeoutMs: 60_000,
    });
    if (r.code !== 0) return `${spec}: ${firstErrorLine(r.stderr)}`;
  }
  return "ok";
}

async function install(name, specs, smokeSpecs) {
  const dir = path.join(os.tmpdir(), "bucketry-bench-install", name.replace(/[^a-z0-9-]+/gi, "_"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "footprint", private: true, type: "module" }));
  const r = await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", ...specs], { cwd: dir, timeoutMs: 300_000 });
  if (r.code !== 0) return { error: `npm install failed: ${firstErrorLine(r.stderr)}` };
  return { ...measureDir(dir), installMs: Math.round(r.ms), loads: await smoke(dir, smokeSpecs) };
}

/** Runs `jobs` (async thunks) with at most `limit` at once. */
async function pool(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

export async function footprint({ vendors }) {
  log("footprint: npm pack …");
  const packs = await pack();
  const jobs = [];
  const rows = {}; // vendor → impl → result
  const ourAll = OURS_INSTALL.map((n) => packs[n].file);
  let facadeResult;
  jobs.push(async () => {
    log("footprint: install the facade (bucketry + @bucketry/signing + 5 client tarballs) …");
    facadeResult = await install("facade", ourAll, ["bucketry", "bucketry/signing", "bucketry/transport"]);
  });
  for (const v of vendors) {
    rows[v] = {};
    for (const impl of IMPLS[v]) {
      if (impl.kind === "ours" && !impl.variant) {
        jobs.push(async () => {
          log(`footprint: install ${impl.client} + @bucketry/signing …`);
          rows[v].ours = {
            label: `${impl.client} + @bucketry/signing (\`npm i ${impl.client} @bucketry/signing\`: a bare client and its signer)`,
            ...(await install(`ours-${v}`, [packs[impl.client].file, packs["@bucketry/signing"].file], impl.smoke)),
          };
        });
        jobs.push(async () => {
          log(`footprint: install ${impl.client} alone …`);
          rows[v]["client-only"] = { label: `${impl.client} alone (no signing)`, ...(await install(`client-${v}`, [packs[impl.client].file], [impl.client])) };
        });
      } else if (impl.kind === "official") {
        jobs.push(async () => {
          log(`footprint: install ${impl.install.join(" ")} …`);
          rows[v][impl.id] = { label: impl.label, ...(await install(impl.id, impl.install, impl.smoke)) };
        });
      }
    }
  }
  await pool(jobs, 2);
  for (const v of vendors) rows[v].facade = { label: "bucketry: the facade + @bucketry/signing + all five @bucketry/* clients (what `npm i bucketry` brings)", ...facadeResult };
  const tarballs = Object.fromEntries(Object.entries(packs).map(([n, p]) => [n, { size: p.size, unpackedSize: p.unpackedSize, entryCount: p.entryCount }]));
  return { rows, tarballs };
}
