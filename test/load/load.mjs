// Load test of the facade (npm run test:load; needs `npm run build` first). Plain Node ESM over the built
// packages; the mock server runs in a child process (test/load/mock-server.mjs) so the RSS measured here is
// the client's.
//
// Phase 1: 10 000 calls, 64 at a time, round-robin over the five providers, against startMockServer with
//   5 % of calls preceded by an injected fault (throttling, 503, connection reset) and four server clock
//   steps (skew). Checks: every call ends exactly once in a result or a BucketryError (none lost, none
//   duplicated); every request the server saw was valid and correctly signed except the injected faults and
//   skew rejections; requests seen == calls + retries; retries <= faulted requests; no unhandled rejection;
//   heap and RSS flat after a 2 000-call warm-up (RSS sampled every 1 000 calls).
// Phase 2: an outage (every ENS request 503): the retry budget (500 tokens, 5 per retry) holds the extra
//   requests to <= 100 for 1 000 calls, where unbudgeted retries would send 2 000.
// A run that stops making progress (no call settled for 30 s: a hang, a lost call) gives up; how long the
// whole run takes depends on the machine and is not a check (.ci/run bounds it).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as bucketry from "bucketry";

const started = performance.now();
const STALL_MS = 30_000;
let lastProgress = performance.now();
const watchdog = setInterval(() => {
  if (performance.now() - lastProgress < STALL_MS) return;
  console.error(`load test: no call settled for ${STALL_MS / 1000} s, giving up`);
  process.exit(1); // the mock server's process ends with this one (mock-server.mjs, on disconnect)
}, 1_000);
watchdog.unref();

const CALLS = Number(process.env.LOAD_CALLS ?? 10_000);
const CONCURRENCY = 64;
const FAULT_RATE = 0.05;
const OUTAGE_CALLS = 1_000;
// RetryBudget is exported from bucketry's index once the lead adds it; until then, from the built module.
const RetryBudget = bucketry.RetryBudget ?? (await import(new URL("../../packages/bucketry/dist/retry.js", import.meta.url).href)).RetryBudget;
const { createBucketClient, BucketryError } = bucketry;

let unhandled = 0;
process.on("unhandledRejection", (reason) => {
  unhandled++;
  console.error("unhandled rejection:", reason);
});

// Deterministic randomness (mulberry32).
let seed = 20_250_601;
const random = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// --- the mock server -----------------------------------------------------------------------------------------
const child = fork(fileURLToPath(new URL("./mock-server.mjs", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
const pending = new Map();
let nextId = 0;
let ready;
const readyPromise = new Promise((resolve) => (ready = resolve));
child.on("message", (m) => {
  if (m.type === "ready") return ready(m);
  pending.get(m.id)?.(m);
  pending.delete(m.id);
});
const ask = (message) =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    child.send({ ...message, id });
  });
const { clientOptions, buckets } = await readyPromise;

// --- phase 1 ----------------------------------------------------------------------------------------------------
const PROVIDERS = ["aliyun-oss", "baidu-bos", "aliyun-ens", "huaweicloud-mpc", "hitachi-vsp-one-object"];
const budget = new RetryBudget();
let retries = 0;
const retriesByKind = {};
const onRetry = ({ error }) => {
  retries++;
  retriesByKind[error.kind] = (retriesByKind[error.kind] ?? 0) + 1;
};
const clients = Object.fromEntries(PROVIDERS.map((p) => [p, createBucketClient({ ...clientOptions[p], retryBudget: budget, retry: { onRetry } })]));

function call(provider, i) {
  const c = clients[provider];
  switch (provider) {
    case "aliyun-oss":
    case "baidu-bos":
      return c.getBucketAcl(buckets[i % buckets.length]);
    case "aliyun-ens":
      return c.listBucketsPage({ pageSize: 10, cursor: String(1 + (i % 20)) });
    case "huaweicloud-mpc":
      return c.listBucketsPage();
    default:
      return c.listBucketsPage({ userId: i % 3, pageSize: 10 });
  }
}

const outcome = new Array(CALLS);
const latency = new Float64Array(CALLS);
const injected = { throttle: 0, "503": 0, reset: 0, clockSteps: 0 };
const errorsByKind = {};
let duplicates = 0;
let minBudget = budget.available;
const CLOCK_STEPS = new Map([
  [Math.floor(CALLS * 0.2), ["huaweicloud-mpc", 3_600_000]],
  [Math.floor(CALLS * 0.4), ["aliyun-oss", -3_600_000]],
  [Math.floor(CALLS * 0.6), ["baidu-bos", 7_200_000]],
  [Math.floor(CALLS * 0.8), ["aliyun-ens", 2_700_000]],
]);

const rssSeries = [];
let sampling = false;
let sampled = 0;
const settle = (i, value) => {
  lastProgress = performance.now();
  if (outcome[i] !== undefined) duplicates++;
  outcome[i] = value;
};

async function runOne(i) {
  const provider = PROVIDERS[i % PROVIDERS.length];
  const step = CLOCK_STEPS.get(i);
  if (step) {
    await ask({ type: "fault", kind: "skew", provider: step[0], offsetMs: step[1] });
    injected.clockSteps++;
  }
  if (random() < FAULT_RATE) {
    const kind = ["throttle", "503", "reset"][Math.floor(random() * 3)];
    await ask({ type: "fault", kind, provider });
    injected[kind]++;
  }
  const t0 = performance.now();
  try {
    await call(provider, i);
    settle(i, "ok");
  } catch (err) {
    settle(i, err instanceof BucketryError ? `error:${err.kind}` : `UNTYPED:${err?.name}`);
    if (err instanceof BucketryError) errorsByKind[err.kind] = (errorsByKind[err.kind] ?? 0) + 1;
  }
  latency[i] = performance.now() - t0;
  minBudget = Math.min(minBudget, budget.available);
  // Every 1 000 settled calls of the measured phase: collect garbage, sample RSS (no pause of the others).
  if (sampling && ++sampled % 1_000 === 0) {
    gc();
    rssSeries.push(rss());
  }
}

async function runAll(from, to) {
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) await runOne(next++);
    }),
  );
}

