// Type-level checks, compiled by `tsc -p test/tsconfig.json` in this package's `npm test` (never run).
// Options the run time takes as undefined (a value read from config or the environment that may be absent)
// type-check under exactOptionalPropertyTypes, as the facade's and the clients' do.
import { createMock, createMockState, MockRuntime, scenario } from "../src/index.js";
import { startMockServer } from "../src/server.js";

export function undefinedOptions(maybe: number | undefined, text: string | undefined): void {
  void startMockServer({ port: maybe, buckets: maybe, seed: maybe, host: text, maxBodyBytes: maybe, credentialedOrigins: undefined });
  const state = createMockState({ buckets: maybe, seed: maybe });
  void createMock({ state: undefined, baseUrls: undefined, clock: undefined, adapters: undefined, cookieJar: undefined });
  void new MockRuntime({ state, clock: undefined, adapters: undefined, cookieJar: undefined });
  void scenario.throttle("aliyun-oss", { times: maybe, always: undefined, operation: text, retryAfterMs: maybe, status: maybe, code: text });
  void scenario.status("aliyun-oss", 503, { times: maybe, code: text, message: text });
}
