// @bucketry/aliyun-ens: typed client for Alibaba Cloud ENS ListBuckets (RPC style, Version 2017-11-10).
// Types come from specs/aliyun-ens.yaml via src/generated/schema.ts (generated; never edited).
import { createQuerySerializer, type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { checkBaseUrl } from "./generated/base-url.js";
import { createLateClient } from "./generated/late-client.js";
import { hasParam } from "./generated/query-param.js";

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
   * Region id. A region the ENS endpoint table gives its own public host (`ap-southeast-1` →
   * `ens.ap-southeast-1.aliyuncs.com`) uses it; every other region — all of mainland China included — is
   * served by the central `ens.aliyuncs.com`, which is also the official SDK's endpoint (its endpoint rule
   * is empty). No regional host is ever made up from the region id. Left out, the central endpoint; a blank
   * string is refused (a TypeError), as the MPC and BOS clients refuse it.
   */
  region?: string | undefined;
  /** Overrides the endpoint (a VPC endpoint, a proxy, a mock). */
  baseUrl?: string | undefined;
  /**
   * Where the RPC `Action` and `Version` go. `"query"` (default): query parameters, as the API page and the RPC
   * v1 signature (`acsRpcV1Signer`) require. `"headers"`: `x-acs-action` / `x-acs-version` headers — where
   * `acs3Signer` puts them anyway, so it signs each Request in place instead of building a second one without
   * them (ACS3 only). The query is serialized as any openapi-fetch client's; the signer computes ACS3's
   * canonical form from the decoded parameters, as the gateway does.
   */
  actionAndVersion?: "query" | "headers" | undefined;
}

/** Regions with their own public host in the ENS endpoint table (specs/aliyun-ens.yaml `servers`). */
const ENS_REGIONAL_ENDPOINTS: Readonly<Record<string, string>> = { "ap-southeast-1": "https://ens.ap-southeast-1.aliyuncs.com" };

/**
 * The endpoint for a region: its own host where the ENS endpoint table lists one, else the central
 * `ens.aliyuncs.com` (mainland China and every region the table does not list; the official SDK's default).
 */
export function ensEndpoint(region?: string): string {
  if (region == null) return "https://ens.aliyuncs.com";
  // Blank is not "no region": an unset variable (`region: process.env.REGION ?? ""`) must not pick the central
  // endpoint unseen; the MPC and BOS clients refuse it too.
  if (typeof region == "string" && !region.trim()) throw new TypeError("@bucketry/aliyun-ens: region is blank: leave it out for the central endpoint, or give a region id like ap-southeast-1");
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) throw new TypeError(`@bucketry/aliyun-ens: "${region}" is not a region id like ap-southeast-1`);
  return ENS_REGIONAL_ENDPOINTS[region] ?? "https://ens.aliyuncs.com";
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

/** For `actionAndVersion: "headers"`: names the operation in `x-acs-action` / `x-acs-version`, set in place. */
export function rpcHeaders(action = "ListBuckets", version = ENS_API_VERSION): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has("x-acs-action")) request.headers.set("x-acs-action", action);
      if (!request.headers.has("x-acs-version")) request.headers.set("x-acs-version", version);
      return undefined;
    },
  };
}

type QueryObject = Record<string, unknown>;

/** RFC 3986 encoding as Alibaba's canonical forms use it: encodeURIComponent with `! ' ( ) *` escaped too. */
const acsEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The query as ACS3 signs it: RFC 3986-encoded `name=value` pairs, sorted by encoded name, then value.
 *
 * @deprecated The client no longer sends this form (`acs3Signer` computes the canonical query from any
 * serialization); kept for callers that pass it as their own `querySerializer`.
 */
export function acsCanonicalQuery(query: QueryObject): string {
  const pairs: [string, string][] = [];
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value !== undefined && value !== null) pairs.push([acsEncode(name), acsEncode(String(value))]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

/**
 * Creates a typed openapi-fetch client. No auth here: add bucketry's `acs3Signer` (or `acsRpcV1Signer`). Redirects
 * are not followed (`redirect: "manual"`, unless the options say otherwise): a 3xx comes back as it is in
 * `response`.
 */
export function createClient(options: EnsClientOptions = {}): EnsClient {
  const { region, baseUrl, fetch: customFetch, querySerializer, actionAndVersion = "query", ...rest } = options;
  if (actionAndVersion !== "query" && actionAndVersion !== "headers") {
    throw new TypeError(`@bucketry/aliyun-ens: actionAndVersion must be "query" or "headers", got ${JSON.stringify(actionAndVersion)}`);
  }
  const inHeaders = actionAndVersion === "headers";
  const serialize = typeof querySerializer === "function" ? querySerializer : createQuerySerializer<QueryObject>(querySerializer);
  // `accept: application/json` (what the official runtime sends on every ENS request: ENS answers XML
  // otherwise) and in "headers" mode x-acs-action / x-acs-version are the client's default headers:
  // openapi-fetch merges them into each Request as it builds it, and a caller's own headers win.
  const given = rest.headers === undefined || (typeof rest.headers === "object" && !Array.isArray(rest.headers) && !(Symbol.iterator in rest.headers)) ? rest.headers : Object.fromEntries(new Headers(rest.headers as HeadersInit));
  const client = createLateClient<EnsPaths>({
    // A signed request or token goes nowhere a redirect points; a 3xx comes back as it is. The caller may
    // ask for "follow"; bucketry's signers then still send "manual".
    redirect: "manual",
    ...rest,
    headers: { accept: "application/json", ...(inHeaders ? { "x-acs-action": "ListBuckets", "x-acs-version": ENS_API_VERSION } : {}), ...(given as object | undefined) },
    baseUrl: baseUrl ? checkBaseUrl("@bucketry/aliyun-ens", baseUrl) : ensEndpoint(region),
    // Action and Version are filled as the query is serialized, so no Request is rebuilt per call; the
    // rpcDefaults middleware below still fills them when a per-call querySerializer replaced this one.
    querySerializer: inHeaders ? serialize : (query: QueryObject) => serialize(withRpcDefaults(query)),
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  if (!inHeaders) client.use(rpcDefaults());
  return client;
}

/** `query` with Action/Version added after the caller's parameters when missing (the order rpcDefaults gives). */
function withRpcDefaults(query: QueryObject): QueryObject {
  if (query.Action != null && query.Version != null) return query;
  return { ...query, Action: query.Action ?? "ListBuckets", Version: query.Version ?? ENS_API_VERSION };
}

export type ListBucketsOperation = operations["ListBuckets"];
