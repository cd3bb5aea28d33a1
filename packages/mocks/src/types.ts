// The mocks' shared types, and nothing else: this module imports only the generated vendor ids (which import
// nothing), so the runtime, the vendor adapters, the generated handlers and the data set can all depend on it
// without depending on each other.
// First the shapes of the data scripts/generate-mocks.mjs extracts from each spec (src/generated/<vendor>.ts),
// then what a request and its answer look like inside the mock.

import type { Provider } from "./generated/providers.js";

/** The APIs the mocks serve (generated from redocly.yaml); the same ids as the facade's `provider` option. */
export type { Provider };

/** A JSON Schema (2020-12, as OpenAPI 3.1 writes it) with every `$ref` inlined. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export interface ServerVariableSpec {
  default: string;
  enum?: string[];
}

export interface ServerSpec {
  /** URL template, e.g. `https://{bucket}.oss-{region}.aliyuncs.com`. */
  url: string;
  variables: Record<string, ServerVariableSpec>;
}

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie" | string;
  required: boolean;
  schema: JsonSchema;
  allowEmptyValue?: boolean;
  deprecated?: boolean;
  /** Carried by a security scheme (e.g. X-XSRF-TOKEN, Cookie): verified by the auth step, not by validation. */
  security?: boolean;
}

export interface MediaSpec {
  schema?: JsonSchema;
  /** Example name → value (XML examples are strings). */
  examples: Record<string, unknown>;
}

export interface HeaderSpec {
  required: boolean;
  schema?: JsonSchema;
}

export interface ResponseSpec {
  headers: Record<string, HeaderSpec>;
  content: Record<string, MediaSpec>;
}

export interface OperationSpec {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  path: string;
  summary: string;
  servers: ServerSpec[];
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; content: Record<string, MediaSpec> };
  /** Status code (or `4XX` / `default`) → response. */
  responses: Record<string, ResponseSpec>;
  security: Array<Record<string, string[]>>;
}

/** A documented error: the vendor code (or the status, where the page gives no distinct code) and its example. */
export interface ErrorExample {
  code: string;
  status: number;
  operations: string[];
  mediaType?: string;
  example?: string;
  body?: unknown;
}

export interface VendorSpec {
  provider: Provider;
  /** Spec file, relative to the repo root. */
  source: string;
  title: string;
  version: string;
  operations: Record<string, OperationSpec>;
  errors: ErrorExample[];
}

/** A URL pattern of one operation: a spec server or a custom base URL (see `routesFor`). */
export interface Route {
  spec: VendorSpec;
  operation: OperationSpec;
  pattern: RegExp;
  /** The spec server this route stands for (for a custom base URL: the server whose path tail it reuses). */
  server: ServerSpec;
  /** The custom base URL, when the route is not one of the spec's servers. */
  baseUrl?: string;
  /** Group name → variable/parameter name. */
  groups: Record<string, string>;
  /** Server variables the URL cannot supply (custom base URLs): their defaults. */
  defaults: Record<string, string>;
}

/** One problem with a request, in terms a vendor error can be built from. */
export interface ValidationIssue {
  /** `missing`: a required parameter/body is absent; `invalid`: present but not what the spec allows. */
  kind: "missing" | "invalid";
  location: "path" | "query" | "header" | "cookie" | "body";
  /** Parameter name (or `body`). */
  name: string;
  message: string;
}

/** The parts of a request that spec validation reads. */
export interface RequestParts {
  path: Record<string, string>;
  /** Query parameters, decoded; a bare key has the value "". */
  query: Map<string, string>;
  headers: Headers;
  cookies: Map<string, string>;
  contentType: string | undefined;
  bodyText: string;
}

/** A response before it becomes a `Response`: the runtime can still corrupt, decorate and record it. */
export interface Reply {
  status: number;
  headers: Headers;
  body: string | null;
}