const gc = globalThis.gc ?? (() => {});
const rss = () => process.memoryUsage().rss / 2 ** 20;
// Warm-up: connection pools, JIT and the heap's young generation reach their working size first.
const WARMUP = Math.min(2_000, Math.floor(CALLS / 5));
const heap = () => process.memoryUsage().heapUsed / 2 ** 20;
await runAll(0, WARMUP);
gc();
const rssBefore = rss();
const heapBefore = heap();
const phase1Start = performance.now();
sampling = true;
await runAll(WARMUP, CALLS);
const phase1Ms = performance.now() - phase1Start;
const rssAfter = rssSeries.at(-1) ?? rssBefore;
const heapAfter = heap();
// Flat: the second half of the run does not sit higher than the first (RSS settles a few thousand calls in).
const half = Math.ceil(rssSeries.length / 2);
const rssDrift = Math.max(...rssSeries.slice(half)) - Math.max(...rssSeries.slice(0, half));
const server1 = await ask({ type: "stats" });

// --- phase 2: an outage -------------------------------------------------------------------------------------------
await ask({ type: "reset" });
await ask({ type: "fault", kind: "outage", provider: "aliyun-ens" });
const outageBudget = new RetryBudget();
let outageRetries = 0;
const outageClient = createBucketClient({ ...clientOptions["aliyun-ens"], retryBudget: outageBudget, retry: { baseDelayMs: 1, onRetry: () => outageRetries++ } });
const before2 = (await ask({ type: "stats" })).tally.requests;
let outageSettled = 0;
let outageUntyped = 0;
{
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < OUTAGE_CALLS) {
        next++;
        await outageClient.listBucketsPage({ pageSize: 10 }).then(
          () => {
            outageSettled++;
            lastProgress = performance.now();
          },
          (err) => {
            outageSettled++;
            lastProgress = performance.now();
            if (!(err instanceof BucketryError)) outageUntyped++;
          },
        );
      }
    }),
  );
}
const outageRequests = (await ask({ type: "stats" })).tally.requests - before2;
await ask({ type: "reset" });

// --- report ---------------------------------------------------------------------------------------------------------
const settled = outcome.filter((o) => o !== undefined).length;
const okCount = outcome.filter((o) => o === "ok").length;
const untyped = outcome.filter((o) => typeof o === "string" && o.startsWith("UNTYPED")).length;
const sorted = Array.from(latency).sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const t = server1.tally;
const faultsInjected = injected.throttle + injected["503"] + injected.reset;
const faultedRequests = t.throttle + t.status503 + t.reset + t.skew;
const budgetBound = budget.capacity / budget.retryCost;
const signed = (x) => (x >= 0 ? "+" : "") + x.toFixed(1); // retries the bucket allows beyond what successes refund

