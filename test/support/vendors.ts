// The vendor ids in redocly.yaml's order (the vendor registry). A test that covers "every vendor" iterates
// these, so a vendor added to the registry is covered without editing the test.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const VENDOR_IDS: readonly string[] = Object.keys(
  (parse(readFileSync(new URL("../../redocly.yaml", import.meta.url), "utf8")) as { apis: Record<string, unknown> }).apis,
);
