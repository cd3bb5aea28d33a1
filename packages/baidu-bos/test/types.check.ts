// Type-level tests: `tsc -p test/tsconfig.json` must compile this file; every @ts-expect-error must be needed.
import { createClient, type Grant, type Permission } from "../src/index.js";

const client = createClient({ region: "bj" });

export async function typed(): Promise<void> {
  const { data, error } = await client.GET("/v1/{bucketName}", { params: { path: { bucketName: "b" } } });
  if (data) {
    const owner: string = data.owner.id;
    const grants: Grant[] = data.accessControlList;
    const ids: string[] | undefined = grants[0]?.grantee.map((g) => g.id);
    const perms: string[] | undefined = grants[0]?.permission;
    void [owner, ids, perms];
    // @ts-expect-error grantee is a list, not one object
    const one: { id: string } | undefined = grants[0]?.grantee;
    void one;
  }
  if (error) {
    const id: string = error.requestId;
    void id;
  }
  const p: Permission = "FULL_CONTROL";
  // @ts-expect-error not a documented permission literal
  const q: Permission = "OWNER";
  void [p, q];
  // @ts-expect-error bucketName is required
  await client.GET("/v1/{bucketName}", { params: { path: {} } });
  // @ts-expect-error acl's only value is empty
  await client.GET("/v1/{bucketName}", { params: { path: { bucketName: "b" }, query: { acl: "private" } } });
  // @ts-expect-error no such path
  await client.GET("/v2/{bucketName}", { params: { path: { bucketName: "b" } } });
}

// Options read from optional config may be undefined (exactOptionalPropertyTypes): the client then uses its defaults.
declare const fromConfig: { region?: string | undefined; bucket?: string | undefined; baseUrl?: string | undefined };
createClient({ region: fromConfig.region, bucket: fromConfig.bucket, baseUrl: fromConfig.baseUrl });
