// @bucketry/huaweicloud-mpc: typed client for Huawei Cloud MPC's bucket listing.
// Types come from specs/huaweicloud-mpc.yaml via src/generated/schema.ts (generated; never edited).
import type { Client, ClientOptions, Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { checkBaseUrl } from "./generated/base-url.js";
import { createLateClient } from "./generated/late-client.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];
export type ListAllBucketsResponse = Schemas["ListAllBucketsResponse"];
/** One OBS bucket; `creation_date` is `yyyyMMddHHmmss` as a number (real responses) or a string (the page's table). */
export type ObsBucket = Schemas["ObsBucket"];
export type ErrorResponse = Schemas["ErrorResponse"];
export type ApiGatewayErrorResponse = Schemas["ApiGatewayErrorResponse"];

export type MpcClient = Client<paths>;

/** Regions with a known MPC endpoint (the official SDK's region table). */
export const MPC_REGIONS = ["cn-north-4", "cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-3"] as const;
export type MpcRegion = (typeof MPC_REGIONS)[number];

export interface MpcClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** Region id, e.g. `cn-north-4`; the endpoint is `https://mpc.{region}.myhuaweicloud.com`. */
  region?: MpcRegion | (string & {}) | undefined;
  /** Overrides the region's endpoint (a proxy, a mock, a private cloud). */
  baseUrl?: string | undefined;
}

/** The MPC endpoint of a region. cn-north-1 still answers on the legacy `mts.` host (official SDK region table). */
export function mpcEndpoint(region: string): string {
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) {
    throw new TypeError(`@bucketry/huaweicloud-mpc: "${region}" is not a region id like cn-north-4`);
  }
  return region === "cn-north-1" ? "https://mts.cn-north-1.myhuaweicloud.com" : `https://mpc.${region}.myhuaweicloud.com`;
}

/**
 * Middleware that refuses, before any request, a `project_id` the URL cannot carry: URL normalization removes a
 * `..` or `.` segment (`/v1/../buckets` goes out as `/buckets`, another path, signed as such), and an empty one
 * leaves `/v1//buckets`. A Huawei Cloud project id is 32 hex characters; other values are sent as given, as every
 * path parameter is.
 */
const projectIdChecked: Middleware = {
  onRequest({ params }) {
    const id = (params as { path?: { project_id?: unknown } }).path?.project_id;
    if (id === "" || id === "." || id === "..") throw new TypeError(`@bucketry/huaweicloud-mpc: project_id ${JSON.stringify(id)} cannot be sent in the path: give the project's id (32 hex characters)`);
    return undefined;
  },
};

/**
 * Creates a typed openapi-fetch client. No auth here: add bucketry's `sdkHmacSha256Signer` or `huaweiTokenAuth`.
 * Redirects are not followed (`redirect: "manual"`, unless the options say otherwise): a 3xx comes back as it is in
 * `response`.
 */
export function createClient(options: MpcClientOptions = {}): MpcClient {
  const { region, baseUrl, fetch: customFetch, ...rest } = options;
  // `content-type: application/json` on every request, as the official SDK sends (and signs) it; a caller's
  // own default headers win.
  const given = rest.headers === undefined || (typeof rest.headers === "object" && !Array.isArray(rest.headers) && !(Symbol.iterator in rest.headers)) ? rest.headers : Object.fromEntries(new Headers(rest.headers as HeadersInit));
  const client = createLateClient<paths>({
    // A signed request or token goes nowhere a redirect points; a 3xx comes back as it is. The caller may
    // ask for "follow"; bucketry's signers then still send "manual".
    redirect: "manual",
    ...rest,
    headers: { "content-type": "application/json", ...(given as object | undefined) },
    baseUrl: baseUrl ? checkBaseUrl("@bucketry/huaweicloud-mpc", baseUrl) : mpcEndpoint(region ?? "cn-north-4"),
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  client.use(projectIdChecked);
  return client;
}

export type ListAllBucketsOperation = operations["ListAllBuckets"];
