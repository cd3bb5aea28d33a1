// The hand-written files each redocly.yaml vendor has in the facade and the mocks, checked both ways: a vendor
// without its file, and a file of a vendor redocly.yaml does not list (which no generated list imports, so it
// would sit unused and untested). Each problem is one line saying what to write or add (test/registry.test.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface VendorFileKind {
  /** What the file is, for messages ("provider module"). */
  what: string;
  dir: string;
  /** Marks a vendor's own module, as against the folder's shared helpers (common.ts, mapping.ts). */
  marker: RegExp;
  /** The step of CONTRIBUTING.md's "Adding a vendor" that writes it. */
  step: string;
}

export const PROVIDER_MODULE: VendorFileKind = { what: "provider module", dir: "packages/bucketry/src/providers", marker: /^export const providerModule\b/m, step: "step 5" };
export const MOCK_ADAPTER: VendorFileKind = { what: "mock adapter", dir: "packages/mocks/src/vendors", marker: /^export const \w+: VendorAdapter\b/m, step: "step 6" };

/** One line per vendor without its file and per vendor file redocly.yaml does not list; [] when they agree. */
export function vendorFileProblems(root: string, ids: readonly string[], kind: VendorFileKind): string[] {
  const problems: string[] = [];
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

/** The README tables with a row per vendor: the file, the table's header line, and the rows that are not vendors. */
export const README_TABLES = [
  { file: "README.md", header: "| package | vendor API |", besides: ["signing", "mocks", "bucketry"] },
  { file: "packages/bucketry/README.md", header: "| provider | operations |", besides: [] },
  { file: "packages/mocks/README.md", header: "| provider | credentials |", besides: [] },
] as const;

/**
 * The ids in the first column of the Markdown table whose header line starts with `header`
 * (`[\`@bucketry/aliyun-ens\`](…)` and `\`aliyun-ens\`` both give `aliyun-ens`), less `besides`; undefined
 * when the text has no such table.
 */
export function tableIds(markdown: string, header: string, besides: readonly string[] = []): string[] | undefined {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) return undefined;
  const ids: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cell = line.split("|")[1]!.trim();
    const id = /`(?:@bucketry\/)?([a-z0-9-]+)`/.exec(cell)?.[1] ?? cell;
    if (!besides.includes(id)) ids.push(id);
  }
  return ids;
}
