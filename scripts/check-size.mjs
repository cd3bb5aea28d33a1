#!/usr/bin/env node
// Browser bundle budgets. For each entry of size-budgets.json: esbuild --bundle --minify --platform=browser of a
// minimal program that does the operation (the generated client + its signer from bucketry/signing, XML included
// for OSS; the facade with one provider; the facade from each provider's own entry, bucketry/<provider>), gzip -9,
// compared with the budget. A provider entry without a budget of its own gets "bucketry/<provider>"'s. Exits 1
// when any bundle is over its budget (minified or gzipped), fails to build, or has no budget, and when a vendor of
// redocly.yaml has no bare-client program below. Needs built packages (`npm run build`).
//
//   node scripts/check-size.mjs           table + pass/fail
//   node scripts/check-size.mjs --json    the measurements as JSON
//   node scripts/check-size.mjs --analyze bucketry/baidu-bos
//                                         where one bundle's bytes go: per module, minified bytes and what the
//                                         module adds to the gzipped bundle (the bundle's gzip size without it)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { apis } from "./repo.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const budgetsFile = path.join(root, "size-budgets.json");
const { budgets } = JSON.parse(readFileSync(budgetsFile, "utf8"));

const AK = "LTAI5tSizeCheckAccessKey";
const SK = "SizeCheckAccessKeySecret";
const creds = `{ accessKeyId: ${JSON.stringify(AK)}, accessKeySecret: ${JSON.stringify(SK)} }`;
const done = `.then((r) => console.log(r.data ?? r), (e) => console.error(e))`;

/** The programs measured: what an app that does this one operation in a browser ships. */
export const PROGRAMS = {
  "@bucketry/aliyun-ens": `
import { createClient } from "@bucketry/aliyun-ens";
import { acs3Signer } from "bucketry/signing";
const client = createClient({ region: "cn-hangzhou" });
client.use(acs3Signer({ credentials: ${creds} }));
client.POST("/", { params: { query: { PageNumber: "1", PageSize: "10" } } })${done};`,
  "@bucketry/huaweicloud-mpc": `
import { createClient } from "@bucketry/huaweicloud-mpc";
import { sdkHmacSha256Signer } from "bucketry/signing";
const client = createClient({ region: "cn-north-4" });
client.use(sdkHmacSha256Signer({ credentials: ${creds}, projectId: "0123456789abcdef0123456789abcdef" }));
client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "0123456789abcdef0123456789abcdef" } } })${done};`,
  "@bucketry/baidu-bos": `
import { createClient } from "@bucketry/baidu-bos";
import { bceV1Signer } from "bucketry/signing";
const client = createClient({ region: "bj" });
client.use(bceV1Signer({ credentials: ${creds} }));
client.GET("/v1/{bucketName}", { params: { path: { bucketName: "examplebucket" } } })${done};`,
  "@bucketry/hitachi-vsp-one-object": `
import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { hitachiSession } from "bucketry/signing";
const baseUrl = "https://vsp.example.com/mapi";
const client = createClient({ baseUrl });
client.use(hitachiSession({ baseUrl, credentials: { token: "bearer-token" } }));
client.POST("/v1/user/list_buckets", { body: { id: 42 } })${done};`,
  "@bucketry/aliyun-oss": `
import { createClient } from "@bucketry/aliyun-oss";
import { ossV4Signer } from "bucketry/signing";
const client = createClient({ region: "cn-hangzhou", bucket: "examplebucket" });
client.use(ossV4Signer({ credentials: ${creds}, region: "cn-hangzhou", bucket: "examplebucket" }));
client.GET("/", {})${done};`,
  "bucketry (facade, aliyun-oss)": `
import { createBucketClient } from "bucketry";
const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: ${creds} });
oss.getBucketAcl("examplebucket")${done};`,
  // The docs portal's Try-it panel (docs-src/try-it/panel.js), one script shared by the five Try-it pages.
  "docs try-it panel (every vendor page)": `import "./docs-src/try-it/panel.js";`,
};

/**
 * The facade for one provider from its own entry (`bucketry/<provider>`): the provider module's sample — construct
 * the client, run its one operation, print a field. One program per provider module (the generated registry).
 */
export async function entryPrograms() {
  const registry = path.join(root, "packages/bucketry/dist/generated/providers.js");
  if (!existsSync(registry)) return { [ENTRY_DEFAULT]: null };
  const { providerModules } = await import(pathToFileURL(registry).href);
  return Object.fromEntries(
    providerModules.map(({ id, operation, docs: { sample } }) => {
      const argument = sample.argument === undefined ? "" : JSON.stringify(sample.argument);
      const call =
        operation === "listBuckets"
          ? `for await (const bucket of client.listBuckets(${argument})) console.log(bucket.name);`
          : `client.getBucketAcl(${argument}).then((acl) => console.log(acl.acl), (e) => console.error(e));`;
      return [`bucketry/${id}`, `\nimport { createBucketClient } from "bucketry/${id}";\nconst client = createBucketClient(${JSON.stringify(sample.options)});\n${call}`];
    }),
  );
}

/** The budget of a provider entry that has none of its own (a new provider starts at the target). */
const ENTRY_DEFAULT = "bucketry/<provider>";
/** The budget of a bundle in `table`: its own, or for a provider entry without one, ENTRY_DEFAULT's. */
const budgetOf = (table, name) => table[name] ?? (name.startsWith("bucketry/") ? table[ENTRY_DEFAULT] : undefined);

/**
 * The verdict on each measured bundle against `table` (size-budgets.json's budgets): "ok" when neither its gzip
 * nor its minified size is over; "OVER BUDGET"; "FAIL" when it did not build or has no budget; and a FAIL row for
 * a vendor of `vendorIds` without a bare-client program, and for a budget no bundle has.
 * @param {{ name: string, minified?: number, gzip?: number, parts?: [string, number][], error?: string }[]} measured
 * @param {Record<string, { gzip: number, minified: number }>} table
 * @param {string[]} vendorIds
 */
