#!/usr/bin/env node
// No import cycle inside any package: every module under packages/<name>/src (generated folders included),
// with type-only imports, re-exports and dynamic `import()` counted as edges, since a cycle of types still
// ties the modules together for whoever has to change them.
//
// The graph comes from dpdm rather than madge: dpdm resolves each specifier with TypeScript's own module
// resolution and the package's tsconfig.json, so `./x.js` lands on `x.ts` and a package.json `imports`
// entry (`#crypto`, `#transport`) on its source file; madge leaves `#…` imports unresolved, so a cycle
// through them would go unseen, and it installs several times the dependencies (parsers for Vue, Sass,
// Stylus…). TypeScript follows one condition of an `imports` entry (`node`); the edges to the other
// conditions' files (the web builds) are added here, so every variant is checked.
//   node scripts/check-cycles.mjs [package-folder ...]   exit 1 listing each cycle
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseCircular, parseDependencyTree } from "dpdm";
import ts from "typescript";
import { root } from "./repo.mjs";

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Leaf targets of a package.json `imports` entry (a string or nested condition objects). */
function conditionTargets(entry) {
  if (typeof entry === "string") return [entry];
  if (Array.isArray(entry)) return entry.flatMap(conditionTargets);
  if (entry && typeof entry === "object") return Object.values(entry).flatMap(conditionTargets);
  return [];
}

/** Where a package's compiler output comes from: its tsconfig.json's rootDir and outDir (default src, dist). */
function emitLayout(packageDir) {
  const configPath = join(packageDir, "tsconfig.json");
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} };
  const options = existsSync(configPath) ? ts.getParsedCommandLineOfConfigFile(configPath, {}, host)?.options : undefined;
  return { rootDir: resolve(options?.rootDir ?? join(packageDir, "src")), outDir: resolve(options?.outDir ?? join(packageDir, "dist")) };
}

/** The source file of an emitted file (`dist/crypto/web.js` → `src/crypto/web.ts`), if it exists. */
function sourceOf(packageDir, emitted) {
  const { rootDir, outDir } = emitLayout(packageDir);
  const file = resolve(packageDir, emitted);
  if (!file.startsWith(outDir + sep)) return undefined;
  const match = /\.(m|c)?js$/.exec(file);
  if (!match) return undefined;
  const stem = join(rootDir, relative(outDir, file)).slice(0, -match[0].length);
  const candidates = match[1] === "m" ? [".mts", ".mjs"] : match[1] === "c" ? [".cts", ".cjs"] : [".ts", ".tsx", ".js"];
  return candidates.map((ext) => stem + ext).find((f) => existsSync(f));
}

async function cyclesOf(packageDir) {
  const src = join(packageDir, "src");
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const tsconfig = join(packageDir, "tsconfig.json");
  const tree = await parseDependencyTree(`${relative(root, src)}/**/*.{ts,tsx,mts,cts,js,mjs}`, {
    cwd: root,
    context: root,
    ...(existsSync(tsconfig) ? { tsconfig } : {}),
    // Only this package's sources are nodes: other packages and node_modules are leaves.
    include: new RegExp(`^${escapeRegExp(src + sep)}`),
    exclude: /[\\/]node_modules[\\/]/,
    transform: false,
    skipDynamicImports: false,
  });
  const problems = [];
  for (const [file, dependencies] of Object.entries(tree)) {
    if (!dependencies) continue;
    // `@dpdm-ignore` would hide an edge from the check.
    if (readFileSync(join(root, file), "utf8").includes("@dpdm-ignore")) problems.push(`${file}: @dpdm-ignore is not allowed`);
    for (const dependency of [...dependencies]) {
      const entry = dependency.request.startsWith("#") ? manifest.imports?.[dependency.request] : undefined;
      if (entry === undefined) continue;
      for (const target of conditionTargets(entry)) {
        const source = sourceOf(packageDir, target);
        if (!source) {
          problems.push(`${file}: ${dependency.request} → ${target} maps to no source file under ${relative(root, src)}`);
          continue;
        }
        const id = relative(root, source);
        if (id !== dependency.id) dependencies.push({ ...dependency, id });
      }
    }
  }
  return { files: Object.values(tree).filter(Boolean).length, cycles: parseCircular(tree, false), problems };
}

// Every package with sources by default (a package that gains a src/ folder is checked from then on).
const requested = process.argv.slice(2).map((p) => resolve(p));
const hasSources = (dir) => existsSync(join(dir, "package.json")) && existsSync(join(dir, "src"));
const packageDirs = requested.length > 0 ? requested : readdirSync(join(root, "packages")).map((name) => join(root, "packages", name)).filter(hasSources).sort();

let failed = false;
for (const dir of packageDirs.filter((d) => !hasSources(d))) {
  failed = true;
  console.error(`${relative(root, dir)}: not a package with a src/ folder`);
}
for (const dir of packageDirs.filter(hasSources)) {
  const { files, cycles, problems } = await cyclesOf(dir);
  const name = relative(root, dir);
  if (files === 0) {
    failed = true;
    console.error(`${name}: no source files found under src/`);
  }
  for (const problem of problems) {
    failed = true;
    console.error(problem);
  }
  if (cycles.length > 0) {
    failed = true;
    console.error(`${name}: ${cycles.length} import cycle(s):`);
    for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].map((file) => relative(name, file)).join(" → ")}`);
  } else if (problems.length === 0 && files > 0) {
    console.log(`${name}: no import cycle (${files} modules)`);
  }
}
process.exit(failed ? 1 : 0);
