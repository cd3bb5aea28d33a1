// What each vendor contributes to the runtime: its error bodies, auth check, answers and headers.
import type { MockContext, Reply } from "../runtime.js";
import type { ScenarioSpec } from "../scenarios.js";
import type { Provider } from "../types.js";
import type { RequestParts, ValidationIssue } from "../validation.js";

export interface VendorAdapter {
  provider: Provider;
  /** Operations that scenarios skip unless targeted explicitly (auth handshakes). */
  auxiliaryOperations: string[];
  /** Whether the vendor checks the request time (clock-skew scenarios apply). */
  clockChecked: boolean;
  /** A fresh request id in the vendor's format. */
  requestId(random: () => number): string;
  /** Adds the headers every answer of the vendor carries (request id, Date, Server, …). */
  decorate(ctx: MockContext, reply: Reply): void;
  /** The request as the spec's parameters see it (e.g. values the vendor also accepts in another place). */
  normalize?(ctx: MockContext, parts: RequestParts): RequestParts;
  /** The vendor's answer to a request that breaks the spec. */
  invalid(ctx: MockContext, issue: ValidationIssue): Reply;
  /** `undefined` when the request is authenticated, else the vendor's 401/403 (or 400) answer. */
  authenticate(ctx: MockContext): Promise<Reply | undefined>;
  /** The success answer (or a data-driven error such as NoSuchBucket). */
  respond(ctx: MockContext): Reply | Promise<Reply>;
  /** The spec's example for a documented error code (or status). */
  documentedError(ctx: MockContext, code: string): Reply;
  throttle(ctx: MockContext, spec: Extract<ScenarioSpec, { kind: "throttle" }>): Reply;
  serverError(ctx: MockContext, spec: Extract<ScenarioSpec, { kind: "status" }>): Reply;
  methodNotAllowed?(ctx: MockContext): Reply;
}
