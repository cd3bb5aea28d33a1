// @bucketry/hitachi-vsp-one-object: typed client for the VSP One Object management API (MAPI).
// Types come from specs/hitachi-vsp-one-object.yaml via src/generated/schema.ts (generated; never edited).
import type { Client, ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { checkBaseUrl } from "./generated/base-url.js";
import { createLateClient } from "./generated/late-client.js";

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
  baseUrl?: string | undefined;
  /** Host and optional port of the management endpoint; the base becomes `{scheme}://{host}/mapi`. */
  host?: string | undefined;
  scheme?: "https" | "http" | undefined;
}

/**
 * What `createClient` cannot do without: `baseUrl` or `host` (the management endpoint has no public default). A value
 * read from config may be typed `string | undefined`; it is checked when the client is created.
 */
export type HitachiClientEndpoint = { baseUrl: string | undefined } | { host: string | undefined };

export function mapiBaseUrl(options: Pick<HitachiClientOptions, "baseUrl" | "host" | "scheme">): string {
  if (options.baseUrl) return checkBaseUrl("@bucketry/hitachi-vsp-one-object", options.baseUrl);
  if (!options.host) {
    throw new TypeError(
      "@bucketry/hitachi-vsp-one-object: pass `baseUrl` (e.g. https://admin.region.cluster/mapi) or `host`; the management endpoint has no public default",
    );
  }
  const scheme = options.scheme ?? "https";
  if (scheme !== "https" && scheme !== "http") throw new TypeError(`@bucketry/hitachi-vsp-one-object: scheme must be "https" or "http", got "${String(scheme)}"`);
  // A host name or address and an optional port, nothing else: "evil.example/x?" would move the bearer token's
  // requests to another host.
  // A port above 65535 or a malformed IPv6 address passes the pattern but no URL parser: refused here, not at
  // the first call with "Failed to parse URL".
  const base = `${scheme}://${options.host}/mapi`;
  let parses = true;
  try {
    new URL(base);
  } catch {
    parses = false;
  }
  if (!parses || !/^(\[[0-9a-fA-F:.]+\]|[\w.-]+)(:\d{1,5})?$/.test(options.host)) {
    throw new TypeError(`@bucketry/hitachi-vsp-one-object: host must be a host name or address with an optional port (e.g. admin.region1.cluster1:9099), got "${options.host}"`);
  }
  return base;
}

/**
 * The registry symbol `Symbol.for("bucketry.requestBody")`, under which Requests made by earlier versions of this
 * client kept their string body. Requests are now the platform's own, with nothing attached: no body travels
 * under this symbol any more.
 * @deprecated Nothing reads or writes it; read a Request's body with `await request.clone().text()`.
 */
export const REQUEST_BODY: unique symbol = Symbol.for("bucketry.requestBody") as never;

/**
 * Creates a typed openapi-fetch client for the management API. No auth here: add bucketry's `hitachiSession`
 * middleware. Redirects are not followed (`redirect: "manual"`, unless the options say otherwise): a MAPI answer
 * that points elsewhere comes back as it is, and the session's bearer token, XSRF token and cookies stay with the
 * MAPI. A request that would follow one is rebuilt by the session, which refuses the redirect.
 */
export function createClient(options: HitachiClientOptions & HitachiClientEndpoint): HitachiClient {
  const { baseUrl: _b, host: _h, scheme: _s, fetch: customFetch, ...rest } = options;
  return createLateClient<HitachiPaths>({
    redirect: "manual",
    ...rest,
    baseUrl: mapiBaseUrl(options),
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
}

export type ListUserBucketsOperation = operations["ListUserBuckets"];
