// Bundle size: esbuild --bundle --minify of a minimal program that constructs the client and runs the
// vendor's one operation, for --platform=browser and --platform=node, raw and gzipped (level 9).
// A bundle that does not build reports "does not build" with esbuild's first error.
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { IMPLS } from "./impls.mjs";
import { BENCH_DIR } from "./paths.mjs";
import { SHIM_DIR, log } from "./util.mjs";

export function entrySource(implFile) {
  return [
    `import { create } from ${JSON.stringify(implFile)};`,
    `const client = create({ endpoint: "https://bench.example.com" });`,
    `client.call().then((result) => console.log(result), (err) => console.error(err));`,
  ].join("\n");
}

/** Minified bytes in the output per package (node_modules/<pkg> or packages/<dir>), largest first. */
function byPackage(metafile) {
  const sizes = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file) ?? /(?:^|\/)packages\/([^/]+)/.exec(file);
      const key = m ? m[1] : file.startsWith("lib/") || file.startsWith("impl/") ? "(bench program)" : file;
      sizes[key] = (sizes[key] ?? 0) + bytesInOutput;
    }
  }
  return Object.fromEntries(Object.entries(sizes).sort((a, b) => b[1] - a[1]));
}

async function bundleOne(implFile, platform) {
  try {
    const out = await esbuild.build({
      stdin: { contents: entrySource(implFile), resolveDir: BENCH_DIR, sourcefile: "entry.mjs", loader: "js" },
      bundle: true,
      minify: true,
      platform,
      format: "esm",
      target: "es2022",
      write: false,
      logLevel: "silent",
      nodePaths: [path.join(SHIM_DIR, "node_modules")],
      metafile: true,
    });
    const code = out.outputFiles[0].contents;
    const inputs = Object.keys(out.metafile.inputs).length;
    return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, modules: inputs, byPackage: byPackage(out.metafile) };
  } catch (err) {
    const e = err.errors?.[0];
    const where = e?.location ? `${e.location.file}:${e.location.line}: ` : "";
    const more = err.errors?.length > 1 ? ` (+${err.errors.length - 1} more errors)` : "";
    return { error: `does not build: ${where}${e?.text ?? String(err).split("\n")[0]}${more}` };
  }
}

export async function bundle({ vendors }) {
  const rows = {};
  for (const v of vendors) {
    rows[v] = {};
    for (const impl of IMPLS[v].filter((i) => !i.throughputOnly)) {
      const file = path.join(BENCH_DIR, "impl", v, `${impl.id}.mjs`);
      const r = { label: impl.label };
      for (const platform of ["browser", "node"]) {
        if (impl.kind === "http" && platform === "browser") {
          r.browser = { error: "n/a (node:http)" };
          continue;
        }
        r[platform] = await bundleOne(file, platform);
      }
      if (r.browser.error?.includes('"node:crypto"')) r.browser = { error: "n/a (baseline uses node:crypto)" };
      log(`bundle: ${v}/${impl.id} browser ${r.browser.gzip ?? r.browser.error} node ${r.node.gzip ?? r.node.error}`);
      rows[v][impl.id] = r;
    }
  }
  return { rows };
}
