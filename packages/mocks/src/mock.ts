// createMock: the handlers of all five specs over one runtime (data set, scenarios, recorded calls).
import type { HttpHandler } from "msw";
import { vendors } from "./generated/index.js";
import { MockRuntime, type RecordedCall } from "./runtime.js";
import type { Scenario } from "./scenarios.js";
import { createMockState, type MockState } from "./state.js";
import type { Provider } from "./types.js";
import { validateResponse, type ResponseCheck } from "./validation.js";

export interface CreateMockOptions {
  /** The data set. Default `createMockState()` (1000 buckets, seed 1). */
  state?: MockState;
  /**
   * Extra base URLs per provider the handlers also answer on (a test's `endpoint`), besides the spec's
   * servers. OSS and BOS are then addressed path-style (`{base}/{bucket}/?acl`, `{base}/v1/{bucket}?acl`).
   */
  baseUrls?: Partial<Record<Provider, string | readonly string[]>>;
  /** The server clock (epoch ms). Default `Date.now`. */
  clock?: () => number;
}

export interface Mock {
  /** MSW handlers for all five APIs: `setupServer(...mock.handlers)` / `setupWorker(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  /** Activates scenarios (latest first); see `scenario`. */
  use(...scenarios: Scenario[]): void;
  /** Clears scenarios, recorded calls, sessions and nonces. */
  reset(): void;
  readonly state: MockState;
  /** Every call seen since the last reset, oldest first. */
  readonly requests: RecordedCall[];
  readonly runtime: MockRuntime;
}

/** Handlers of one provider bound to `runtime` (and to `baseUrls`). */
export function providerHandlers(runtime: MockRuntime, provider: Provider, baseUrls: string | readonly string[] = []): HttpHandler[] {
  const module = vendors[provider];
  if (!module) throw new Error(`@bucketry/mocks: unknown provider ${JSON.stringify(provider)}`);
  return module.handlers(runtime, typeof baseUrls === "string" ? [baseUrls] : baseUrls);
}

export function createMock(options: CreateMockOptions = {}): Mock {
  const state = options.state ?? createMockState();
  const runtime = new MockRuntime({ state, ...(options.clock ? { clock: options.clock } : {}) });
  const handlers = (Object.keys(vendors) as Provider[]).flatMap((p) => providerHandlers(runtime, p, options.baseUrls?.[p] ?? []));
  return {
    handlers,
    use: (...scenarios) => runtime.use(...scenarios),
    reset: () => runtime.reset(),
    state,
    requests: runtime.requests,
    runtime,
  };
}

/** Validates a recorded answer against its operation's documented responses (see `validateResponse`). */
export function validateRecordedResponse(call: RecordedCall, options: Parameters<typeof validateResponse>[2] = {}): ResponseCheck {
  if (!call.response) return { valid: false, errors: [call.reset ? "the connection was reset" : "no response recorded"] };
  const operation = vendors[call.provider].spec.operations[call.operationId]!;
  return validateResponse(operation, call.response, options);
}
