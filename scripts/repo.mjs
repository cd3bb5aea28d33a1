// Shared facts about the repo layout for the scripts: the vendor list comes from redocly.yaml.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The keys of an OpenAPI path item that are operations. */
export const OPERATION_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

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
      // A client package's lint/generate/docs script names its vendor: the usual cause is a new package whose
      // registry entry is not written yet, so say what to add, not only what is known.
      console.error(
        `unknown vendor "${n}"; expected one of: ${Object.keys(all).join(", ")}.\n` +
          `A new vendor needs an \`apis.${n}\` entry in redocly.yaml (root: ./specs/${n}.yaml, x-openapi-ts.output: ./packages/${n}/src/generated/schema.ts; CONTRIBUTING.md, "Adding a vendor", step 2)`,
      );
      process.exit(2);
    }
  }
  return names.length ? names : Object.keys(all);
}

/**
 * Writes generated `[path, text]` files, or with `check` compares them with what is on disk and reports
 * each one that differs. Returns the number of stale files (always 0 when writing).
 */
export function writeOrCheck(files, check, source = "") {
  let stale = 0;
  for (const [file, expected] of files) {
    const target = join(root, file);
    if (check) {
      let actual = null;
      try {
        actual = readFileSync(target, "utf8");
      } catch {}
      if (actual !== expected) {
        stale++;
        console.error(`${file} is stale or was edited by hand: run \`npm run generate\`${source ? ` (source: ${source})` : ""}`);
      }
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, expected);
      console.log(`generated ${file}${source ? ` from ${source}` : ""}`);
    }
  }
  return stale;
}
