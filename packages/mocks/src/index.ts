/**
 * @bucketry/mocks: MSW handlers generated from the five specs, over a hand-written runtime that validates
 * requests against the spec, verifies signatures with @bucketry/signing's signers, answers from the spec's
 * examples or a seeded data set, and plays scenarios (errors, throttling, 5xx, clock skew, latency, broken
 * bodies, connection resets). The node:http server is in `@bucketry/mocks/server`.
 *
 * @module @bucketry/mocks
 */
export {
  createMock,
  MockRuntime,
  providerHandlers,
  validateRecordedResponse,
  vendorAdapters,
  type CreateMockOptions,
  type Mock,
  type MockRuntimeOptions,
} from "./mock.js";
export type { MockContext, MockRuntimeApi, VendorAdapter } from "./adapter.js";
export { createMockState, NAME_PREFIXES, type CannedAcl, type MockBucket, type MockState, type MockStateOptions } from "./state.js";
export { documentCookieJar, memoryCookieJar, type MockCookieJar } from "./cookie-jar.js";
export { scenario, errorCodes, type BodyFault, type Scenario, type ScenarioOptions, type ScenarioSpec } from "./scenarios.js";
export { testAccount, testCredentials } from "./generated/accounts.js";
export type { RecordedCall, Reply } from "./runtime.js";
export { validateRequest, validateResponse, validateSchema, responseSpecFor, type ResponseCheck, type ValidationIssue } from "./validation.js";
export { routesFor, matchRoute, type Route } from "./match.js";
export { vendors, type Vendors } from "./generated/index.js";
export type * from "./types.js";
