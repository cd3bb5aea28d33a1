// `bucketry list-buckets` and `bucketry get-acl`.
import { createBucketClient } from "../../client.js";
import type { Bucket, BucketAcl, Grant } from "../../model.js";
import type { BucketClientOptions } from "../../registry.js";
import { CONNECTION_OPTIONS, parse, type Values } from "../args.js";
import { UsageError } from "../exit.js";
import { HELP } from "../help.js";
import { eachPage, namePrefix } from "../../pagination.js";
import { colourEnabled, debugLog, formatDate, granteeText, jsonLine, jsonRecord, paintAcl, progress, style, table, visible, type Io } from "../output.js";
import { aclProvider, listingProvider, moduleOf, ownFlagOwners, ownFlagValues, parseProvider, providersFor } from "../providers.js";
import { namingEndpointSource, positiveInt, resolveClient, type ConnectionFlags } from "../settings.js";

interface LooseListingClient {
  listBucketsPage(options: Record<string, unknown>): Promise<{ buckets: Bucket[]; nextCursor?: string }>;
}
interface LooseAclClient {
  getBucketAcl(bucket: string): Promise<BucketAcl>;
}

const connectionFlags = (flags: Record<string, string | boolean | undefined>, own: Record<string, string | undefined> = {}): ConnectionFlags => ({
  region: flags.region as string | undefined,
  endpoint: flags.endpoint as string | undefined,
  profile: flags.profile as string | undefined,
  signatureVersion: flags["signature-version"] as string | undefined,
  timeout: flags.timeout as string | undefined,
  retries: flags.retries as string | undefined,
  own,
});

/** Flag definitions for parseArgs of the providers' own flags. */
const stringFlags = (owners: Map<string, string[]>) => Object.fromEntries([...owners.keys()].map((flag) => [flag, { type: "string" as const }]));

/**
 * The page size `--limit` asks for, or undefined for the vendor's own. Vendors that page take one up to their
 * maximum (MPC answers one page and takes none). Where the prefix is applied to the pages received, a page
 * of `limit` may match nothing: the vendor's own size is kept.
 */
export function pageSizeFor(module: ReturnType<typeof moduleOf>, limit: number | undefined, prefix: string | undefined): number | undefined {
  const limits = module.pageLimits;
  return limit !== undefined && limits !== undefined && limit < limits.max && (limits.serverPrefix || !prefix) ? limit : undefined;
}

export async function listBucketsCommand(args: string[], io: Io): Promise<number> {
  const command = "list-buckets";
  const owners = ownFlagOwners(providersFor(command));
  const flags = parse(command, args, {
    ...CONNECTION_OPTIONS,
    prefix: { type: "string" },
    limit: { type: "string" },
    ...stringFlags(owners),
  }) as Values<typeof CONNECTION_OPTIONS> & { prefix?: string; limit?: string } & Record<string, string | boolean | undefined>;
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const provider = listingProvider(parseProvider(flags.provider, command));
  if (flags.raw && !flags.json) throw new UsageError("--raw only applies with --json", command);
  const limit = positiveInt(flags.limit, "--limit", command);
  const module = moduleOf(provider);
  const own = ownFlagValues(owners, flags, provider, command);
  const { options, context, endpointFrom } = resolveClient(provider, connectionFlags(flags, own), io.env, command, debugLog(io, flags.debug));

  const pageOptions: Record<string, unknown> = {};
  const limits = module.pageLimits;
  // A prefix the server does not apply is applied here, after the page checks read the page as it came (filtered
  // first, a server ignoring the cursor would look like one answering empty pages, asked again forever).
  const clientPrefix = flags.prefix && limits?.serverPrefix === false ? namePrefix<Bucket>(flags.prefix) : undefined;
  if (flags.prefix && !clientPrefix) pageOptions.prefix = flags.prefix;
  const pageSize = pageSizeFor(module, limit, flags.prefix);
  if (pageSize !== undefined) pageOptions.pageSize = pageSize;
  Object.assign(pageOptions, module.cli.callOptions?.(context));

  const client = namingEndpointSource(endpointFrom, () => createBucketClient(options as BucketClientOptions)) as unknown as LooseListingClient;
  const s = style(colourEnabled(io.out, io.env));
  const bar = progress(io.err, io.env, io.signals);
  const rows: Bucket[] = [];
  let count = 0;
  let pages = 0;
  // The facade's page loop (it stops a server that repeats a cursor or a page), with a page count for the bar.
  const fetchPage = async (cursor: string | undefined) => {
    if (pages > 0) bar.update(`${provider}: ${count} buckets, ${pages} page${pages === 1 ? "" : "s"}…`);
    const page = await client.listBucketsPage({ ...pageOptions, ...(cursor !== undefined ? { cursor } : {}) });
    pages++;
    return page;
  };
  try {
    for await (const b of eachPage(provider, fetchPage, undefined, limits?.cursorName, clientPrefix)) {
      count++;
      if (flags.json) {
        // Erased before each line (and shown again at the next page): on a terminal that shows both streams, a
        // JSON line written after it would start behind the progress text.
        bar.done();
        io.out.write(jsonLine(jsonRecord(b, Boolean(flags.raw))));
      } else rows.push(b);
      if (count === limit) break;
    }
  } finally {
    bar.done();
  }
  if (!flags.json) {
    if (rows.length === 0) io.err.write(`bucketry: no buckets${flags.prefix ? ` starting with "${visible(flags.prefix)}"` : ""}\n`);
    else
      io.out.write(
        table(
          rows,
          [
            { header: "NAME", value: (b) => b.name, paint: (c) => s.bold(c) },
            { header: "CREATED", value: (b) => formatDate(b.createdAt) },
            { header: "REGION", value: (b) => b.region ?? "" },
            { header: "ACL", value: (b) => b.acl ?? "", paint: (c) => paintAcl(c, s) },
            { header: "ID", value: (b) => b.id ?? "", align: "right" },
          ],
          s,
        ),
      );
  }
  return 0;
}

