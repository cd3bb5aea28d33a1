// `bucketry demo`: an embedded mock, every provider, one normalized table. No credentials needed.
import { createBucketClient } from "../../client.js";
import type { Bucket, BucketAcl, Provider } from "../../model.js";
import type { BucketClientOptions } from "../../registry.js";
import { COMMON_OPTIONS, parse } from "../args.js";
import { debugDetail, exitCodeFor, formatError, formatErrorJson, UsageError } from "../exit.js";
import { HELP } from "../help.js";
import { loadMocks, mockFacts, type MockServerLike } from "../mocks.js";
import { aclSummary, colourEnabled, debugLog, formatDate, jsonLine, paintAcl, style, table, visible, visibleLines, type Io } from "../output.js";
import { providersFor } from "../providers.js";
import { debugHooks, positiveInt } from "../settings.js";

export interface DemoRow {
  provider: Provider;
  operation: "listBuckets" | "getBucketAcl";
  bucket: string;
  createdAt?: Date;
  region?: string;
  acl?: string;
  error?: string;
}

interface Listing {
  listBucketsPage(options?: Record<string, unknown>): Promise<{ buckets: Bucket[] }>;
}
interface Acl {
  getBucketAcl(bucket: string): Promise<BucketAcl>;
}

const fromBucket = (b: Bucket): DemoRow => ({
  provider: b.provider,
  operation: "listBuckets",
  bucket: b.name,
  ...(b.createdAt ? { createdAt: b.createdAt } : {}),
  ...(b.region ? { region: b.region } : {}),
  ...(b.acl ? { acl: b.acl } : {}),
});

const fromAcl = (a: BucketAcl): DemoRow => ({ provider: a.provider, operation: "getBucketAcl", bucket: a.bucket, acl: aclSummary(a) });

async function collect(server: MockServerLike, rows: number, debug: ((line: string) => void) | undefined): Promise<{ rows: DemoRow[]; errors: unknown[]; providers: number }> {
  // --debug: a dropped vendor value is noted as in the other commands (no retry notes: the demo does not retry).
  const onWarning = debug ? { onWarning: debugHooks(debug).onWarning } : {};
  const client = <T>(p: Provider) => createBucketClient({ ...server.clientOptions[p], retry: false, ...onWarning } as unknown as BucketClientOptions) as unknown as T;
  // The ACL providers read the ACLs of buckets that exist in the mock's data set: the first of each canned
  // ACL (so the table shows all three), then the first ones by name.
  const all = server.mock.state.buckets as readonly { name: string; acl?: string }[];
  const picked = new Set<string>();
  for (const acl of ["private", "public-read", "public-read-write"]) {
    const b = all.find((x) => x.acl === acl);
    if (b && picked.size < rows) picked.add(b.name);
  }
  for (const b of all) {
    if (picked.size >= rows) break;
    picked.add(b.name);
  }
  const names = [...picked].sort();
  // Each provider's operation: a listing's first page (as many rows as asked where the vendor pages), or the
  // ACLs of the picked buckets.
  const tasks: Array<[Provider, "listBuckets" | "getBucketAcl", () => Promise<DemoRow[]>]> = [
    ...providersFor("list-buckets").map((m): [Provider, "listBuckets", () => Promise<DemoRow[]>] => [
      m.id,
      "listBuckets",
      async () => {
        const options = { ...m.cli.mockCallOptions?.(mockFacts(server, m.id)), ...(m.pageLimits ? { pageSize: rows } : {}) };
        return (await client<Listing>(m.id).listBucketsPage(options)).buckets.slice(0, rows).map(fromBucket);
      },
    ]),
    ...providersFor("get-acl").map((m): [Provider, "getBucketAcl", () => Promise<DemoRow[]>] => [
      m.id,
      "getBucketAcl",
      async () => Promise.all(names.map(async (n) => fromAcl(await client<Acl>(m.id).getBucketAcl(n)))),
    ]),
  ];
  const settled = await Promise.allSettled(tasks.map(([, , run]) => run()));
  const out: DemoRow[] = [];
  const errors: unknown[] = [];
  settled.forEach((r, i) => {
    const [provider, operation] = tasks[i]!;
    if (r.status === "fulfilled") out.push(...r.value);
    else {
      errors.push(r.reason);
      out.push({ provider, operation, bucket: "", error: formatError(r.reason).replace(/^bucketry: /, "") });
    }
  });
  return { rows: out, errors, providers: tasks.length };
}

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const command = "demo";
  const flags = parse(command, args, { ...COMMON_OPTIONS, rows: { type: "string" } });
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const rows = positiveInt(flags.rows, "--rows", command) ?? 3;
  if (rows > 100) throw new UsageError("--rows is at most 100", command);
  const { startMockServer } = await loadMocks(command);
  const server = await startMockServer({ buckets: 1000, seed: 1 });
  let result: Awaited<ReturnType<typeof collect>>;
  try {
    result = await collect(server, rows, debugLog(io, flags.debug));
  } finally {
    await server.close();
  }
  if (flags.json) {
    for (const r of result.rows) io.out.write(jsonLine(r));
  } else {
    const s = style(colourEnabled(io.out, io.env));
    io.out.write(
      table(
        result.rows,
        [
          { header: "PROVIDER", value: (r) => r.provider, paint: (c) => s.cyan(c) },
          { header: "OPERATION", value: (r) => r.operation, paint: (c) => s.dim(c) },
          { header: "BUCKET", value: (r) => r.bucket },
          { header: "CREATED", value: (r) => formatDate(r.createdAt) },
          { header: "REGION", value: (r) => r.region ?? "" },
          { header: "ACL", value: (r) => r.error ?? r.acl ?? "", paint: (c, r) => (r.error ? s.red(c) : paintAcl(c, s)) },
        ],
        s,
      ),
    );
    const providers = new Set(result.rows.filter((r) => !r.error).map((r) => r.provider)).size;
    io.out.write(
      `\n${providers} of ${result.providers} providers answered through an embedded mock of their APIs (${server.url}, signed with its public test credentials).\n` +
        "Next: `bucketry --help`; `bucketry mock` keeps a mock running for the other commands; for real accounts, set the credential variables `bucketry providers` lists.\n",
    );
  }
  // Each provider's failure on stderr as the other commands report theirs: one JSON line with --json
  // ({"error": {…, "exitCode"}}), else one escaped text line; with --debug, the error's detail after it.
  for (const err of result.errors) {
    io.err.write((flags.json ? formatErrorJson(err) : visible(formatError(err))) + "\n");
    if (flags.debug) io.err.write(visibleLines(debugDetail(err)) + "\n");
  }
  return result.errors.length ? exitCodeFor(result.errors[0]) : 0;
}
