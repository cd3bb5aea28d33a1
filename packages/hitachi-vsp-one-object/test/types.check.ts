// Type-level tests: `tsc -p test/tsconfig.json` must compile this file; every @ts-expect-error must be needed.
import { createClient, type ListUserBucketsRequest, type ListUserBucketsResult, type UserBucket } from "../src/index.js";

const client = createClient({ baseUrl: "https://cluster:9099/mapi" });

export async function typed(): Promise<void> {
  const { data } = await client.POST("/v1/user/list_buckets", { body: { id: 1, count: 10, pageToken: "t" } });
  if (data && !Array.isArray(data)) {
    const buckets: UserBucket[] | undefined = data.buckets;
    const id: number | string | undefined = buckets?.[0]?.bucketId;
    const name: string | undefined = buckets?.[0]?.bucketName;
    const token: string | undefined = data.pageToken;
    void [id, name, token];
    // @ts-expect-error bucketId is number | string, never a boolean
    const wrong: boolean | undefined = buckets?.[0]?.bucketId;
    void wrong;
  }
  const legacy: ListUserBucketsResult = [{ bucketId: "uuid", bucketName: "b" }];
  void legacy;

  // @ts-expect-error `id` is required
  await client.POST("/v1/user/list_buckets", { body: { count: 10 } });
  // @ts-expect-error `count` is a number
  await client.POST("/v1/user/list_buckets", { body: { id: 1, count: "10" } });
  // @ts-expect-error unknown body field (excess property check on the exported request type)
  const badBody: ListUserBucketsRequest = { id: 1, userId: 1 };
  void badBody;
  // @ts-expect-error list_buckets is POST-only
  await client.GET("/v1/user/list_buckets");
  // @ts-expect-error unknown path
  await client.POST("/v1/user/list_bucket", { body: { id: 1 } });
  await client.GET("/v1/csrf");
}

// Options read from optional config may be undefined (exactOptionalPropertyTypes): the client then uses its defaults.
declare const fromConfig: { baseUrl?: string | undefined; host?: string | undefined; scheme?: "https" | "http" | undefined };
createClient({ baseUrl: fromConfig.baseUrl, host: fromConfig.host, scheme: fromConfig.scheme });

// createClient has no default endpoint: `baseUrl` or `host` (an object with neither threw a TypeError on creation).
createClient({ host: "cluster:9099", scheme: "http" });
// @ts-expect-error an empty object: no endpoint
createClient({});
// @ts-expect-error a scheme is no endpoint
createClient({ scheme: "https" });
// @ts-expect-error a misspelled option is still caught
createClient({ baseUrl: "https://cluster:9099/mapi", hots: "x" });
// An endpoint option from config that may be undefined is checked when the client is created.
createClient({ baseUrl: fromConfig.baseUrl });
createClient({ host: fromConfig.host, scheme: "http" });
