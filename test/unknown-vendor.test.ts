// Step 3 of "Adding a vendor" runs a new client package's scripts (`npm run generate -w @bucketry/<id>`), which
// name the vendor; without its redocly.yaml entry they stop at once. The message must say what to add, not only
// list the vendors that exist. The scripts refuse the name before reading any spec, so this touches no file.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withNetworkGuard } from "./support/guarded-child.js";

const root = join(import.meta.dirname, "..");

describe("a script given a vendor redocly.yaml does not list", () => {
  it.each(["lint-spec.mjs", "generate-clients.mjs", "generate-mocks.mjs", "build-docs.mjs"])("%s names the redocly.yaml entry to add", (script) => {
    const r = spawnSync(process.execPath, [join("scripts", script), "acme-box"], { cwd: root, encoding: "utf8", env: withNetworkGuard({ ...process.env, NO_COLOR: "1" }) });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('unknown vendor "acme-box"; expected one of: aliyun-ens');
    expect(r.stderr).toContain("needs an `apis.acme-box` entry in redocly.yaml (root: ./specs/acme-box.yaml, x-openapi-ts.output: ./packages/acme-box/src/generated/schema.ts");
  });
});
