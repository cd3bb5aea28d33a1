// @bucketry/aliyun-ens: typed client for Alibaba Cloud ENS ListBuckets (RPC style, Version 2017-11-10).
// Types come from specs/aliyun-ens.yaml via src/generated/schema.ts (generated; never edited).
import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
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
      const url = new URL(request.url);
      if (url.searchParams.has("Action") && url.searchParams.has("Version")) return undefined;
      if (!url.searchParams.has("Action")) url.searchParams.set("Action", action);
      if (!url.searchParams.has("Version")) url.searchParams.set("Version", version);
      return new Request(url, request);
    },
  };
}

/** Creates a typed openapi-fetch client. No auth here: add bucketry's `acs3Signer` (or `acsRpcV1Signer`). */
export function createClient(options: EnsClientOptions = {}): EnsClient {
  const { region, baseUrl, fetch: customFetch, ...rest } = options;
  const client = createFetchClient<EnsPaths>({
    ...rest,
    baseUrl: baseUrl ? baseUrl.replace(/\/+$/, "") : ensEndpoint(region),
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  client.use(rpcDefaults());
  return client;
}

export type ListBucketsOperation = operations["ListBuckets"];
