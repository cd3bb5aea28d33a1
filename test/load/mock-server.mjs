// The load test's mock server, in its own process (so the load process's RSS is the client's alone).
// Started by load.mjs with fork(); takes fault orders over IPC and tallies what it answered.
import { scenario } from "@bucketry/mocks";
import { startMockServer } from "@bucketry/mocks/server";

const server = await startMockServer({ buckets: 200, seed: 11 });
const { mock } = server;
const SKEW = /RequestTimeTooSkewed|APIGW\.0303|RequestExpired|InvalidTimeStamp\.Expired/;
const tally = { requests: 0, csrf: 0, ok: 0, throttle: 0, status503: 0, reset: 0, skew: 0, invalid: 0, unexpected: 0, byProvider: {}, unexpectedSamples: [] };

/** Moves finished calls into the tally and drops them, so recorded calls do not pile up. */
function drain() {
  const keep = [];
  for (const call of mock.requests) {
    if (!call.response && !call.reset) {
      keep.push(call);
      continue;
    }
    if (call.operationId === "GetCsrfToken") {
      tally.csrf++;
      continue;
    }
    tally.requests++;
    tally.byProvider[call.provider] = (tally.byProvider[call.provider] ?? 0) + 1;
    const labels = call.scenarios.join(" ");
    if (call.issues.length > 0) tally.invalid++;
    if (call.reset) tally.reset++;
    else if (/^throttle|\bthrottle\(/.test(labels)) tally.throttle++;
    else if (/status\(503\)/.test(labels)) tally.status503++;
    else if (call.response.status >= 400 && SKEW.test(call.response.body ?? "")) tally.skew++;
    else if (call.response.status >= 400) {
      tally.unexpected++;
      if (tally.unexpectedSamples.length < 3) tally.unexpectedSamples.push({ provider: call.provider, status: call.response.status, body: (call.response.body ?? "").slice(0, 200), auth: call.auth });
    } else tally.ok++;
  }
  mock.requests.length = 0;
  mock.requests.push(...keep);
}
setInterval(drain, 100).unref();

process.on("message", async (m) => {
  switch (m.type) {
    case "fault": {
      const s =
        m.kind === "throttle" ? scenario.throttle(m.provider, { retryAfterMs: m.retryAfterMs ?? 50 })
        : m.kind === "503" ? scenario.status(m.provider, 503)
        : m.kind === "reset" ? scenario.reset(m.provider)
        : m.kind === "skew" ? scenario.clockSkew(m.provider, m.offsetMs, { always: true })
        : m.kind === "outage" ? scenario.status(m.provider, 503, { always: true })
        : undefined;
      if (s) mock.use(s);
      process.send({ type: "ack", id: m.id });
      break;
    }
    case "reset":
      mock.reset();
      process.send({ type: "ack", id: m.id });
      break;
    case "stats":
      drain();
      process.send({ type: "stats", id: m.id, tally, pending: mock.requests.length });
      break;
    case "close":
      await server.close();
      process.exit(0);
  }
});
// Ends with the load process however that one ends (finished, gave up, killed): an orphan would keep
// listening, and keep the output pipes it inherited open.
process.on("disconnect", () => process.exit(0));
process.send({
  type: "ready",
  clientOptions: server.clientOptions,
  buckets: mock.state.buckets.slice(0, 100).map((b) => b.name),
});
