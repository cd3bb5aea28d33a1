// Type-level tests: `tsc -p test/tsconfig.json` must compile this file; every @ts-expect-error must be needed.
import { createClient, type ObsBucket } from "../src/index.js";

const client = createClient({ region: "cn-north-4" });

export async function typed(): Promise<void> {
  const { data, error } = await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "p" } } });
  if (data) {
    // @ts-expect-error buckets may be absent (the SDKs declare it omitempty)
    void data.buckets[0];
    const first: ObsBucket | undefined = data.buckets?.[0];
    const created: string | number | undefined = first?.creation_date;
    const authorized: 0 | 1 | undefined = first?.is_authorized;
    void [created, authorized];
    // @ts-expect-error is_authorized is 0 | 1, not boolean
    const flag: boolean | undefined = first?.is_authorized;
    void flag;
  }
  if (error) {
    const code: string = error.error_code;
    void code;
  }
  // @ts-expect-error project_id is required
  await client.GET("/v1/{project_id}/buckets", { params: { path: {} } });
  // @ts-expect-error wrong path parameter name
  await client.GET("/v1/{project_id}/buckets", { params: { path: { projectId: "p" } } });
  // @ts-expect-error the operation has no query parameters
  await client.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "p" }, query: { limit: 1 } } });
  // @ts-expect-error MPC lists buckets with GET only
  await client.POST("/v1/{project_id}/buckets", { params: { path: { project_id: "p" } } });
}

// Options read from optional config may be undefined (exactOptionalPropertyTypes): the client then uses its defaults.
declare const fromConfig: { region?: string | undefined; baseUrl?: string | undefined };
createClient({ region: fromConfig.region, baseUrl: fromConfig.baseUrl });
