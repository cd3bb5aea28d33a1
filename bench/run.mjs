#!/usr/bin/env node
// bucketry bench: install footprint, bundle size, cold start, throughput and signing, ours vs the official
// vendor SDKs and two hand-written baselines, plus where a call's CPU goes (profile). `npm run bench` at the
// repo root builds first, then runs this.
//
// The facade (createBucketClient: validation, retries, timeouts, normalization) is measured in every phase;
// --no-facade leaves its rows out of the throughput phase (≈ 1 min less).
//
// The throughput and profile phases also run the client side on other Node release lines (--node-lines, default
// 22,24 in a full run, none with --quick): ours, the official SDKs and the baselines again, workers on that
// line's binary (fetched once into node_modules/.cache by scripts/node-line.mjs), so the ratio to the fastest
// official SDK, and where a call's CPU goes, are known on each line a user may run, not only on the host's.
//
//   node bench/run.mjs [--quick] [--only footprint,bundle,cold,throughput,profile,signing] [--vendor aliyun-oss,…]
//                      [--rounds N] [--n N] [--warmup N] [--iterations N] [--no-facade] [--node-lines 22,24|none]
//
// Writes bench/results.json (merged: a partial rerun replaces only the rows it measured) and bench/RESULTS.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nodeLine } from "../scripts/node-line.mjs";
import { VENDORS } from "./lib/common.mjs";
import { IMPLS } from "./lib/impls.mjs";
import { BENCH_DIR, REPO_DIR, WORK_DIR } from "./lib/paths.mjs";
import { renderConsole, renderMarkdown, summarizeThroughput, targets } from "./lib/report.mjs";
import { HOME_DIR, SHIM_DIR, firstErrorLine, log, run } from "./lib/util.mjs";

const PHASES = ["footprint", "bundle", "cold", "throughput", "profile", "signing"];

function parseArgs(argv) {
  const o = { quick: false, only: PHASES, vendors: VENDORS, facade: true };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === "--quick") o.quick = true;
    else if (name === "--only") o.only = value().split(",");
    else if (name === "--vendor") o.vendors = value().split(",");
    else if (name === "--rounds") o.rounds = Number(value());
    else if (name === "--n") o.n = Number(value());
    else if (name === "--warmup") o.warmup = Number(value());
    else if (name === "--iterations") o.iterations = Number(value());
    else if (name === "--facade") o.facade = true;
    else if (name === "--no-facade") o.facade = false;
    else if (name === "--node-lines") o.nodeLines = nodeLines(value());
    else if (name === "--help" || name === "-h") {
      const head = readFileSync(new URL(import.meta.url), "utf8").split("\n").slice(1);
      console.log(head.slice(0, head.findIndex((l) => !l.startsWith("//"))).join("\n").replace(/^\/\/ ?/gm, ""));
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]} (see --help)`);
  }
  for (const p of o.only) if (!PHASES.includes(p)) throw new Error(`unknown phase ${p}: one of ${PHASES.join(", ")}`);
  for (const v of o.vendors) if (!VENDORS.includes(v)) throw new Error(`unknown vendor ${v}: one of ${VENDORS.join(", ")}`);
  o.vendors = VENDORS.filter((v) => o.vendors.includes(v)); // canonical order
  const q = o.quick;
  // Throughput is measured in the steady state: the warm-up runs long enough for V8 to optimize every row's
  // hot paths (the undici and web-stream code a fetch-shaped client runs included). A short warm-up measures
  // mostly the JIT, and penalizes the row with the most code on its hot path.
  o.n ??= q ? 300 : 5000;
  o.warmup ??= q ? 50 : 3000;
  o.rounds ??= q ? 1 : 3;
  o.inflight = 16;
  o.iterations ??= q ? 5 : 15;
  o.nodeLines ??= q ? [] : [22, 24];
  o.signMs = q ? 200 : 700;
  o.signRounds = q ? 3 : 5;
  for (const [flag, min] of [["n", 1], ["warmup", 0], ["rounds", 1], ["iterations", 1]]) {
    if (!Number.isInteger(o[flag]) || o[flag] < min) throw new Error(`--${flag} must be a whole number ≥ ${min}, got ${o[flag]}`);
  }
  return o;
}

/** "22,24" → [22, 24]; "none" → []. A line equal to the host's is measured by the main run already. */
function nodeLines(text) {
  if (text === "none") return [];
  const lines = text.split(",").map((part) => (/^\d+$/.test(part.trim()) ? Number(part.trim()) : NaN));
  const bad = lines.findIndex((n) => !(n >= 20));
  if (bad >= 0) throw new Error(`--node-lines takes Node release lines from 20 on (the packages' engines), such as 22,24, or none; got ${JSON.stringify(text.split(",")[bad])}`);
  return [...new Set(lines)];
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadavg: os.loadavg(),
  };
}

