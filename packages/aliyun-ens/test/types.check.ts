// Type-level tests: `tsc -p test/tsconfig.json` must compile this file; every @ts-expect-error must be needed.
import { createClient, type BucketAcl, type BucketInfo } from "../src/index.js";

const client = createClient();

export async function typed(): Promise<void> {
  const { data, error } = await client.POST("/", { params: { query: { Prefix: "img", PageSize: "10", PageNumber: 2 } } });
  if (data) {
    const total: number | undefined = data.TotalCount;
    const infos: BucketInfo[] | undefined = data.BucketInfos;
    const acl: BucketAcl | undefined = infos?.[0]?.BucketAcl;
    const requestId: string = data.RequestId;
    void [total, infos, acl, requestId];
    // @ts-expect-error TotalCount is a number
    const s: string | undefined = data.TotalCount;
    void s;
  }
  if (error) {
    const code: string = error.Code;
    void code;
  }
  await client.POST("/", {});
  // @ts-expect-error unknown query parameter (parameter names are case-sensitive)
  await client.POST("/", { params: { query: { prefix: "img" } } });
  // @ts-expect-error PageSize is a number or a numeric string, not a boolean
  await client.POST("/", { params: { query: { PageSize: true } } });
  // @ts-expect-error Action is fixed to ListBuckets
  await client.POST("/", { params: { query: { Action: "DeleteBucket" } } });
  // @ts-expect-error ENS RPC lives at "/"
  await client.POST("/buckets", {});
}

// Options read from optional config may be undefined (exactOptionalPropertyTypes): the client then uses its defaults.
declare const fromConfig: { region?: string | undefined; baseUrl?: string | undefined; actionAndVersion?: "query" | "headers" | undefined };
createClient({ region: fromConfig.region, baseUrl: fromConfig.baseUrl, actionAndVersion: fromConfig.actionAndVersion });
