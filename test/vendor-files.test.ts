// scripts/vendor-files.mjs, which the generators and the registry test use to check each vendor's provider module
// and mock adapter against redocly.yaml: on a small tree of its own, each single omission or leftover gives one line
// saying what to write or add.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOCK_ADAPTER, PROVIDER_MODULE, tableIds, vendorFileProblems } from "./support/vendor-files.js";

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bucketry-vendor-files-"));
  write("packages/bucketry/src/providers/common.ts", "export const shared = 1;\n");
  write("packages/bucketry/src/providers/acme-box.ts", "export const providerModule = {};\n");
  write("packages/bucketry/src/providers/left-over.ts", "export const providerModule = {};\n");
  write("packages/mocks/src/vendors/common.ts", "export const shared = 1;\n");
  write("packages/mocks/src/vendors/acme-box.ts", "export const acmeBox: VendorAdapter = {};\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("vendorFileProblems", () => {
  it("names the file a listed vendor lacks, and the step that writes it", () => {
    expect(vendorFileProblems(dir, ["acme-box", "new-one"], MOCK_ADAPTER)).toEqual([
      'redocly.yaml lists "new-one" but packages/mocks/src/vendors/new-one.ts does not exist: write its mock adapter (CONTRIBUTING.md, "Adding a vendor", step 6)',
    ]);
  });

  it("names a vendor's module redocly.yaml does not list, and the entry to add; shared helpers are not vendors", () => {
    expect(vendorFileProblems(dir, ["acme-box"], PROVIDER_MODULE)).toEqual([
      "packages/bucketry/src/providers/left-over.ts is a provider module, but redocly.yaml has no `apis.left-over` entry: add it (root: ./specs/left-over.yaml, x-openapi-ts.output: ./packages/left-over/src/generated/schema.ts), or remove the file",
    ]);
    expect(vendorFileProblems(dir, ["acme-box", "left-over"], PROVIDER_MODULE)).toEqual([]);
  });

  it("a listed vendor's file that is not its module says so", () => {
    expect(vendorFileProblems(dir, ["common"], MOCK_ADAPTER)[0]).toMatch(/^packages\/mocks\/src\/vendors\/common\.ts is not a mock adapter/);
  });
});

describe("tableIds (the README tables with a row per vendor)", () => {
  const readme = [
    "Some text.",
    "",
    "| package | vendor API | auth |",
    "|---|---|---|",
    "| [`@bucketry/acme-box`](packages/acme-box) | Acme Box | token |",
    "| [`@bucketry/signing`](packages/signing) | all | all of the above |",
    "",
    "| provider | operations |",
    "|---|---|",
    "| `acme-box` | `listBuckets` |",
    "| `other-one` | `getBucketAcl` |",
    "",
    "After.",
  ].join("\n");

  it("reads the first column of the table under its header, linked or not, less the rows that are not vendors", () => {
    expect(tableIds(readme, "| package | vendor API |", ["signing"])).toEqual(["acme-box"]);
    expect(tableIds(readme, "| provider | operations |")).toEqual(["acme-box", "other-one"]);
  });

  it("no such table: undefined, not an empty list", () => {
    expect(tableIds(readme, "| provider | credentials |")).toBeUndefined();
  });
});
