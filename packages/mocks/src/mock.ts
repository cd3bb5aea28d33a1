// The composition root: wires the five vendor adapters into the engine (`MockRuntime`) and the generated
// handlers onto it (`createMock`: all five specs over one runtime — data set, scenarios, recorded calls).
import type { HttpHandler } from "msw";
import type { MockRuntimeApi, VendorAdapter } from "./adapter.js";
import { vendors } from "./generated/index.js";
import { MockEngine } from "./runtime.js";
import { createMockState } from "./state.js";
import type { MockState, Provider, RecordedCall, Scenario } from "./types.js";
import { validateResponse, type ResponseCheck } from "./validation.js";
import { vendorAdapters } from "./generated/adapters.js";
import type { MockCookieJar } from "./cookie-jar.js";

export { vendorAdapters };

export interface MockRuntimeOptions {
  state: MockState;
  /** The server's base clock (epoch ms). Default `Date.now`. */
  clock?: (() => number) | undefined;
  /** The vendor adapters, one per provider. Default `vendorAdapters` (all five). */
  adapters?: readonly VendorAdapter[] | undefined;
  /** Keeps the cookies answers set and sends them back, for clients that cannot (see `MockCookieJar`). */
  cookieJar?: MockCookieJar | undefined;
}

/** The mock runtime: the engine the generated handlers delegate to, given the five vendor adapters by default. */
export class MockRuntime extends MockEngine {
  constructor(options: MockRuntimeOptions) {
    super({ ...options, adapters: options.adapters ?? vendorAdapters });
  }
}

export interface CreateMockOptions {
  /** The data set. Default `createMockState()` (1000 buckets, seed 1). */
  state?: MockState | undefined;
  /**
   * Extra base URLs per provider the handlers also answer on (a test's `endpoint`), besides the spec's
   * servers. OSS and BOS are then addressed path-style (`{base}/{bucket}/?acl`, `{base}/v1/{bucket}?acl`) or
   * virtual-hosted on the base's host (`{bucket}.{base host}/…?acl`).
   * A bare path (`"/aliyun-oss"`) answers under any scheme and host; there `{bucket}.{host}` (not an IP
   * address) with no bucket in the path is a virtual-hosted request for that bucket, as the vendors read it.
   */
  baseUrls?: Partial<Record<Provider, string | readonly string[]>> | undefined;
  /** The server clock (epoch ms). Default `Date.now`. */
  clock?: (() => number) | undefined;
  /** The vendor adapters; handlers are made for these providers only. Default `vendorAdapters` (all five). */
  adapters?: readonly VendorAdapter[] | undefined;
  /**
   * For a client that can neither send `Cookie` nor read `Set-Cookie` — a browser page answering itself
   * through `getResponse(mock.handlers, request)`: the mock keeps the cookies it sets and reads them back,
   * as the page's browser would (`documentCookieJar()` in a page, `memoryCookieJar()` elsewhere).
   */
  cookieJar?: MockCookieJar | undefined;
}

export interface Mock {
  /** MSW handlers for all five APIs: `setupServer(...mock.handlers)` / `setupWorker(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  /** Activates scenarios (latest first); see `scenario`. */
  use(...scenarios: Scenario[]): void;
  /** Clears scenarios, recorded calls, sessions, nonces and the cookie jar's cookies (see `MockCookieJar.clear`). */
  reset(): void;
  readonly state: MockState;
  /** Every call seen since the last reset, oldest first; credentials are recorded by name only (see `RecordedCall`). */
  readonly requests: RecordedCall[];
  readonly runtime: MockRuntime;
}

/** Handlers of one provider bound to `runtime` (and to `baseUrls`). */
export function providerHandlers(runtime: MockRuntimeApi, provider: Provider, baseUrls: string | readonly string[] = []): HttpHandler[] {
  const module = vendors[provider];
  if (!module) throw new Error(`@bucketry/mocks: unknown provider ${JSON.stringify(provider)}`);
  return module.handlers(runtime, typeof baseUrls === "string" ? [baseUrls] : baseUrls);
}

export function createMock(options: CreateMockOptions = {}): Mock {
  const state = options.state ?? createMockState();
  const adapters = options.adapters ?? vendorAdapters;
  const runtime = new MockRuntime({ state, adapters, ...(options.clock ? { clock: options.clock } : {}), ...(options.cookieJar ? { cookieJar: options.cookieJar } : {}) });
  const handlers = adapters.flatMap(({ provider }) => providerHandlers(runtime, provider, options.baseUrls?.[provider] ?? []));
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