/**
 * One request the handlers saw, as sent, with what the mock made of it and what it answered. Credentials are
 * recorded by name only, their values replaced by `[redacted]`: the Authorization, Cookie and token headers
 * (security tokens, X-Auth-Token, X-XSRF-TOKEN), signature and token query parameters (`Signature`,
 * `SecurityToken`, `x-oss-signature`, …), the values of the cookies an answer sets, and wherever the answer
 * quotes one of them (OSS's `SignatureProvided`).
 */
export interface RecordedCall {
  seq: number;
  provider: Provider;
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Problems with the request measured against the spec (empty: the request is valid). */
  issues: ValidationIssue[];
  /** The auth scheme recognized and the outcome (absent for unauthenticated operations and early failures). */
  auth?: { scheme: string; ok: boolean; reason?: string };
  /** Labels of the scenarios applied to this call. */
  scenarios: string[];
  /** What the mock answered; absent while in flight and for a connection reset. */
  response?: { status: number; headers: Record<string, string>; body: string | null };
  /** The connection was reset instead of answered. */
  reset?: boolean;
  /**
   * What the mock itself threw while answering (a bug in an adapter, the engine or a test's override); the answer
   * was a plain 500 naming the mock and this message, without the stack. Credentials are redacted here too.
   */
  internalError?: { name: string; message: string; stack?: string };
}

export type CannedAcl = "private" | "public-read" | "public-read-write";

export interface MockBucket {
  /** Unique, lower-case DNS-style name (valid for OSS and BOS). */
  name: string;
  createdAt: Date;
  modifiedAt: Date;
  acl: CannedAcl;
  comment: string;
  /** ENS node region (`cn-dalian-unicom`). */
  ensRegionId: string;
  /** Huawei region the bucket lives in (MPC lists one region's buckets). */
  mpcRegion: string;
  /** Whether MPC is authorized on the bucket (MPC `is_authorized`). */
  mpcAuthorized: boolean;
  /** Hitachi user that owns the bucket. */
  hitachiUserId: number;
  /** Hitachi numeric bucket id. */
  hitachiBucketId: number;
}

/** The seeded data set every vendor answers from (see `createMockState`). */
export interface MockState {
  readonly seed: number;
  /** All buckets, sorted by name (byte order). */
  readonly buckets: readonly MockBucket[];
  find(name: string): MockBucket | undefined;
  /** Adds (or replaces) a bucket, keeping the name order. */
  put(bucket: MockBucket): void;
  remove(name: string): boolean;
  /** Buckets whose name starts with `prefix`, in order (binary search: cheap on 10 000 buckets). */
  withPrefix(prefix: string | undefined): readonly MockBucket[];
  /** Hitachi user ids that own buckets (and so exist). */
  readonly hitachiUsers: readonly number[];
  /** A deterministic PRNG for the runtime (request ids, tokens), seeded from `seed`. */
  random(): number;
}

export type BodyFault = "truncated" | "malformed" | "invalid" | "empty" | "wrong-content-type";

export type ScenarioSpec =
  | { kind: "error"; code: string }
  | { kind: "throttle"; status?: number; code?: string; retryAfterMs: number }
  | { kind: "status"; status: 500 | 502 | 503 | 504; code?: string; message?: string }
  | { kind: "clock-skew"; offsetMs: number }
  | { kind: "latency"; ms: number }
  | { kind: "body"; fault: BodyFault }
  | { kind: "reset" };

/** A deliberate failure or delay, built by `scenario.*` and activated by `mock.use(...)`. */
export interface Scenario {
  readonly provider: Provider | "*";
  readonly operation: string | undefined;
  readonly spec: ScenarioSpec;
  /** Applications per `use()` (Infinity for `always`); each `use()` re-arms `remaining` with it. */
  readonly times?: number;
  /** Remaining applications (Infinity for `always`). */
  remaining: number;
  /** How many requests it has been applied to. */
  applied: number;
  /** Short human-readable description, recorded on each call it affects. */
  readonly label: string;
}
