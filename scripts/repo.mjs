// Shared facts about the repo layout for the scripts: the vendor list comes from redocly.yaml.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const redoclyConfigPath = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

/** `{ vendor: { spec, output } }`, paths relative to the repo root. */
export function apis() {
  const config = parse(readFileSync(redoclyConfigPath, "utf8"));
  return Object.fromEntries(
    Object.entries(config.apis).map(([name, api]) => [
      name,
      { spec: api.root.replace(/^\.\//, ""), output: api["x-openapi-ts"].output.replace(/^\.\//, "") },
    ]),
  );
}

/** Vendors named on the command line (default: all), rejecting unknown ones with the known list. */
export function selectVendors(args) {
  const all = apis();
  const names = args.filter((a) => !a.startsWith("--"));
  for (const n of names) {
    if (!all[n]) {
      console.error(`unknown vendor "${n}"; expected one of: ${Object.keys(all).join(", ")}`);
      process.exit(2);
    }
  }
  return names.length ? names : Object.keys(all);
}
