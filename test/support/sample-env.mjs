// Preloaded (`node --import`) before a documentation sample: the spec-generated mock handlers answer the
// vendors' real hosts in this process, and the vendors' env vars hold the mock's published test credentials,
// so a sample runs exactly as a user would write it.
//
// With BUCKETRY_SAMPLE_REPORT=<file>, the calls the mock saw are written there as JSON when the process exits
// (operation, status, spec-validation issues, auth outcome), so a test can check that a sample really called
// the mock, with valid and correctly signed requests.
import { writeFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { createMock } from "@bucketry/mocks";
import { vendorEnv } from "./vendor-env.mjs";

const env = vendorEnv;
Object.assign(process.env, env);

const mock = createMock();
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: "error" });
process.on("beforeExit", () => server.close());

const report = process.env.BUCKETRY_SAMPLE_REPORT;
if (report) {
  process.on("exit", () => {
    const calls = mock.requests.map((c) => ({
      provider: c.provider,
      operationId: c.operationId,
      method: c.method,
      url: c.url,
      status: c.response?.status,
      issues: c.issues.map((i) => (typeof i === "string" ? i : JSON.stringify(i))),
      auth: c.auth,
      scenarios: c.scenarios,
    }));
    writeFileSync(report, JSON.stringify(calls, null, 2));
  });
}
