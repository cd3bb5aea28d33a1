// The Try-it page list (TRY_IT in scripts/try-it-pages.mjs) is kept by hand beside the specs: a spec change that
// adds an operation is named by the docs build as a page to add, and one that removes or renames an operation a page
// names fails the build with a message that says which list to change.
import { describe, expect, it } from "vitest";
import { spec, vendors } from "../scripts/spec-cards.mjs";
import { TRY_IT, tryItConfig, withoutTryIt } from "../scripts/try-it-pages.mjs";

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };
const copy = (doc: Doc): Doc => structuredClone(doc);
const providerModule = { operation: "listBuckets", env: {} };

describe("Try-it pages against the specs", () => {
  it("names an operation a spec gained that has no page, and nothing for the specs as they are", () => {
    for (const vendor of vendors() as string[]) {
      const doc = copy(spec(vendor));
      expect(withoutTryIt(vendor, doc), vendor).toEqual([]);
      doc.paths["/added"] = { get: { operationId: "AddedOperation" } };
      expect(withoutTryIt(vendor, doc), vendor).toEqual(["AddedOperation"]);
    }
  });

  it("refuses a page whose operation the spec no longer has, naming TRY_IT and the vendor", () => {
    const vendor = "aliyun-ens";
    const page = TRY_IT[vendor][1];
    const doc = copy(spec(vendor));
    for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) if (op?.operationId === page.operationId) op.operationId = "Renamed";
    expect(() => tryItConfig(vendor, doc, providerModule, page)).toThrow(
      `try-it: the aliyun-ens page ${page.operationId} in TRY_IT (scripts/try-it-pages.mjs) no longer matches the aliyun-ens spec: no operation ${page.operationId} in the spec (removed or renamed?); change or remove that entry`,
    );
  });

  it("refuses a page field the operation no longer has, naming TRY_IT", () => {
    const vendor = "aliyun-ens";
    const page = { ...TRY_IT[vendor][0], fields: [...TRY_IT[vendor][0].fields, ["query", "Gone", "gone"]] };
    expect(() => tryItConfig(vendor, spec(vendor), providerModule, page)).toThrow(/in TRY_IT \(scripts\/try-it-pages\.mjs\) no longer matches the aliyun-ens spec: ListBuckets has no query parameter Gone; change or remove that entry$/);
  });
});
