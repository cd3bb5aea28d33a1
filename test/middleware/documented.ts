// openapi-fetch middleware written the way openapi-fetch documents it — set a header, read the body with
// `await request.clone().text()`, return `new Request(request, init)`, read the answer with
// `await response.clone().json()` — on every generated client signed by @bucketry/signing, and on the facade
// (its calls and its `raw` client). The same code runs on Node (documented-middleware.test.ts) and, bundled by
// esbuild, in headless Chromium: `modules` brings the packages, `mock` what @bucketry/mocks' server tells a client.
import type { Middleware } from "openapi-fetch";

export const TRACE = "x-bucketry-trace";
export const COPY = "x-bucketry-copy";

export interface Modules {
  createBucketClient: typeof import("bucketry").createBucketClient;
  signing: typeof import("@bucketry/signing");
  clients: {
    "aliyun-ens": typeof import("@bucketry/aliyun-ens");
    "huaweicloud-mpc": typeof import("@bucketry/huaweicloud-mpc");
    "baidu-bos": typeof import("@bucketry/baidu-bos");
    "hitachi-vsp-one-object": typeof import("@bucketry/hitachi-vsp-one-object");
    "aliyun-oss": typeof import("@bucketry/aliyun-oss");
  };
}

export interface MockInfo {
  endpoints: Record<Vendor, string>;
  // Facade options per provider, as the mock server hands them out (the `fetch` option may be added).
  clientOptions: Record<Vendor, Record<string, unknown>>;
  bucket: string;
}

export type Vendor = "aliyun-ens" | "huaweicloud-mpc" | "baidu-bos" | "hitachi-vsp-one-object" | "aliyun-oss";
export const VENDORS: readonly Vendor[] = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"];

/** What one documented middleware saw of one call. */
export interface Seen {
  /** The request body, read from a clone (null: none). */
  body: string | null;
  /** The answer, read from a clone: JSON, or the text of anything else (OSS answers XML). */
  answer: unknown;
  /** The request the middleware returned was a Request of the platform's (not a look-alike). */
  platformRequest: boolean;
}

export function documentedMiddleware(seen: Seen[], tag: string): Middleware {
  let current: Seen | undefined;
  return {
    async onRequest({ request }) {
      request.headers.set(TRACE, tag);
      current = { body: request.body === null ? null : await request.clone().text(), answer: undefined, platformRequest: false };
      seen.push(current);
      const headers = new Headers(request.headers);
      headers.set(COPY, tag);
      const copy = new Request(request, { headers });
      current.platformRequest = Object.getPrototypeOf(copy) === Request.prototype;
      return copy;
    },
    async onResponse({ response }) {
      const type = response.headers.get("content-type") ?? "";
      if (current) current.answer = /json/i.test(type) ? await response.clone().json() : await response.clone().text();
      return undefined;
    },
  };
}

export interface VendorResult {
  /** Bare client: status and one field of the answer. */
  bare: string;
  bareSeen: Seen[];
  /** Facade call: one field of the normalized result. */
  facade: string;
  /** Facade's `raw` client called directly: status. */
  raw: string;
  facadeSeen: Seen[];
}

/**
 * Runs, per vendor: the bare generated client with the documented middleware registered before the signer (so
 * the signer signs the middleware's Request), and the facade with it added to `raw` (after the facade's own
 * signer: it sends a new Request after signing). `fetch` is the transport for the bare clients and the facade
 * (undefined: each one's default); `hitachiFetch` the one for Hitachi (browsers: one that sends cookies).
 */