const lines = [
  `calls            ${CALLS} at concurrency ${CONCURRENCY} (${(CALLS / ((performance.now() - started) / 1000)).toFixed(0)} calls/s overall; measured phase ${(((CALLS - WARMUP) / phase1Ms) * 1000).toFixed(0)} calls/s)`,
  `outcomes         ${okCount} ok, ${settled - okCount} typed errors ${JSON.stringify(errorsByKind)}; untyped ${untyped}; lost ${CALLS - settled}; duplicated ${duplicates}`,
  `faults injected  ${faultsInjected} (${((faultsInjected / CALLS) * 100).toFixed(1)} % of calls: throttle ${injected.throttle}, 503 ${injected["503"]}, reset ${injected.reset}) + ${injected.clockSteps} server clock steps`,
  `server saw       ${t.requests} API requests (+${t.csrf} CSRF): ok ${t.ok}, throttled ${t.throttle}, 503 ${t.status503}, reset ${t.reset}, skew-rejected ${t.skew}, invalid ${t.invalid}, other errors ${t.unexpected}`,
  `retries          ${retries} ${JSON.stringify(retriesByKind)}; retried requests = ${((retries / CALLS) * 100).toFixed(1)} % extra load; budget min ${minBudget}/${budget.capacity}, denied ${budget.stats().denied}`,
  `latency          p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`,
  `rss              ${rssBefore.toFixed(1)} MiB after ${WARMUP} warm-up calls → ${rssAfter.toFixed(1)} MiB after ${CALLS - WARMUP} more (${signed(rssAfter - rssBefore)} MiB; per 1000 calls: ${rssSeries.map((r) => r.toFixed(0)).join(" ")}); heap used ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MiB (${signed(heapAfter - heapBefore)} MiB)`,
  `outage           ${OUTAGE_CALLS} calls to an ENS answering 503: ${outageRequests} requests (${outageRetries} retries; bound ${budgetBound}; without a budget ${OUTAGE_CALLS * 3})`,
  `unhandled        ${unhandled} rejections; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
];
console.log(lines.join("\n"));

const checks = [
  [settled === CALLS, "every call settled"],
  [duplicates === 0, "no call settled twice"],
  [untyped === 0 && outageUntyped === 0, "every failure is a BucketryError"],
  [unhandled === 0, "no unhandled rejection"],
  [t.invalid === 0 && t.unexpected === 0, `every request valid and correctly signed (${JSON.stringify(t.unexpectedSamples)})`],
  [t.requests === CALLS + retries, `requests seen (${t.requests}) == calls + retries (${CALLS + retries}): no lost or duplicated attempts`],
  [retries <= faultedRequests, `retries (${retries}) <= faulted requests (${faultedRequests})`],
  [okCount >= CALLS * 0.99, `>= 99 % of calls succeed despite the faults (${okCount})`],
  [t.skew <= injected.clockSteps * CONCURRENCY, `each clock step costs at most one rejection per call in flight (${t.skew})`],
  [rssDrift < 24, `RSS flat: second half peaks ${signed(rssDrift)} MiB over the first (< 24 MiB)`],
  [rssAfter - rssBefore < 64, `RSS bounded: ${signed(rssAfter - rssBefore)} MiB since warm-up (< 64 MiB)`],
  [heapAfter - heapBefore < 8, `heap flat: grew ${signed(heapAfter - heapBefore)} MiB (< 8 MiB)`],
  [outageSettled === OUTAGE_CALLS, "every outage call settled"],
  [outageRetries <= budgetBound && outageRequests <= OUTAGE_CALLS + budgetBound, `outage: extra requests (${outageRequests - OUTAGE_CALLS}) <= capacity / retryCost (${budgetBound})`],
];
let failed = 0;
for (const [ok, what] of checks) {
  if (!ok) {
    failed++;
    console.log(`FAIL: ${what}`);
  }
}
console.log(failed === 0 ? `load test: all ${checks.length} checks passed` : `load test: ${failed} check(s) failed`);
child.send({ type: "close" });
await new Promise((resolve) => child.once("exit", resolve));
process.exitCode = failed === 0 ? 0 : 1;
