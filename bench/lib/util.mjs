// Small helpers: child processes, statistics, formatting.
import { spawn } from "node:child_process";
import path from "node:path";
import { WORK_DIR } from "./paths.mjs";

export const SHIM_DIR = path.join(WORK_DIR, "shim");
export const HOME_DIR = path.join(WORK_DIR, "home");

/** Environment of every measured child process: a private HOME (SDKs write caches there) and the uuid shim. */
export function workerEnv() {
  return { ...process.env, HOME: HOME_DIR, NODE_PATH: path.join(SHIM_DIR, "node_modules") };
}

/** Runs a command; resolves {code, stdout, stderr, ms}. Never rejects (spawn errors become code -1). */
export function run(cmd, args, { cwd, env, timeoutMs = 300_000, input } = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[bench] timed out after ${timeoutMs} ms`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      stderr += String(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** The first line of an error output that says something (skips stack frames and blank lines). */
export function firstErrorLine(text) {
  const lines = String(text).split("\n").map((l) => l.trim()).filter(Boolean);
  return (
    lines.find((l) => /^(\w+)?Error( \[\w+\])?:/.test(l)) ??
    lines.find((l) => /^npm error|^error|cannot|could not|not found|failed|timed out/i.test(l) && !l.startsWith("at ")) ??
    lines.find((l) => !l.startsWith("at ") && !l.startsWith("^") && !l.startsWith("Node.js")) ??
    "failed"
  ).slice(0, 240);
}

export function median(xs) {
  if (!xs || xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);

/** Deterministic shuffle (mulberry32), so interleaving differs per iteration but runs are reproducible. */
export function shuffled(items, seed) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const kB = (bytes) => (bytes / 1000).toFixed(1) + " kB";
export const MB = (bytes) => (bytes / 1e6).toFixed(2) + " MB";
export const fmtBytes = (b) => (b >= 1e6 ? MB(b) : kB(b));
export const x = (r) => (Number.isFinite(r) ? r.toFixed(2) + "×" : "–");
export const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
export const log = (...args) => process.stderr.write(args.join(" ") + "\n");