export async function runDocumented(
  m: Modules,
  o: MockInfo,
  fetch: ((request: Request) => Promise<Response>) | undefined,
  hitachiFetch: ((request: Request) => Promise<Response>) | undefined = fetch,
): Promise<Record<Vendor, VendorResult>> {
  const out = {} as Record<Vendor, VendorResult>;
  const withFetch = <T extends object>(options: T, f = fetch): T => (f ? { ...options, fetch: f } : options);
  const creds = (v: Vendor) => o.clientOptions[v]!.credentials as never;

  for (const v of VENDORS) {
    const bareSeen: Seen[] = [];
    const facadeSeen: Seen[] = [];
    const mw = documentedMiddleware(bareSeen, `bare-${v}`);
    const facade = m.createBucketClient(withFetch(o.clientOptions[v], v === "hitachi-vsp-one-object" ? hitachiFetch : fetch) as never) as {
      raw: { use(m: Middleware): void };
    };
    facade.raw.use(documentedMiddleware(facadeSeen, `facade-${v}`));
    let bare: string;
    let result: string;
    let raw: string;
    if (v === "aliyun-ens") {
      const c = m.clients[v].createClient(withFetch({ baseUrl: o.endpoints[v] }));
      c.use(mw, m.signing.acs3Signer({ credentials: creds(v) }));
      const r = await c.POST("/", { params: { query: { PageSize: "3" } } });
      bare = `${r.response.status} ${r.data?.BucketInfos?.length}`;
      const f = facade as unknown as import("bucketry").BucketClientFor<"aliyun-ens">;
      result = (await f.listBucketsPage({ pageSize: 2 })).buckets.map((b) => typeof b.name).join(",");
      raw = String((await f.raw.POST("/", { params: { query: { PageSize: "1" } } })).response.status);
    } else if (v === "huaweicloud-mpc") {
      const projectId = o.clientOptions[v]!.projectId as string;
      const c = m.clients[v].createClient(withFetch({ baseUrl: o.endpoints[v] }));
      c.use(mw, m.signing.sdkHmacSha256Signer({ credentials: creds(v), projectId }));
      const r = await c.GET("/v1/{project_id}/buckets", { params: { path: { project_id: projectId } } });
      bare = `${r.response.status} ${Array.isArray(r.data?.buckets)}`;
      const f = facade as unknown as import("bucketry").BucketClientFor<"huaweicloud-mpc">;
      result = (await f.listBucketsPage({})).buckets.slice(0, 2).map((b) => typeof b.name).join(",");
      raw = String((await f.raw.GET("/v1/{project_id}/buckets", { params: { path: { project_id: projectId } } })).response.status);
    } else if (v === "baidu-bos") {
      const c = m.clients[v].createClient(withFetch({ baseUrl: o.endpoints[v] }));
      c.use(mw, m.signing.bceV1Signer({ credentials: creds(v) }));
      const r = await c.GET("/v1/{bucketName}", { params: { path: { bucketName: o.bucket } } });
      bare = `${r.response.status} ${typeof r.data?.owner?.id}`;
      const f = facade as unknown as import("bucketry").BucketClientFor<"baidu-bos">;
      result = typeof (await f.getBucketAcl(o.bucket)).acl;
      raw = String((await f.raw.GET("/v1/{bucketName}", { params: { path: { bucketName: o.bucket } } })).response.status);
    } else if (v === "hitachi-vsp-one-object") {
      const baseUrl = o.endpoints[v];
      const c = m.clients[v].createClient(withFetch({ baseUrl }, hitachiFetch));
      c.use(mw, m.signing.hitachiSession(withFetch({ baseUrl, credentials: creds(v) }, hitachiFetch)));
      const r = await c.POST("/v1/user/list_buckets", { body: { id: 1, count: 3 } });
      const page = r.data as { buckets?: unknown[] } | undefined;
      bare = `${r.response.status} ${Array.isArray(page?.buckets)}`;
      const f = facade as unknown as import("bucketry").BucketClientFor<"hitachi-vsp-one-object">;
      result = (await f.listBucketsPage({ userId: 1, pageSize: 2 })).buckets.map((b) => typeof b.name).join(",");
      raw = String((await f.raw.POST("/v1/user/list_buckets", { body: { id: 1, count: 1 } })).response.status);
    } else {
      const region = o.clientOptions[v]!.region as string;
      const c = m.clients[v].createClient(withFetch({ baseUrl: `${o.endpoints[v]}/${o.bucket}` }));
      c.use(mw, m.signing.ossV4Signer({ credentials: creds(v), region, bucket: o.bucket, addressing: "path" }));
      const r = await c.GET("/", {});
      bare = `${r.response.status} ${r.data?.AccessControlList?.Grant !== undefined}`;
      const f = facade as unknown as import("bucketry").BucketClientFor<"aliyun-oss">;
      result = typeof (await f.getBucketAcl(o.bucket)).acl;
      raw = String((await f.raw.GET("/", { baseUrl: `${o.endpoints[v]}/${o.bucket}` })).response.status);
    }
    out[v] = { bare, bareSeen, facade: result, raw, facadeSeen };
  }
  return out;
}