export async function getAclCommand(args: string[], io: Io): Promise<number> {
  const command = "get-acl";
  const owners = ownFlagOwners(providersFor(command));
  const flags = parse(command, args, { ...CONNECTION_OPTIONS, bucket: { type: "string" }, ...stringFlags(owners) }) as Values<typeof CONNECTION_OPTIONS> & { bucket?: string } & Record<string, string | boolean | undefined>;
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const provider = aclProvider(parseProvider(flags.provider, command));
  if (flags.raw && !flags.json) throw new UsageError("--raw only applies with --json", command);
  if (!flags.bucket || flags.bucket.trim() === "") throw new UsageError("--bucket NAME is required", command);
  const { options, endpointFrom } = resolveClient(provider, connectionFlags(flags, ownFlagValues(owners, flags, provider, command)), io.env, command, debugLog(io, flags.debug));
  const client = namingEndpointSource(endpointFrom, () => createBucketClient(options as BucketClientOptions)) as unknown as LooseAclClient;
  const acl = await client.getBucketAcl(flags.bucket.trim());
  if (flags.json) {
    io.out.write(jsonLine(jsonRecord(acl, Boolean(flags.raw))));
    return 0;
  }
  const s = style(colourEnabled(io.out, io.env));
  // The vendor's values, escaped (the table escapes its cells itself).
  const owner = visible(acl.owner.displayName && acl.owner.displayName !== acl.owner.id ? `${acl.owner.id} (${acl.owner.displayName})` : acl.owner.id);
  io.out.write(`${s.bold("bucket")}  ${visible(acl.bucket)}\n${s.bold("owner ")}  ${owner}\n${s.bold("acl   ")}  ${acl.acl ? paintAcl(visible(acl.acl), s) : s.dim("- (no canned ACL; see the grants)")}\n\n`);
  io.out.write(
    table(
      acl.grants,
      [
        { header: "GRANTEE", value: (g) => granteeText(g.grantee) },
        { header: "PERMISSION", value: (g) => g.permission, paint: (c) => paintAcl(c, s) },
        // Only BOS grants can be scoped: the column shows when one is.
        ...(acl.grants.some((g) => g.scoped) ? [{ header: "SCOPE", value: (g: Grant) => (g.scoped ? "conditional or some objects" : "bucket") }] : []),
      ],
      s,
    ),
  );
  // Deny entries, the conditions themselves and an ACL value bucketry does not know (OSS) are in the vendor's
  // record only; `conditional` means any of them, so the note names all three rather than claim a Deny.
  if (acl.conditional) io.out.write(s.dim("\nThe ACL says more than these grants: it denies, grants under conditions, or is one bucketry does not know. --json --raw shows every entry as the vendor sent it.\n"));
  return 0;
}
