#!/usr/bin/env node
// Browser bundle budgets. For each entry of size-budgets.json: esbuild --bundle --minify --platform=browser of a
// minimal program that does the operation (the generated client + its signer from bucketry/signing, XML included
// for OSS; the facade with one provider), gzip -9, compared with the budget. Exits 1 when any bundle is over
// its budget (minified or gzipped), fails to build, or has no budget. Needs built packages (`npm run build`).
//
//   node scripts/check-size.mjs           table + pass/fail
//   node scripts/check-size.mjs --json    the measurements as JSON
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

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
  // The facade for one provider, from its own entry (bucketry/<provider>): construct, run the one operation, print a field.
  "bucketry/aliyun-ens": `
import { createBucketClient } from "bucketry/aliyun-ens";
const ens = createBucketClient({ credentials: ${creds} });
for await (const bucket of ens.listBuckets({ prefix: "img" })) console.log(bucket.name);`,
  "bucketry/huaweicloud-mpc": `
import { createBucketClient } from "bucketry/huaweicloud-mpc";
const mpc = createBucketClient({ region: "cn-north-4", projectId: "0123456789abcdef0123456789abcdef", credentials: ${creds} });
for await (const bucket of mpc.listBuckets()) console.log(bucket.name);`,
  "bucketry/baidu-bos": `
import { createBucketClient } from "bucketry/baidu-bos";
const bos = createBucketClient({ region: "bj", credentials: ${creds} });
bos.getBucketAcl("examplebucket").then((acl) => console.log(acl.acl));`,
  "bucketry/hitachi-vsp-one-object": `
import { createBucketClient } from "bucketry/hitachi-vsp-one-object";
const vsp = createBucketClient({ endpoint: "https://vsp.example.com/mapi", credentials: { token: "bearer-token" } });
for await (const bucket of vsp.listBuckets({ userId: 42 })) console.log(bucket.name);`,
  "bucketry/aliyun-oss": `
import { createBucketClient } from "bucketry/aliyun-oss";
const oss = createBucketClient({ region: "cn-hangzhou", credentials: ${creds} });
oss.getBucketAcl("examplebucket").then((acl) => console.log(acl.acl));`,
};

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

async function main() {
  const json = process.argv.includes("--json");
  const rows = [];
  let failed = false;
  for (const [name, source] of Object.entries(PROGRAMS)) {
    const budget = budgets[name];
    const row = { name, budget };
    try {
      Object.assign(row, await measure(source));
    } catch (err) {
      const e = err.errors?.[0];
      row.error = `does not build: ${e?.location ? `${e.location.file}:${e.location.line}: ` : ""}${e?.text ?? String(err)}`;
    }
    if (row.error) row.result = "FAIL";
    else if (!budget) row.result = "FAIL (no budget in size-budgets.json)";
    else if (row.gzip > budget.gzip || row.minified > budget.minified) row.result = "OVER BUDGET";
    else row.result = "ok";
    if (row.result !== "ok") failed = true;
    rows.push(row);
  }
  for (const name of Object.keys(budgets)) {
    if (!(name in PROGRAMS)) {
      rows.push({ name, result: "FAIL (budget for an unknown bundle)" });
      failed = true;
    }
  }
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
