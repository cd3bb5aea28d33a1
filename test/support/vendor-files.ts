// The per-vendor checks the registry test reads besides the generators' own (scripts/vendor-files.mjs: each
// vendor's provider module and mock adapter, both ways): the hand-written README tables with a row per vendor.
export { MOCK_ADAPTER, PROVIDER_MODULE, vendorFileProblems } from "../../scripts/vendor-files.mjs";

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