/** core's ClientBuilder requires `uuid` without declaring it; measured processes get it through NODE_PATH. */
async function ensureShim() {
  if (existsSync(path.join(SHIM_DIR, "node_modules", "uuid", "package.json"))) return;
  mkdirSync(SHIM_DIR, { recursive: true });
  writeFileSync(path.join(SHIM_DIR, "package.json"), JSON.stringify({ name: "bench-shim", private: true }));
  log("setup: installing uuid@9 into bench/.work/shim (undeclared dependency of @huaweicloud/huaweicloud-sdk-core's ClientBuilder) …");
  const r = await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", "uuid@9"], { cwd: SHIM_DIR, timeoutMs: 120_000 });
  if (r.code !== 0) log(`setup: could not install the uuid shim (${firstErrorLine(r.stderr)}); Huawei's official rows will report the error`);
}

function load(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Replaces the measured vendors' rows of one section, keeping other vendors' rows from earlier runs. */
function mergeSection(previous, fresh, keys) {
  if (!previous) return fresh;
  const merged = { ...previous, ...fresh };
  for (const k of keys) {
    merged[k] = { ...(previous[k] ?? {}) };
    for (const [id, val] of Object.entries(fresh[k] ?? {})) merged[k][id] = val;
  }
  merged.measured = { ...(previous.measured ?? {}), ...fresh.measured };
  return merged;
}

/**
 * One phase again with its measured processes on another Node line, for the vendors with an official SDK (the
 * lines' targets compare with those): `measure(vendors, binary)` runs it and returns the fresh section's rows;
 * `keys` are the per-vendor maps merged into what earlier runs measured on that line. A line whose binary cannot
 * be had is recorded with why, in place of its earlier rows (the report then says it was not measured).
 */
async function onNodeLine(opts, phase, major, previous, keys, measure) {
  const vendors = opts.vendors.filter((v) => IMPLS[v].some((i) => i.kind === "official"));
  const bin = await nodeLine(REPO_DIR, major, { install: true });
  if ("reason" in bin) {
    log(`${phase}: Node ${major} skipped — ${bin.reason}`);
    return { line: major, reason: bin.reason, date: new Date().toISOString() };
  }
  log(`${phase}: ${vendors.join(", ")} on Node ${bin.version} (${bin.path})`);
  const r = await measure(vendors, bin.path);
  const date = new Date().toISOString();
  const fresh = {
    machine: { ...machine(), node: bin.version },
    date,
    quick: opts.quick,
    line: major,
    ...r,
    measured: Object.fromEntries(vendors.map((v) => [v, { date, quick: opts.quick, ...(r.config ? { config: { n: r.config.n, rounds: r.config.rounds } } : {}) }])),
  };
  const kept = previous?.reason === undefined ? previous : undefined;
  // Errors are keyed vendor/impl[/mode]: drop the measured vendors' old ones before merging.
  if (kept?.errors) for (const k of Object.keys(kept.errors)) if (vendors.includes(k.split("/")[0])) delete kept.errors[k];
  return mergeSection(kept, fresh, keys);
}

/** The other lines to measure: those asked for, less the host's own (the main run measures that one). */
function otherLines(opts) {
  const host = Number(process.versions.node.split(".")[0]);
  return opts.nodeLines.filter((line) => line !== host);
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${err.message}`);
    process.exit(2);
  }
  const started = Date.now();
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(HOME_DIR, { recursive: true });
  const resultsFile = path.join(BENCH_DIR, "results.json");
  const results = load(resultsFile) ?? { sections: {} };
  results.sections ??= {};
  results.machine = machine();
  log(`bench: ${opts.only.join(", ")} for ${opts.vendors.join(", ")}${opts.quick ? " (quick)" : ""} on ${results.machine.cpu} ×${results.machine.cores}, Node ${process.version}`);
  await ensureShim();

  const stampOf = () => ({ machine: machine(), date: new Date().toISOString(), quick: opts.quick });
  const measured = () => Object.fromEntries(opts.vendors.map((v) => [v, { date: new Date().toISOString(), quick: opts.quick }]));
  const save = () => {
    results.run = { quick: opts.quick, args: process.argv.slice(2), seconds: Math.round((Date.now() - started) / 1000) };
    results.targets = targets(results);
    writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
    writeFileSync(path.join(BENCH_DIR, "RESULTS.md"), renderMarkdown(results));
  };

  for (const phase of opts.only) {
    const t0 = Date.now();
    const prev = results.sections[phase];
    if (phase === "footprint") {
      const { footprint } = await import("./lib/phase-footprint.mjs");
      const r = await footprint({ vendors: opts.vendors });
      results.sections.footprint = mergeSection(prev, { ...stampOf(), ...r, measured: measured() }, ["rows"]);
    } else if (phase === "bundle") {
      const { bundle } = await import("./lib/phase-bundle.mjs");
      const r = await bundle({ vendors: opts.vendors });
      results.sections.bundle = mergeSection(prev, { ...stampOf(), ...r, measured: measured() }, ["rows"]);
    } else if (phase === "cold") {
      const { cold } = await import("./lib/phase-cold.mjs");
      const r = await cold({ vendors: opts.vendors, iterations: opts.iterations });
      results.sections.cold = mergeSection(prev, { ...stampOf(), ...r, measured: measured() }, ["rows"]);
    } else if (phase === "throughput") {
      const { throughput } = await import("./lib/phase-throughput.mjs");
      const kinds = ["ours", "official", "fetch", "http", "http-web", ...(opts.facade ? ["facade"] : [])];
      const r = await throughput({ vendors: opts.vendors, n: opts.n, warmup: opts.warmup, rounds: opts.rounds, inflight: opts.inflight, impls: kinds });
      const fresh = {
        ...stampOf(),
        config: { n: r.n, warmup: r.warmup, rounds: r.rounds, inflight: r.inflight },
        samples: r.samples,
        errors: r.errors,
        measured: Object.fromEntries(Object.entries(measured()).map(([v, w]) => [v, { ...w, config: { n: r.n, rounds: r.rounds } }])),
      };
      // Errors are keyed vendor/impl/mode: drop the measured vendors' old ones before merging.
      if (prev?.errors) for (const k of Object.keys(prev.errors)) if (opts.vendors.includes(k.split("/")[0])) delete prev.errors[k];
      const merged = mergeSection(prev, fresh, ["samples", "errors"]);
      merged.summary = summarizeThroughput(merged, VENDORS);
      results.sections.throughput = merged;
      // Ours (and its portable path), the official SDKs and both baselines: what a line's target and its cause need.
      for (const major of otherLines(opts)) {
        const lines = (results.sections.throughputLines ??= {});
        lines[major] = await onNodeLine(opts, "throughput", major, lines[major], ["samples", "errors"], async (vendors, node) => {
          const r = await throughput({ vendors, n: opts.n, warmup: opts.warmup, rounds: opts.rounds, inflight: opts.inflight, impls: ["ours", "official", "http", "fetch"], node });
          return { config: { n: r.n, warmup: r.warmup, rounds: r.rounds, inflight: r.inflight }, samples: r.samples, errors: r.errors };
        });
        if (!lines[major].reason) lines[major].summary = summarizeThroughput(lines[major], VENDORS);
        save();
      }
    } else if (phase === "profile") {
      const { profile } = await import("./lib/phase-profile.mjs");
      const r = await profile({ vendors: opts.vendors, n: opts.n, warmup: opts.warmup, inflight: opts.inflight, rounds: opts.rounds });
      results.sections.profile = mergeSection(prev, { ...stampOf(), ...r, measured: measured() }, ["rows"]);
      for (const major of otherLines(opts)) {
        const lines = (results.sections.profileLines ??= {});
        lines[major] = await onNodeLine(opts, "profile", major, lines[major], ["rows"], (vendors, node) =>
          profile({ vendors, n: opts.n, warmup: opts.warmup, inflight: opts.inflight, rounds: opts.rounds, node }),
        );
        save();
      }
    } else if (phase === "signing") {
      const { signing } = await import("./lib/phase-signing.mjs");
      const r = await signing({ vendors: opts.vendors, ms: opts.signMs, rounds: opts.signRounds });
      results.sections.signing = mergeSection(prev, { ...stampOf(), ...r, measured: measured() }, ["rows"]);
    }
    log(`bench: ${phase} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    save();
  }
  save();
  process.stdout.write(renderConsole(results));
  log(`bench: done in ${Math.round((Date.now() - started) / 1000)} s — wrote bench/results.json and bench/RESULTS.md`);
}

main().catch((err) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
