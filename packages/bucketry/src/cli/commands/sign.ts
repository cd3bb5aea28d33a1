// `bucketry sign`: the request bucketry would send for a provider's operation — method, URL, headers (tokens
// masked; the signature too unless --show-signature: a signed request that was never sent can be sent by whoever
// reads it, within the vendor's time window) — and what was signed (canonical request, string to sign), to compare
// with what a vendor reports on a signature error. Nothing is sent: the client's transport keeps the signed
// request and stops there.
import { percentEncode, signedPartsOf, type SignedParts } from "@bucketry/signing/signed";
import { createBucketClient } from "../../client.js";
import { hideValues } from "../../secrets.js";
import type { BucketClientOptions } from "../../registry.js";
import { connectionOptionsWithout, parse, type Values } from "../args.js";
import { UsageError } from "../exit.js";
import { HELP } from "../help.js";
import { jsonLine, visibleLines, type Io } from "../output.js";
import { allProviders, moduleOf, ownFlagOwners, ownFlagValues, parseProvider } from "../providers.js";
import { namingEndpointSource, positiveInt, resolveClient } from "../settings.js";
import { pageSizeFor } from "./buckets.js";

/** Headers and query parameters that carry a token or session: shown masked. */
const MASKED = /^(x-(acs|oss|bce)-security-token|x-security-token|x-auth-token|x-acs-bearer-token|cookie|x-xsrf-token|securitytoken|bearertoken)$/i;

/**
 * An Authorization value with its signature masked and the rest (scheme, key id, scope, signed headers) kept:
 * `…Signature=<sig>` (ACS3, OSS V4, Huawei), `bce-auth-v1/…/<sig>` (BOS), `OSS <id>:<sig>` (OSS V1); anything
 * else whole.
 */
