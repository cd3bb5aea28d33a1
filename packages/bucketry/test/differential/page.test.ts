// Every difference the differential suites accept is on the docs portal's "Differences from the official SDKs"
// page (docs-src/differences.html), with the counts of calls each suite compares.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const page = readFileSync(fileURLToPath(new URL("../../../../docs-src/differences.html", import.meta.url)), "utf8");

describe("the differences page", () => {
  it("names each accepted difference and each fix (by id) the suites rely on", () => {
    const ids = [...page.matchAll(/ id="([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(
      ["bos-bucket-domain", "bos-bucket-domain-explicit", "bos-custom-host", "bos-default-scheme", "bos-other-bucket-domain", "bos-path-prefix", "bos-signed-headers", "ens-accept", "ens-format-case", "ens-pop-form-body", "ens-rpc-accept", "ens-singapore", "mpc-content-type", "oss-bos-endpoint", "oss-bos-endpoint-path", "oss-bucket-domain-endpoint", "oss-ip-endpoint"].sort(),
    );
  });

  it("gives the number of calls compared per vendor and SDK", () => {
    for (const [sdk, calls] of [["ali-oss", 64], ["@baiducloud/sdk", 72], ["@alicloud/openapi-core", 60], ["@huaweicloud/huaweicloud-sdk-core", 60], ["@alicloud/pop-core", 29]] as const) {
      expect(page).toMatch(new RegExp(`<code>${sdk.replace(/[/.]/g, "\\$&")}</code>[^<]*(<[^>]+>[^<]*)*?</td><td>${calls}</td>`));
    }
  });
});
