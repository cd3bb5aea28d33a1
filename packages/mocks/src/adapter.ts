// The contract between the mock runtime and its vendor adapters, types only: what an adapter provides
// (`VendorAdapter`), what it is handed for one request (`MockContext`) and what it may use of the runtime
// (`MockRuntimeApi`). Imports nothing but ./types.js: the runtime receives its adapters (src/mock.ts wires
// them), so neither side imports the other.
import type {
  MockState,
  OperationSpec,
  Provider,
  RecordedCall,
  Reply,
  RequestParts,
  Route,
  Scenario,
  ScenarioSpec,
  ValidationIssue,
  VendorSpec,
} from "./types.js";

/** What one vendor contributes to the runtime: its error bodies, auth check, answers and headers. */
export interface VendorAdapter {
  provider: Provider;
  /**
   * The operations `respond` answers (from the data set). The runtime answers any other operation of the spec —
   * one a spec change added — with the spec's documented 2xx example, so it is answered as documented until the
   * adapter learns it. Omitted: `respond` answers every operation.
   */
  answers?: readonly string[];
  /** Operations that scenarios skip unless targeted explicitly (auth handshakes). */
  auxiliaryOperations: string[];
  /** Whether the vendor checks the request time (clock-skew scenarios apply). */
  clockChecked: boolean;
  /** With `clockChecked` false: why (a clock-skew scenario naming the vendor is refused with it). */
  noClockCheckReason?: string;
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

/** The runtime as adapters and the generated handler factories see it (`MockRuntime` implements it). */
export interface MockRuntimeApi {
  readonly state: MockState;
  readonly clock: () => number;
  /** Every call the handlers saw, oldest first (cleared by `reset()`). */
  readonly requests: RecordedCall[];
  /** Per-provider mutable server state (ENS nonces, Hitachi CSRF sessions), cleared by `reset()`. */
  readonly memory: Map<string, unknown>;
  readonly random: () => number;
  /** The scenarios still active. */
  readonly scenarios: readonly Scenario[];
  /** Activates scenarios; later calls take precedence over earlier ones (like MSW's `server.use`). */
  use(...scenarios: Scenario[]): void;
  /** Drops every scenario, recorded call and per-provider server state (sessions, nonces). The data set stays. */
  reset(): void;
  /** Per-provider scratch state, created on first use. */
  remember<T>(key: string, create: () => T): T;
  /** The adapter the runtime was given for `provider` (throws when it has none). */
  adapter(provider: Provider): VendorAdapter;
  /** Routes (URL patterns) of one operation; used by the generated handler factories. */
  routes(spec: VendorSpec, operationId: string, baseUrls: readonly string[]): Route[];
  /** Answers one request matched by `route`. */
  handle(route: Route, request: Request): Promise<Response>;
  /** A method the operation's path does not accept, where the spec documents a 405 (Hitachi). */
  methodNotAllowed(route: Route, request: Request): Promise<Response>;
}

/** Everything a vendor adapter needs to answer one request. */
export interface MockContext {
  runtime: MockRuntimeApi;
  route: Route;
  spec: VendorSpec;
  operation: OperationSpec;
  request: Request;
  url: URL;
  /** Server variables and path parameters (decoded; defaults for what a custom base URL cannot carry). */
  vars: Record<string, string>;
  query: Map<string, string>;
  headers: Headers;
  cookies: Map<string, string>;
  bodyText: string;
  bodyBytes: Uint8Array;
  state: MockState;
  /** The server clock (epoch ms), including any clock-skew scenario (`skewMs`). */
  now(): number;
  /** Offset of this request's server clock set by clock-skew scenarios. */
  skewMs: number;
  requestId: string;
  call: RecordedCall;
}
