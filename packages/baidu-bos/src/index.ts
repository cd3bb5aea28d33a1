// @bucketry/baidu-bos: typed client for Baidu AI Cloud BOS's get-bucket-ACL.
// Types come from specs/baidu-bos.yaml via src/generated/schema.ts (generated; never edited).
import type { Client, ClientOptions, Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { checkBaseUrl } from "./generated/base-url.js";
import { createLateClient } from "./generated/late-client.js";
import { requireSubresource } from "./generated/query-param.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];
export type GetBucketAclResponse = Schemas["GetBucketAclResponse"];
export type Owner = Schemas["Owner"];
/** One `accessControlList` entry: grantees and permissions are both lists. Grantee id `*` is everyone. */
export type Grant = Schemas["Grant"];
export type Grantee = Schemas["Grantee"];
export type Permission = Schemas["Permission"];
export type ErrorResponse = Schemas["ErrorResponse"];

type PartialKeys<T, K extends PropertyKey> = Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>;
type WithAclFilled<Op> = Op extends { parameters: infer P extends { query?: unknown } }
  ? Omit<Op, "parameters"> & { parameters: Omit<P, "query"> & { query?: PartialKeys<NonNullable<P["query"]>, "acl"> } }
  : Op;

/** `paths` as this client accepts them: the empty-valued `acl` sub-resource is added by the client. */
export type BosPaths = { [P in keyof paths]: { [M in keyof paths[P]]: WithAclFilled<paths[P][M]> } };
export type BosClient = Client<BosPaths>;

export const BOS_REGIONS = ["bj", "bd", "su", "gz", "cd", "yq", "hkg", "fwh", "fsh"] as const;
export type BosRegion = (typeof BOS_REGIONS)[number];

export interface BosClientOptions extends Omit<ClientOptions, "baseUrl" | "querySerializer"> {
  /** Region short name (`bj`, `gz`, …); the endpoint is `https://{region}.bcebos.com`. Default `bj`. */
  region?: BosRegion | (string & {}) | undefined;
  /**
   * Address one bucket virtual-hosted style (`https://{bucket}.{region}.bcebos.com`, call `GET /`).
   * Needed for buckets created after 2024-06-01, which official domains no longer serve path-style.
   * Without it the client is path-style (`GET /v1/{bucketName}`), the API page's form.
   */
  bucket?: string | undefined;
  /**
   * Overrides the endpoint (a proxy, a mock, a private cloud), used as given: `region` and `bucket` are then not
   * read, so a virtual-hosted bucket goes in the URL itself (`https://{bucket}.{region}.bcebos.com`).
   */
  baseUrl?: string | undefined;
}

/** BOS bucket names: 3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit. */
const BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

const badBucket = (bucket: unknown) =>
  new TypeError(`@bucketry/baidu-bos: ${typeof bucket === "string" ? `${JSON.stringify(bucket.slice(0, 60))}${bucket.length > 60 ? "…" : ""}` : `a value of type ${typeof bucket}`} is not a valid bucket name (3-63 characters: a-z, 0-9, "-"; no leading or trailing "-")`);

export function bosEndpoint(region: string, bucket?: string): string {
  if (!/^[a-z]{2,4}$/.test(region)) throw new TypeError(`@bucketry/baidu-bos: "${region}" is not a BOS region like bj or gz`);
  // The bucket becomes the host's first label: anything else ("evil.example#", "a/b") would move the signed
  // request to another host.
  if (bucket !== undefined && bucket !== "" && !BUCKET.test(bucket)) throw badBucket(bucket);
  return `https://${bucket ? `${bucket}.` : ""}${region}.bcebos.com`;
}

/**
 * Middleware that refuses, before any request, a path-style `bucketName` the URL cannot carry: URL normalization
 * removes a `..` or `.` segment (`/v1/..?acl` goes out as `/?acl`, another operation, signed as such), and an
 * empty one leaves `/v1/`. BOS's rule refuses all three (bce-sdk-go checks it before sending: SendRequest →
 * isValidBucketName); other names are sent as given, as every path parameter is.
 */
const bucketNameChecked: Middleware = {
  onRequest({ params }) {
    const name = (params as { path?: { bucketName?: unknown } }).path?.bucketName;
    if (name === "" || name === "." || name === "..") throw badBucket(name);
    return undefined;
  },
};

/**
 * BOS sub-resources are bare keys (`?acl`). Every documented operation of this client is an `acl`
 * read, so `acl` always leads the query; other parameters follow, RFC 3986-encoded.
 */
export function serializeBosQuery(query: Record<string, unknown> = {}): string {
  const parts = ["acl"];
  for (const [key, value] of Object.entries(query)) {
    if (key === "acl" || value === undefined || value === null) continue;
    parts.push(value === "" ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.join("&");
}

/**
 * Creates a typed openapi-fetch client. No auth here: add bucketry's `bceV1Signer`. Redirects are not followed
 * (`redirect: "manual"`, unless the options say otherwise): a 3xx comes back as it is in `response`.
 */
export function createClient(options: BosClientOptions = {}): BosClient {
  const { region, bucket, baseUrl, fetch: customFetch, ...rest } = options;
  const client = createLateClient<BosPaths>({
    // A signed request or token goes nowhere a redirect points; a 3xx comes back as it is. The caller may
    // ask for "follow"; bucketry's signers then still send "manual".
    redirect: "manual",
    ...rest,
    baseUrl: baseUrl ? checkBaseUrl("@bucketry/baidu-bos", baseUrl) : bosEndpoint(region ?? "bj", bucket),
    querySerializer: serializeBosQuery,
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  // `?acl` even under a per-call querySerializer (which replaces serializeBosQuery).
  client.use(bucketNameChecked, requireSubresource("acl"));
  return client;
}

export type GetBucketAclOperation = operations["GetBucketAcl"];