export function judge(measured, table, vendorIds) {
  const rows = [];
  let failed = false;
  for (const m of measured) {
    const budget = budgetOf(table, m.name);
    const row = { ...m, budget };
    if (row.error) row.result = "FAIL";
    else if (!budget) row.result = "FAIL (no budget in size-budgets.json)";
    else if (row.gzip > budget.gzip || row.minified > budget.minified) row.result = "OVER BUDGET";
    else row.result = "ok";
    if (row.result !== "ok") failed = true;
    rows.push(row);
  }
  const names = new Set(measured.map((m) => m.name));
  // A vendor's bare client is measured only through its program: a vendor without one would go unmeasured.
  for (const id of vendorIds) {
    if (!names.has(`@bucketry/${id}`)) {
      rows.push({ name: `@bucketry/${id}`, result: "FAIL (no program: add the client's one operation with its signer to PROGRAMS in scripts/check-size.mjs)" });
      failed = true;
    }
  }
  for (const name of Object.keys(table)) {
    if (!names.has(name) && name !== ENTRY_DEFAULT) {
      rows.push({ name, result: "FAIL (budget for an unknown bundle)" });
      failed = true;
    }
  }
  return { rows, failed };
}

/** Minified bytes per package in the bundle, largest first (for the message when a budget is exceeded). */
function byPackage(metafile) {
  const sizes = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file) ?? /(?:^|\/)packages\/([^/]+)/.exec(file);
      const key = m ? m[1] : "(program)";
      sizes[key] = (sizes[key] ?? 0) + bytesInOutput;
    }
  }
  return Object.entries(sizes).sort((a, b) => b[1] - a[1]);
}

export async function measure(source) {
  const out = await esbuild.build({
    stdin: { contents: source, resolveDir: root, sourcefile: "entry.mjs", loader: "js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const code = out.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, parts: byPackage(out.metafile) };
}

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;

/**
 * Per module of one bundle: its minified bytes and its gzip cost (the gzipped bundle minus the gzipped bundle
 * without that module). Modules are minified together, as in `measure`, with a marker comment before each.
 */
export async function analyze(source) {
  const plain = await esbuild.build({
    stdin: { contents: source, resolveDir: root, sourcefile: "entry.mjs", loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  // esbuild heads each module of an unminified bundle with a `// path` line; keep it through minification.
  const marked = plain.outputFiles[0].text.replace(/^\/\/ ((?:node_modules|packages|entry)\S*)$/gm, "/*! @module $1 */");
  const { code } = await esbuild.transform(marked, { minify: true, legalComments: "inline", format: "esm", target: "es2022" });
  const marker = /\/\*! @module (\S+) \*\/\n?/;
  const parts = code.split(/(?=\/\*! @module )/).map((text) => ({ name: marker.exec(text)?.[1], text: text.replace(marker, "") }));
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  const whole = gzip(parts.map((p) => p.text).join(""));
  const modules = parts
    .filter((p) => p.name !== undefined)
    .map((p) => ({ module: p.name, minified: p.text.length, gzip: whole - gzip(parts.filter((q) => q !== p).map((q) => q.text).join("")) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { gzip: whole, modules };
}

async function main() {
  const json = process.argv.includes("--json");
  const programs = { ...PROGRAMS, ...(await entryPrograms()) };
  const analyzeAt = process.argv.indexOf("--analyze");
  if (analyzeAt >= 0) {
    const name = process.argv[analyzeAt + 1];
    if (!name || !programs[name]) {
      console.error(`check-size --analyze: name one of: ${Object.keys(programs).join(", ")}`);
      process.exit(2);
    }
    const { gzip, modules } = await analyze(programs[name]);
    console.log(`${name}: ${kB(gzip)} gzip (modules minified together; a module's gzip cost is what the bundle loses without it)`);
    for (const m of modules) console.log(`  ${String(m.minified).padStart(7)} min ${String(m.gzip).padStart(6)} gzip  ${m.module}`);
    return;
  }
  const measured = [];
  for (const [name, source] of Object.entries(programs)) {
    const row = { name };
    try {
      if (source === null) throw new Error("packages/bucketry is not built (run `npm run build`)");
      Object.assign(row, await measure(source));
    } catch (err) {
      const e = err.errors?.[0];
      row.error = `does not build: ${e?.location ? `${e.location.file}:${e.location.line}: ` : ""}${e?.text ?? String(err)}`;
    }
    measured.push(row);
  }
  const { rows, failed } = judge(measured, budgets, Object.keys(apis()));
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log("Browser bundle sizes (esbuild --bundle --minify --platform=browser; gzip -9; budgets in size-budgets.json)");
    for (const r of rows) {
      if (r.gzip === undefined) {
        console.log(`  ${r.result.padEnd(11)} ${r.name}${r.error ? `: ${r.error}` : ""}`);
        continue;
      }
      const b = r.budget ? ` / ${kB(r.budget.gzip)} gzip, ${kB(r.minified)} / ${kB(r.budget.minified)} min` : "";
      console.log(`  ${r.result.padEnd(11)} ${r.name.padEnd(34)} ${kB(r.gzip)}${b}`);
      if (r.result !== "ok") {
        console.log(`              largest parts (minified): ${r.parts.slice(0, 4).map(([p, n]) => `${p} ${kB(n)}`).join(", ")}`);
      }
    }
  }
  if (failed) {
    console.error("check-size: a bundle is over its budget or could not be measured. Shrink it, or raise its budget in size-budgets.json with the reason in the commit message.");
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
