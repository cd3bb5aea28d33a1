// Scenarios: deliberate failures and delays layered over the spec-faithful behaviour. Each applies once by
// default, `{ times: n }` times, or `{ always: true }`; `mock.use(...)` activates them, `mock.reset()` clears them.
import { vendorAdapters } from "./generated/adapters.js";
import { vendors } from "./generated/index.js";
import type { BodyFault, Provider, Scenario, ScenarioSpec } from "./types.js";

export type { BodyFault, Scenario, ScenarioSpec };

export interface ScenarioOptions {
  /** How many matching requests the scenario applies to: a whole number, 1 or more (RangeError otherwise). Default 1. */
  times?: number | undefined;
  /** Apply to every matching request (same as `times: Infinity`). */
  always?: boolean | undefined;
  /**
   * Only this operation (operationId, e.g. `ListBuckets`, `GetCsrfToken`). Default: every operation of the
   * provider except auth handshakes (Hitachi's `GetCsrfToken`).
   */
  operation?: string | undefined;
}

function make(provider: Provider | "*", spec: ScenarioSpec, options: ScenarioOptions = {}, detail = ""): Scenario {
  const times = options.always ? Infinity : (options.times ?? 1);
  // A count of requests: 1.5 would apply twice, 0 or NaN never — each a mistake better named than run.
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new RangeError(`scenario: times must be a whole number of requests, 1 or more (got ${String(options.times)}); for every request pass { always: true }`);
  }
  return {
    provider,
    operation: options.operation,
    spec,
    times,
    remaining: times,
    applied: 0,
    label: `${spec.kind}${detail ? `(${detail})` : ""} @ ${provider}${options.operation ? `/${options.operation}` : ""}`,
  };
}

/** Scenario builders. `provider` may be `"*"` for every provider, except in `error` (codes are per vendor). */
export const scenario = {
  /**
   * Answer with a documented error: the spec's example for `code` (a vendor code such as `NoSuchBucket`,
   * `APIGW.0308`, `InvalidParameter.PageSize`, or — where the page documents statuses only, as Hitachi's —
   * the status, e.g. `"401"` or `404`). An unknown code throws, listing the documented ones
   * (`errorCodes(provider)`).
   */
  error(provider: Provider, code: string | number, options?: ScenarioOptions): Scenario {
    const known = errorCodes(provider);
    if (!known.includes(String(code))) {
      throw new Error(`scenario.error: ${provider} documents no error ${JSON.stringify(String(code))}; documented: ${known.join(", ")}`);
    }
    return make(provider, { kind: "error", code: String(code) }, options, String(code));
  },
  /** The vendor's throttling answer (status, code, `Retry-After` / `x-acs-retry-after`). */
  throttle(provider: Provider | "*", options: ScenarioOptions & { retryAfterMs?: number | undefined; status?: number | undefined; code?: string | undefined } = {}): Scenario {
    const { retryAfterMs = 1000, status, code, ...rest } = options;
    return make(provider, { kind: "throttle", retryAfterMs, ...(status ? { status } : {}), ...(code ? { code } : {}) }, rest, `${retryAfterMs}ms`);
  },
  /** A 500, 502 (an HTML page from a proxy), 503 or 504 in the vendor's shape. */
  status(provider: Provider | "*", status: 500 | 502 | 503 | 504, options: ScenarioOptions & { code?: string | undefined; message?: string | undefined } = {}): Scenario {
    const { code, message, ...rest } = options;
    return make(provider, { kind: "status", status, ...(code ? { code } : {}), ...(message ? { message } : {}) }, rest, String(status));
  },
  /**
   * The server's clock is `offsetMs` ahead (negative: behind) for the matching requests, so signed requests
   * outside the vendor's window fail with its clock-skew error (OSS RequestTimeTooSkewed with the server
   * `Date`, MPC APIGW.0303, BOS RequestExpired, ENS InvalidTimeStamp.Expired). Refused for a vendor that checks
   * no request time (Hitachi).
   */
  clockSkew(provider: Provider | "*", offsetMs = 3_600_000, options?: ScenarioOptions): Scenario {
    const adapter = vendorAdapters.find((a) => a.provider === provider);
    if (adapter?.clockChecked === false) throw new Error(`scenario.clockSkew: ${adapter.noClockCheckReason ?? `${provider} checks no request time`}`);
    return make(provider, { kind: "clock-skew", offsetMs }, options, `${offsetMs}ms`);
  },
  /**
   * Adds `ms` of latency before the normal (or other scenario's) answer; `Infinity` never answers. The wait ends,
   * without an answer, when the client aborts the request, the mock server's socket closes, or `reset()` runs.
   */
  latency(provider: Provider | "*", ms: number, options?: ScenarioOptions): Scenario {
    if (!(ms >= 0)) throw new RangeError("scenario.latency: ms must be >= 0");
    return make(provider, { kind: "latency", ms }, options, `${ms}ms`);
  },
  /** Corrupts the body of the answer: truncated, malformed (not parseable), invalid (parseable, wrong shape), empty, or an HTML page. */
  body(provider: Provider | "*", fault: BodyFault, options?: ScenarioOptions): Scenario {
    return make(provider, { kind: "body", fault }, options, fault);
  },
  /** The connection is reset (MSW `HttpResponse.error()`; the mock server destroys the socket). */
  reset(provider: Provider | "*", options?: ScenarioOptions): Scenario {
    return make(provider, { kind: "reset" }, options);
  },
};

/** The documented error codes of a provider (every error example of its spec; statuses where it has no codes). */
export function errorCodes(provider: Provider): string[] {
  const module = vendors[provider];
  if (!module) throw new Error(`unknown provider ${JSON.stringify(provider)}`);
  return module.spec.errors.map((e) => e.code);
}
