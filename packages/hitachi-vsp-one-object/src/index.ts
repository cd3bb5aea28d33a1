// @bucketry/hitachi-vsp-one-object: typed client for the VSP One Object management API (MAPI).
// Types come from specs/hitachi-vsp-one-object.yaml via src/generated/schema.ts (generated; never edited).
import createFetchClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];
export type ListUserBucketsRequest = Schemas["ListUserBucketsRequest"];
/** The 200 body: `{ buckets, pageToken }` (3.3.x) or a bare array (HCP-CS 2.x / VSP One Object 3.0). */
export type ListUserBucketsResult = Schemas["ListUserBucketsResult"];
export type ListUserBucketsResponse = Schemas["ListUserBucketsResponse"];
export type LegacyListUserBucketsResponse = Schemas["LegacyListUserBucketsResponse"];
export type UserBucket = Schemas["UserBucket"];
export type ErrorResponse = Schemas["ErrorResponse"];

/** Header names the CSRF session supplies on every call; optional here because middleware fills them. */
type SessionHeader = "X-XSRF-TOKEN" | "Cookie";

type PartialKeys<T, K extends PropertyKey> = Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>;
type WithSessionHeaders<Op> = Op extends { parameters: infer P extends { header?: unknown } }
  ? Omit<Op, "parameters"> & { parameters: Omit<P, "header"> & { header?: PartialKeys<NonNullable<P["header"]>, SessionHeader> } }
  : Op;

/**
 * `paths` as this client accepts them: `X-XSRF-TOKEN` and `Cookie` may be left out when a session
 * middleware (bucketry's `hitachiSession`) supplies them; pass them yourself otherwise.
 */
export type HitachiPaths = {
  [P in keyof paths]: { [M in keyof paths[P]]: WithSessionHeaders<paths[P][M]> };
};

export type HitachiClient = Client<HitachiPaths>;

export interface HitachiClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /**
   * The MAPI base, including `/mapi`: e.g. `https://admin.{region}.{cluster}/mapi` (VSP One Object 3.x)
   * or `https://{cluster}:9099/mapi` (HCP-CS 2.x). Alternatively give `host` (and `scheme`).
   */
  baseUrl?: string;
  /** Host and optional port of the management endpoint; the base becomes `{scheme}://{host}/mapi`. */
  host?: string;
  scheme?: "https" | "http";
}

export function mapiBaseUrl(options: Pick<HitachiClientOptions, "baseUrl" | "host" | "scheme">): string {
  if (options.baseUrl) return options.baseUrl.replace(/\/+$/, "");
  if (!options.host) {
    throw new TypeError(
      "@bucketry/hitachi-vsp-one-object: pass `baseUrl` (e.g. https://admin.region.cluster/mapi) or `host`; the management endpoint has no public default",
    );
  }
  return `${options.scheme ?? "https"}://${options.host}/mapi`;
}

/**
 * Where a Request made by this client keeps the string body it was built with (a non-enumerable property under
 * a registry symbol, so bucketry reads it without importing this package). A Request's body cannot change once
 * built, so the string is exactly what the Request carries. bucketry's Hitachi session uses it to replay a 401
 * without cloning every request up front, and its Node transport sends it without reading the body stream back.
 */
export const REQUEST_BODY: unique symbol = Symbol.for("bucketry.requestBody") as never;

/**
 * openapi-fetch's `Request` option, resolved per call. Its default, `globalThis.Request` read when the client
 * is created, makes Node load its fetch implementation (undici, ~15 ms) at construction; this way that cost
 * moves to the first request. It makes real Requests (a string body kept under `REQUEST_BODY`), and
 * `instanceof` recognizes any real Request.
 */
class LateRequest {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.Request;
  }
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const request = new globalThis.Request(input, init);
    if (typeof init?.body === "string") Object.defineProperty(request, REQUEST_BODY, { value: init.body });
    return request as unknown as LateRequest;
  }
}

/**
 * `globalThis.fetch(request)`, with the kept body handed over as a string: fetch given a Request with a body
 * and no `init.body` pipes that body through an identity TransformStream (the Fetch standard's Request
 * constructor) — more web streams per call than the rest of the exchange. Same request, same bytes.
 */
function sendWithKeptBody(request: Request): Promise<Response> {
  const kept = (request as unknown as Record<symbol, unknown>)[REQUEST_BODY];
  return typeof kept === "string" && !request.bodyUsed ? globalThis.fetch(request, { body: kept }) : globalThis.fetch(request);
}

/** Creates a typed openapi-fetch client for the management API. No auth here: add bucketry's `hitachiSession` middleware. */
export function createClient(options: HitachiClientOptions): HitachiClient {
  const { baseUrl: _b, host: _h, scheme: _s, fetch: customFetch, ...rest } = options;
  return createFetchClient<HitachiPaths>({
    Request: LateRequest as unknown as typeof Request,
    ...rest,
    baseUrl: mapiBaseUrl(options),
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? sendWithKeptBody,
  });
}

export type ListUserBucketsOperation = operations["ListUserBuckets"];
