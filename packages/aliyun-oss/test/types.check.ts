// Type-level tests: `tsc -p test/tsconfig.json` must compile this file; every @ts-expect-error must be needed.
import { createClient, type AccessControlPolicy, type BucketAcl } from "../src/index.js";

const client = createClient({ region: "cn-hangzhou", bucket: "examplebucket" });

export async function typed(): Promise<void> {
  const { data, error } = await client.GET("/", {});
  if (data) {
    const policy: AccessControlPolicy = data;
    const grant: BucketAcl = data.AccessControlList.Grant;
    const id: string = data.Owner.ID;
    void [policy, grant, id];
    // @ts-expect-error the owner id is a string (leading zeros matter)
    const n: number = data.Owner.ID;
    void n;
  }
  if (error) {
    const code: string = error.Code;
    const skew: number | undefined = error.MaxAllowedSkewMilliseconds;
    void [code, skew];
  }
  // @ts-expect-error `default` is an object ACL, not a bucket ACL
  const objectAcl: BucketAcl = "default";
  void objectAcl;
  // @ts-expect-error acl's only value is empty
  await client.GET("/", { params: { query: { acl: "x" } } });
  // @ts-expect-error GetBucketAcl is GET
  await client.PUT("/", {});
  // @ts-expect-error no such path on a bucket host
  await client.GET("/acl", {});
}

// Options read from optional config may be undefined (exactOptionalPropertyTypes): the client then uses its defaults.
declare const fromConfig: { region?: string | undefined; bucket?: string | undefined; internal?: boolean | undefined; baseUrl?: string | undefined };
createClient({ region: fromConfig.region, bucket: fromConfig.bucket, internal: fromConfig.internal, baseUrl: fromConfig.baseUrl });

// createClient has no default endpoint: `baseUrl`, or `region` and `bucket` (each missing one threw a TypeError on creation).
createClient({ baseUrl: "http://127.0.0.1:9000" });
createClient({ region: "cn-hangzhou", bucket: "examplebucket", internal: true, redirect: "follow" });
// @ts-expect-error no options: no endpoint
createClient();
// @ts-expect-error an empty object: no endpoint
createClient({});
// @ts-expect-error a region without a bucket
createClient({ region: "cn-hangzhou" });
// @ts-expect-error a bucket without a region
createClient({ bucket: "examplebucket", internal: false });
// @ts-expect-error a misspelled option is still caught
createClient({ region: "cn-hangzhou", bucket: "examplebucket", internl: true });
// An endpoint option from config that may be undefined is checked when the client is created.
createClient({ baseUrl: fromConfig.baseUrl });
createClient({ region: "cn-hangzhou", bucket: fromConfig.bucket });
