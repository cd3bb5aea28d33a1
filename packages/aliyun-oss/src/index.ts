// @bucketry/aliyun-oss: typed client for Alibaba Cloud OSS GetBucketAcl, with XML bodies read into the
// spec's types. Types come from specs/aliyun-oss.yaml via src/generated/ (generated; never edited).
import type { Client, ClientOptions, Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { checkBaseUrl } from "./generated/base-url.js";
import { createLateClient } from "./generated/late-client.js";
import { requireSubresource } from "./generated/query-param.js";
import { xmlShapes } from "./generated/xml-shapes.js";
import { readXml, type XmlShape } from "./xml.js";

export type { components, operations, paths } from "./generated/schema.js";
export { readXml, XmlBodyError, type XmlDocument, type XmlReadOptions, type XmlShape } from "./xml.js";
export { xmlShapes };

type Schemas = components["schemas"];
export type AccessControlPolicy = Schemas["AccessControlPolicy"];
export type AccessControlList = Schemas["AccessControlList"];
export type Owner = Schemas["Owner"];
export type BucketAcl = Schemas["BucketAcl"];
/** The `<Error>` body, with its root element unwrapped. */
export type ErrorResponse = Schemas["ErrorResponse"];

type PartialKeys<T, K extends PropertyKey> = Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>;
type WithAclFilled<Op> = Op extends { parameters: infer P extends { query?: unknown } }
  ? Omit<Op, "parameters"> & { parameters: Omit<P, "query"> & { query?: PartialKeys<NonNullable<P["query"]>, "acl"> } }
  : Op;

/** `paths` as this client accepts them: the empty-valued `acl` sub-resource is added by the client. */
export type OssPaths = { [P in keyof paths]: { [M in keyof paths[P]]: WithAclFilled<paths[P][M]> } };
export type OssClient = Client<OssPaths>;

export interface OssClientOptions extends Omit<ClientOptions, "baseUrl" | "querySerializer"> {
  /** Plain region id, e.g. `cn-hangzhou` (the host uses `oss-cn-hangzhou`). */
  region?: string | undefined;
  /**
   * The bucket; OSS addresses it virtual-hosted: `https://{bucket}.oss-{region}.aliyuncs.com`. An existing
   * bucket's name: a-z, 0-9, "-" and "_" (an older bucket's), 3-63 characters, no leading or trailing "-".
   */
  bucket?: string | undefined;
  /** Use the region's internal (VPC) endpoint `oss-{region}-internal.aliyuncs.com`. */
  internal?: boolean | undefined;
  /** Overrides the endpoint (a proxy, a mock, a CNAME); used as given: `region`, `bucket` and `internal` are not read. */
  baseUrl?: string | undefined;
}

/**
 * What `createClient` cannot do without: `baseUrl`, or `region` and `bucket` (there is no default endpoint). A value
 * read from config may be typed `string | undefined`; it is checked when the client is created.
 */
export type OssClientEndpoint = { baseUrl: string | undefined } | { region: string | undefined; bucket: string | undefined };

const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;
/**
 * An existing bucket's name, as ali-oss (the official Node SDK) checks it for every request naming a bucket: 3-63
 * characters of a-z, 0-9, "-" and "_", not starting or ending with "-". Its creation rule, the documented one,
 * has no "_"; buckets named before that rule keep theirs.
 */
const BUCKET = /^[a-z0-9_][a-z0-9_-]{1,61}[a-z0-9_]$/;

/** A value for a message: a string quoted and cut (a long one may be a whole config pasted), else its type. */
const shown = (value: unknown) => (typeof value === "string" ? `${JSON.stringify(value.slice(0, 60))}${value.length > 60 ? "…" : ""}` : `a value of type ${typeof value}`);

export function ossEndpoint(region: string, bucket: string, internal = false): string {
  const plain = typeof region === "string" ? region.replace(/^oss-/, "") : "";
  if (!REGION.test(plain)) throw new TypeError(`@bucketry/aliyun-oss: ${shown(region)} is not a region id like cn-hangzhou`);
  if (typeof bucket !== "string" || !BUCKET.test(bucket)) {
    throw new TypeError(`@bucketry/aliyun-oss: ${shown(bucket)} is not a valid bucket name (3-63 characters: a-z, 0-9, "-", "_"; no leading or trailing "-")`);
  }
  // A boolean only: the string "false" (from a config file) read as true picked the VPC endpoint.
  if (typeof internal !== "boolean") throw new TypeError(`@bucketry/aliyun-oss: internal must be true or false, got ${typeof internal === "string" ? `"${internal}"` : typeof internal}`);
  return `https://${bucket}.oss-${plain}${internal ? "-internal" : ""}.aliyuncs.com`;
}

/** OSS sub-resources are bare keys (`?acl`, never `acl=`); `acl` leads, other parameters follow encoded. */
export function serializeOssQuery(query: Record<string, unknown> = {}): string {
  const parts = ["acl"];
  for (const [key, value] of Object.entries(query)) {
    if (key === "acl" || value === undefined || value === null) continue;
    parts.push(value === "" ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.join("&");
}

/** Response header set by `xmlBodies()`: the name of the XML root element the JSON body was read from. */
export const XML_ROOT_HEADER = "x-bucketry-xml-root";

/**
 * Middleware that turns XML bodies (success and `<Error>`) into JSON with the spec's shapes, so
 * openapi-fetch hands back typed `data` / `error`. A body that is not well-formed XML rejects the call
 * with an `XmlBodyError`, as does a success body with a number or boolean element that is not one; in an error
 * body (any status but 2xx) such an element is left out, so the `<Error>` keeps its code and message.
 */
export function xmlBodies(shapes: { readonly [root: string]: XmlShape } = xmlShapes): Middleware {
  return {
    async onResponse({ response }) {
      const type = response.headers.get("content-type") ?? "";
      if (!/[/+]xml\b/i.test(type) || response.status === 204 || response.status === 304) return undefined;
      const text = await response.text();
      const headers = new Headers(response.headers);
      headers.set("content-type", "application/json");
      headers.delete("content-length");
      if (text.trim() === "") return new Response(null, { status: response.status, statusText: response.statusText, headers });
      const { root, value } = readXml(text, shapes, { lenient: !response.ok });
      // The unwrapped root's name, so a caller can tell `<AccessControlPolicy>` from an `<Error>` in a 2xx.
      headers.set(XML_ROOT_HEADER, root);
      return new Response(JSON.stringify(value), { status: response.status, statusText: response.statusText, headers });
    },
  };
}

/**
 * Creates a typed openapi-fetch client. No auth here: add bucketry's `ossV4Signer` (or `ossV1Signer`). Redirects
 * are not followed (`redirect: "manual"`, unless the options say otherwise): a 3xx comes back as it is in
 * `response`.
 */
export function createClient(options: OssClientOptions & OssClientEndpoint): OssClient {
  const { region, bucket, internal, baseUrl, fetch: customFetch, ...rest } = options;
  let base = baseUrl ? checkBaseUrl("@bucketry/aliyun-oss", baseUrl) : undefined;
  if (!base) {
    if (!region || !bucket) throw new TypeError("@bucketry/aliyun-oss: pass `region` and `bucket` (or `baseUrl`)");
    base = ossEndpoint(region, bucket, internal);
  }
  const client = createLateClient<OssPaths>({
    // A signed request or token goes nowhere a redirect points; a 3xx comes back as it is. The caller may
    // ask for "follow"; bucketry's signers then still send "manual".
    redirect: "manual",
    ...rest,
    baseUrl: base,
    querySerializer: serializeOssQuery,
    // Late-bound: openapi-fetch would otherwise capture globalThis.fetch at creation, before MSW patches it.
    fetch: customFetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  // `?acl` even under a per-call querySerializer (which replaces serializeOssQuery).
  client.use(requireSubresource("acl"), xmlBodies());
  return client;
}

export type GetBucketAclOperation = operations["GetBucketAcl"];
