// The docs portal links each vendor to what changed in each of its releases (docs/ is built before test:repo).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VENDOR_IDS as VENDORS } from "../support/vendors.js";
import { root } from "./helpers.js";

const docs = (file: string) => readFileSync(join(root, "docs", file), "utf8");

describe("docs: what changed, per package", () => {
  it("changes.html has a section per published package, with its pending changesets", () => {
    const html = docs("changes.html");
    for (const id of [...VENDORS, "bucketry", "signing", "mocks"]) expect(html).toContain(`<section class="card" id="${id}">`);
    // The pending first-release changesets, quoted from .changeset/.
    expect(html).toContain("First release: typed client for Huawei Cloud MPC");
  });

  it.each(VENDORS)("%s: its reference page and its index card link to its section", (vendor) => {
    expect(docs(`${vendor}.html`)).toContain(`<a href="changes.html#${vendor}">What changed in each release</a>`);
    const card = docs("index.html").split(`<section class="card" id="${vendor}">`)[1]!.split("</section>")[0]!;
    expect(card).toContain(`<a href="changes.html#${vendor}">what changed in each release</a>`);
  });
});
