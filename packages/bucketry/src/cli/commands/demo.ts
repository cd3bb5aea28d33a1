// `bucketry demo`: an embedded mock, all five providers, one normalized table. No credentials needed.
import { createBucketClient } from "../../client.js";
import type { Bucket, BucketAcl, Provider } from "../../model.js";
import type { BucketClientOptions } from "../../options.js";
import { COMMON_OPTIONS, parse } from "../args.js";
import { exitCodeFor, formatError, UsageError } from "../exit.js";
import { HELP } from "../help.js";
import { loadMocks, type MockServerLike } from "../mocks.js";
import { aclSummary, colourEnabled, formatDate, jsonLine, paintAcl, style, table, type Io } from "../output.js";
import { positiveInt } from "../settings.js";

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

async function collect(server: MockServerLike, rows: number): Promise<{ rows: DemoRow[]; errors: unknown[] }> {
  const client = <T>(p: Provider) => createBucketClient({ ...server.clientOptions[p], retry: false } as unknown as BucketClientOptions) as unknown as T;
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
  const user = server.mock.state.hitachiUsers[0] ?? 0;
  const tasks: Array<[Provider, () => Promise<DemoRow[]>]> = [
    ["aliyun-ens", async () => (await client<Listing>("aliyun-ens").listBucketsPage({ pageSize: rows })).buckets.slice(0, rows).map(fromBucket)],
    ["huaweicloud-mpc", async () => (await client<Listing>("huaweicloud-mpc").listBucketsPage()).buckets.slice(0, rows).map(fromBucket)],
    ["hitachi-vsp-one-object", async () => (await client<Listing>("hitachi-vsp-one-object").listBucketsPage({ userId: user, pageSize: rows })).buckets.slice(0, rows).map(fromBucket)],
    ["aliyun-oss", async () => Promise.all(names.map(async (n) => fromAcl(await client<Acl>("aliyun-oss").getBucketAcl(n))))],
    ["baidu-bos", async () => Promise.all(names.map(async (n) => fromAcl(await client<Acl>("baidu-bos").getBucketAcl(n))))],
  ];
  const settled = await Promise.allSettled(tasks.map(([, run]) => run()));
  const out: DemoRow[] = [];
  const errors: unknown[] = [];
  settled.forEach((r, i) => {
    const provider = tasks[i]![0];
    if (r.status === "fulfilled") out.push(...r.value);
    else {
      errors.push(r.reason);
      out.push({ provider, operation: provider === "aliyun-oss" || provider === "baidu-bos" ? "getBucketAcl" : "listBuckets", bucket: "", error: formatError(r.reason).replace(/^bucketry: /, "") });
    }
  });
  return { rows: out, errors };
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
    result = await collect(server, rows);
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
      `\n${providers} of 5 providers answered through an embedded mock of their APIs (${server.url}, signed with its public test credentials).\n` +
        "Next: `bucketry --help`; `bucketry mock` keeps a mock running for the other commands; for real accounts, set the credential variables `bucketry providers` lists.\n",
    );
  }
  for (const err of result.errors) io.err.write(formatError(err) + "\n");
  return result.errors.length ? exitCodeFor(result.errors[0]) : 0;
}
