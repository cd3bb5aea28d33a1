// MPC where the platform has no IAM project-id lookup (a browser, a Worker: the package's "#credential-defaults"
// resolves to defaults-web there): the error said to set HUAWEICLOUD_SDK_PROJECT_ID, an environment those
// platforms do not have.
import { describe, expect, it, vi } from "vitest";

vi.mock("#credential-defaults", () => import("../src/credentials/defaults-web.js"));

describe("huaweicloud-mpc without projectId, on a platform without the IAM lookup", () => {
  it("says projectId is required there and why, not to set an environment variable", async () => {
    const { createBucketClient } = await import("../src/index.js");
    let sent = 0;
    const client = createBucketClient({
      provider: "huaweicloud-mpc",
      region: "cn-north-4",
      credentials: { accessKeyId: "HWAK", accessKeySecret: "hw-secret" },
      fetch: async () => {
        sent++;
        return new Response("{}");
      },
      retry: false,
    });
    const err = await client.listBucketsPage().then(
      () => undefined,
      (e: unknown) => e as Error & { kind?: string },
    );
    expect(err).toMatchObject({ kind: "Configuration", message: "huaweicloud-mpc: `projectId` is required on this platform: the project id is looked up from IAM on Node, Deno and Bun only (pass projectId)" });
    expect(sent).toBe(0);
  });
});
