// @bucketry/aliyun-ens: typed client for Alibaba Cloud ENS ListBuckets (RPC style, Version 2017-11-10).
// Types come from specs/aliyun-ens.yaml via src/generated/schema.ts (generated; never edited).
import createFetchClient, { createQuerySerializer, type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];
export type ListBucketsResponse = Schemas["ListBucketsResponse"];
export type BucketInfo = Schemas["BucketInfo"];
export type BucketAcl = Schemas["BucketAcl"];
export type ErrorResponse = Schemas["ErrorResponse"];
export type AccessDeniedDetail = Schemas["AccessDeniedDetail"];

export const ENS_API_VERSION = "2017-11-10";

type PartialKeys<T, K extends PropertyKey> = Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>;
type WithRpcFilled<Op> = Op extends { parameters: infer P extends { query?: unknown } }
  ? Omit<Op, "parameters"> & { parameters: Omit<P, "query"> & { query?: PartialKeys<NonNullable<P["query"]>, "Action" | "Version"> } }
  : Op;

/** `paths` as this client accepts them: `Action` and `Version` are filled in by the client. */
export type EnsPaths = { [P in keyof paths]: { [M in keyof paths[P]]: WithRpcFilled<paths[P][M]> } };
export type EnsClient = Client<EnsPaths>;

export interface EnsClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /**
   * Region id. Every mainland-China region is served by `ens.aliyuncs.com` (the default); other
   * regions use `ens.{region}.aliyuncs.com` (e.g. ap-southeast-1).
   */
  region?: string;
  /** Overrides the endpoint (a VPC endpoint, a proxy, a mock). */
  baseUrl?: string;
}

/** The endpoint for a region: mainland China shares the central endpoint (ENS endpoint table). */
export function ensEndpoint(region?: string): string {
  if (!region || region.startsWith("cn-")) return "https://ens.aliyuncs.com";
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) throw new TypeError(`@bucketry/aliyun-ens: "${region}" is not a region id like ap-southeast-1`);
  return `https://ens.${region}.aliyuncs.com`;
}

/** RPC calls name the operation in the query: fill `Action` from the operation and `Version` from the API. */
export function rpcDefaults(action = "ListBuckets", version = ENS_API_VERSION): Middleware {
  return {
    onRequest({ request }) {
      // The client's query serializer fills both already: checked on the URL string, no parse, no new Request.
      if (hasParam(request.url, "Action") && hasParam(request.url, "Version")) return undefined;
      const url = new URL(request.url);
      if (!url.searchParams.has("Action")) url.searchParams.set("Action", action);
      if (!url.searchParams.has("Version")) url.searchParams.set("Version", version);
      return new Request(url, request);
    },
  };
}

/** Whether the query of `href` has a parameter `name` (exact, case-sensitive, before any fragment). */
function hasParam(href: string, name: string): boolean {
  const q = href.indexOf("?");
  if (q < 0) return false;
  const end = href.indexOf("#", q);
  const query = `&${href.slice(q + 1, end < 0 ? href.length : end)}`;
  return query.includes(`&${name}=`) || query.endsWith(`&${name}`) || query.includes(`&${name}&`);
}

type QueryObject = Record<string, unknown>;

/**
 * openapi-fetch's `Request` option, resolved per call. Its default, `globalThis.Request` read when the client
 * is created, makes Node load its fetch implementation (undici, ~15 ms) at construction; this way that cost
 * moves to the first request. It makes real Requests, and `instanceof` recognizes any real Request.
 */
class LateRequest {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.Request;
  }
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    return new globalThis.Request(input, init) as unknown as LateRequest;
  }
}

/** Creates a typed openapi-fetch client. No auth here: add bucketry's `acs3Signer` (or `acsRpcV1Signer`). */
export function createClient(options: EnsClientOptions = {}): EnsClient {
  const { region, baseUrl, fetch: customFetch, querySerializer, ...rest } = options;
  const serialize = typeof querySerializer === "function" ? querySerializer : createQuerySerializer<QueryObject>(querySerializer);
  const client = createFetchClient<EnsPaths>({
    Request: LateRequest as unknown as typeof Request,
    ...rest,
    baseUrl: baseUrl ? baseUrl.replace(/\/+$/, "") : ensEndpoint(region),
    // Action and Version are filled as the query is serialized, so no Request is rebuilt per call; the
    // rpcDefaults middleware below still fills them when a per-call querySerializer replaced this one.
    querySerializer: (query: QueryObject) => serialize(withRpcDefaults(query)),
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  client.use(rpcDefaults());
  return client;
}

/** `query` with Action/Version added after the caller's parameters when missing (the order rpcDefaults gives). */
function withRpcDefaults(query: QueryObject): QueryObject {
  if (query.Action != null && query.Version != null) return query;
  return { ...query, Action: query.Action ?? "ListBuckets", Version: query.Version ?? ENS_API_VERSION };
}

export type ListBucketsOperation = operations["ListBuckets"];