function withoutSignature(value: string): string {
  if (/Signature=/.test(value)) return value.replace(/(Signature=)[^,\s]*/g, "$1[masked]");
  if (/^bce-auth-v1\//i.test(value)) return value.replace(/\/[^/]*$/, "/[masked]");
  if (/^OSS \S+:/.test(value)) return value.replace(/:[^:]*$/, ":[masked]");
  return "[masked]";
}

/** A query component decoded as URLSearchParams decodes it ("+" is a space); a malformed escape is kept as it is. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

class Captured extends Error {}

export async function signCommand(args: string[], io: Io): Promise<number> {
  const command = "sign";
  const owners = ownFlagOwners(allProviders());
  // Nothing is sent: a timeout, retries or raw records mean nothing here.
  const connection = connectionOptionsWithout("timeout", "retries", "raw");
  const flags = parse(command, args, {
    ...connection,
    bucket: { type: "string" },
    prefix: { type: "string" },
    limit: { type: "string" },
    "show-signature": { type: "boolean" },
    ...Object.fromEntries([...owners.keys()].map((flag) => [flag, { type: "string" as const }])),
  }) as Values<typeof connection> & { bucket?: string; prefix?: string; limit?: string; "show-signature"?: boolean } & Record<string, string | boolean | undefined>;
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const provider = parseProvider(flags.provider, command);
  const module = moduleOf(provider);
  if (module.cli.signsNoRequest !== undefined) throw new UsageError(`${provider} signs no request (${module.cli.signsNoRequest})`, command);
  const acl = module.operation === "getBucketAcl";
  if (acl && (!flags.bucket || flags.bucket.trim() === "")) throw new UsageError("--bucket NAME is required", command);
  // What the provider's command would not take either: named, not silently left out of what is signed.
  for (const flag of ["limit", "prefix"] as const) if (acl && flags[flag] !== undefined) throw new UsageError(`--${flag} applies to listing providers; ${provider} signs get-acl`, command);
  if (!acl && flags.bucket !== undefined) throw new UsageError(`--bucket applies to get-acl providers; ${provider} signs list-buckets`, command);
  const { options, context, endpointFrom } = resolveClient(
    provider,
    {
      region: flags.region as string | undefined,
      endpoint: flags.endpoint as string | undefined,
      profile: flags.profile as string | undefined,
      signatureVersion: flags["signature-version"] as string | undefined,
      timeout: undefined,
      retries: undefined,
      own: ownFlagValues(owners, flags, provider, command),
    },
    io.env,
    command,
    undefined,
  );
  let captured: { request: Request; parts: SignedParts | undefined } | undefined;
  let refused: string | undefined;
  const client = namingEndpointSource(endpointFrom, () =>
    createBucketClient({
      ...(options as BucketClientOptions),
      retry: false,
      fetch: async (request: Request) => {
        refused = module.cli.signRefuses?.(request);
        if (refused === undefined) captured = { request, parts: signedPartsOf(request) };
        throw new Captured("captured");
      },
    } as BucketClientOptions),
  ) as unknown as { getBucketAcl(b: string): Promise<unknown>; listBucketsPage(o: object): Promise<unknown> };
  try {
    if (acl) await client.getBucketAcl(flags.bucket!.trim());
    else {
      // The page size list-buckets would ask for with this --limit: it is part of what is signed.
      const pageSize = pageSizeFor(module, positiveInt(flags.limit, "--limit", command), flags.prefix);
      await client.listBucketsPage({ ...(flags.prefix ? { prefix: flags.prefix } : {}), ...(pageSize !== undefined ? { pageSize } : {}), ...module.cli.callOptions?.(context) });
    }
  } catch (err) {
    if (refused !== undefined) throw new UsageError(refused, command);
    if (!captured) throw err;
  }
  if (!captured) throw new UsageError("the operation sent no request", command);
  const { request, parts } = captured;
  const secrets: string[] = [];
  const headers: Record<string, string> = {};
  const showSignature = flags["show-signature"] === true;
  request.headers.forEach((value, name) => {
    if (MASKED.test(name)) secrets.push(value);
    headers[name] = MASKED.test(name) ? "[masked]" : name === "authorization" && !showSignature ? withoutSignature(value) : value;
  });
  const url = new URL(request.url);
  // Masked in the query as it was sent: through searchParams, every other parameter would be re-encoded
  // (a prefix's %20 printed as +, ~ as %7E) and the URL printed would not be the one signed.
  url.search = url.search
    .slice(1)
    .split("&")
    .map((pair) => {
      const eq = pair.includes("=") ? pair.indexOf("=") : pair.length;
      const name = formDecode(pair.slice(0, eq));
      if (!MASKED.test(name) && !(name === "Signature" && !showSignature)) return pair;
      if (MASKED.test(name)) secrets.push(formDecode(pair.slice(eq + 1)));
      return `${pair.slice(0, eq)}=${encodeURIComponent("[masked]")}`;
    })
    .join("&");
  // Also as percentEncode writes them (once and twice): the RPC v1 string to sign and bce-auth-v1's canonical
  // headers escape !'()* too, which encodeURIComponent leaves as they are.
  for (const s of [...secrets]) secrets.push(encodeURIComponent(s), encodeURIComponent(encodeURIComponent(s)), percentEncode(s), percentEncode(percentEncode(s)));
  const long = secrets.filter((s) => s.length >= 4);
  const hide = (text: string | undefined) => (text === undefined ? undefined : hideValues(text, long, "[masked]"));
  const signed = { canonicalRequest: hide(parts?.canonicalRequest), stringToSign: hide(parts?.stringToSign) };
  if (flags.json) {
    io.out.write(jsonLine({ provider, method: request.method, url: url.href, headers, ...signed }));
    return 0;
  }
  let out = `${request.method} ${url.href}\n`;
  for (const [name, value] of Object.entries(headers)) out += `${name}: ${value}\n`;
  if (signed.canonicalRequest !== undefined) out += `\nCanonical request:\n${signed.canonicalRequest}\n`;
  if (signed.stringToSign !== undefined) out += `\nString to sign:\n${signed.stringToSign}\n`;
  // A --prefix or a header value may hold controls; the lines are the CLI's own.
  io.out.write(visibleLines(out));
  return 0;
}
