// Step 3 of "Adding a vendor" runs a new client package's scripts (`npm run generate -w @bucketry/<id>`), which
// name the vendor; without its redocly.yaml entry they stop at once. The message must say what to add, not only
// list the vendors that exist. The scripts refuse the name before reading any spec, so this touches no file.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withNetworkGuard } from "./support/guarded-child.js";

const root = join(import.meta.dirname, "..");
const ids = Object.keys((parse(readFileSync(join(root, "redocly.yaml"), "utf8")) as { apis: Record<string, unknown> }).apis);
// Not CONTRIBUTING.md's example vendor (acme-box): whoever follows that section literally adds exactly that id.
const unknown = "no-such-vendor";

describe("a script given a vendor redocly.yaml does not list", () => {
  it("the name used is one redocly.yaml does not list", () => {
    expect(ids).not.toContain(unknown);
  });

  it.each(["lint-spec.mjs", "generate-clients.mjs", "generate-mocks.mjs", "build-docs.mjs"])("%s names the redocly.yaml entry to add", (script) => {
    const r = spawnSync(process.execPath, [join("scripts", script), unknown], { cwd: root, encoding: "utf8", env: withNetworkGuard({ ...process.env, NO_COLOR: "1" }) });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`unknown vendor "${unknown}"; expected one of: ${ids.join(", ")}`);
    expect(r.stderr).toContain(`needs an \`apis.${unknown}\` entry in redocly.yaml (root: ./specs/${unknown}.yaml, x-openapi-ts.output: ./packages/${unknown}/src/generated/schema.ts`);
  });
});
