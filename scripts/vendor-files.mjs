// The hand-written files each redocly.yaml vendor has in the facade and the mocks, checked both ways: a vendor
// without its file, and a file of a vendor redocly.yaml does not list (which no generated list imports, so it
// would sit unused and untested). Each problem is one line saying what to write or add. Read by the generators
// (generate-registry.mjs, generate-mocks.mjs), which stop on a problem before judging what they generate, and by
// test/registry.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @typedef {object} VendorFileKind
 * @property {string} what What the file is, for messages ("provider module").
 * @property {string} dir Its folder, relative to the repo root.
 * @property {RegExp} marker Marks a vendor's own module, as against the folder's shared helpers (common.ts, mapping.ts).
 * @property {string} step The step of CONTRIBUTING.md's "Adding a vendor" that writes it.
 */

/** @type {VendorFileKind} */
export const PROVIDER_MODULE = { what: "provider module", dir: "packages/bucketry/src/providers", marker: /^export const providerModule\b/m, step: "step 5" };
/** @type {VendorFileKind} */
export const MOCK_ADAPTER = { what: "mock adapter", dir: "packages/mocks/src/vendors", marker: /^export const \w+: VendorAdapter\b/m, step: "step 6" };

/**
 * One line per vendor without its file and per vendor file redocly.yaml does not list; [] when they agree.
 * @param {string} root the repo root
 * @param {readonly string[]} ids redocly.yaml's vendor ids
 * @param {VendorFileKind} kind
 * @returns {string[]}
 */
export function vendorFileProblems(root, ids, kind) {
  const problems = [];
  for (const id of ids) {
    const file = `${kind.dir}/${id}.ts`;
    if (!existsSync(join(root, file))) problems.push(`redocly.yaml lists "${id}" but ${file} does not exist: write its ${kind.what} (CONTRIBUTING.md, "Adding a vendor", ${kind.step})`);
    else if (!kind.marker.test(readFileSync(join(root, file), "utf8"))) problems.push(`${file} is not a ${kind.what}: it must match ${kind.marker} (CONTRIBUTING.md, "Adding a vendor", ${kind.step})`);
  }
  const dir = join(root, kind.dir);
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const id = name.replace(/\.ts$/, "");
    if (name === id || name.endsWith(".d.ts") || ids.includes(id)) continue;
    if (kind.marker.test(readFileSync(join(dir, name), "utf8"))) {
      problems.push(`${kind.dir}/${name} is a ${kind.what}, but redocly.yaml has no \`apis.${id}\` entry: add it (root: ./specs/${id}.yaml, x-openapi-ts.output: ./packages/${id}/src/generated/schema.ts), or remove the file`);
    }
  }
  return problems;
}
