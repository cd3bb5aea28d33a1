// --help text for every command, with examples. What it says about providers comes from their modules.
import { providerModules, type AnyProviderModule } from "../registry.js";
import { EXIT_CODES_LINE } from "./exit.js";
import { allProviders, cliEnvSuffixes, providersFor } from "./providers.js";

const NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
/** "five": how many providers there are, in words. */
const count = NUMBERS[providerModules.length] ?? String(providerModules.length);
const listing = providersFor("list-buckets");
const acl = providersFor("get-acl");
/** Wraps words to lines of at most `width` characters, each line indented by `indent`. */
const wrap = (text: string, indent: string, width = 110): string => {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
};
const profileLine = (entry: Readonly<Record<string, string | number>>) => `{ ${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")} }`;

export const CONFIG_HELP = `Profiles (--profile NAME, or BUCKETRY_PROFILE):
  $XDG_CONFIG_HOME/bucketry/config.json (default ~/.config/bucketry/config.json), keyed by profile, then
  provider. Every field is optional; flags win over the profile, the profile over the environment.
    {
      "profiles": {
        "work": {
${providerModules.map((m) => `          ${JSON.stringify(m.id)}: ${profileLine(m.cli.profileExample)}`).join(",\n")}
        }
      }
    }
${wrap(
  `Other keys: endpoint, signatureVersion; ${providerModules
    .map((m) => m.cli.profileKeys)
    .filter(Boolean)
    .join("; ")}. A file holding secrets must not be readable by group or others (like ssh): \`chmod 600 ~/.config/bucketry/config.json\`.`,
  "  ",
)}`;

const vendorVariables = [
  ...new Set(providerModules.map((m) => (m.env.accessKeyId && m.env.accessKeySecret ? `${m.env.accessKeyId} / ${m.env.accessKeySecret}` : m.env.token)).filter(Boolean)),
];
/** Each provider's CLI variables beyond _ENDPOINT, from its module ("ENS _REGION, _ACCESS_KEY_ID, …"); providers reading the same ones share a line. */
const ownVariables = [
  ...allProviders()
    .reduce((groups, m) => {
      const names = cliEnvSuffixes(m)
        .filter((suffix) => suffix !== "ENDPOINT")
        .map((suffix) => `_${suffix}`)
        .join(", ");
      return groups.set(names, [...(groups.get(names) ?? []), m.cli.label]);
    }, new Map<string, string[]>())
    .entries(),
].map(([names, labels]) => `${labels.join(" and ")} ${names}`);

export const ENV_HELP = `Environment:
${wrap(
  `Credentials come from the vendors' own variables (\`bucketry providers\` lists them), e.g. ${vendorVariables.join(", ")}. Per provider, BUCKETRY_<PROVIDER>_ENDPOINT and the provider's own variables override them (${ownVariables.join("; ")}), e.g. BUCKETRY_ALIYUN_OSS_ENDPOINT. NO_COLOR (or TERM=dumb) turns colour off.`,
  "  ",
)}`;

const EXIT_HELP = EXIT_CODES_LINE;

const regions = providerModules.filter((m) => m.cli.region).map((m) => `${m.cli.label}: ${m.cli.region}`);

// Examples naming a provider come from the provider modules: no help text names a vendor of its own.
/** ` --region X` for a provider whose module gives a region example, else nothing. */
const regionFlag = (m: AnyProviderModule) => (m.cli.region && m.cli.region !== "optional" ? ` --region ${m.cli.region}` : "");
/** A listing provider that needs no flag beyond what `bucketry mock` exports (the mock's "Try:" line). */
export const tryListing = listing.find((m) => m.cli.required.length === 0) ?? listing[0]!;
const signers = providerModules.filter((m) => m.cli.signsNoRequest === undefined);
const unsigned = providerModules.filter((m) => m.cli.signsNoRequest !== undefined).map((m) => m.id);
/** A provider with more than one signature version, and its last (non-default) one. */
const versioned = signers.find((m) => m.cli.signatureVersions.length > 1);
const signExamples = [
  ...signers.filter((m) => m.operation === "getBucketAcl").slice(0, 1).map((m) => `bucketry sign --provider ${m.id}${regionFlag(m)} --bucket examplebucket`),
  ...(versioned ? [`bucketry sign --provider ${versioned.id} --signature-version ${versioned.cli.signatureVersions.at(-1)} --json | jq -r .stringToSign`] : []),
];
const whoamiExamples = providerModules
  .filter((m) => regionFlag(m))
  .slice(0, 2)
  .map((m, i) => `bucketry whoami --provider ${m.id}${regionFlag(m)}${i === 1 ? " --json" : ""}`);
const signatureVersions = providerModules.filter((m) => m.cli.signatureVersions.length).map((m) => `${m.cli.label} ${m.cli.signatureVersions.join("|")}`);
const flagLine = (flag: string, text: string) => `  ${flag.padEnd(22)} ${text}`;
const series = (word: string) => (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} ${word} ${names.at(-1)}`);
const orList = series("or");
const andList = series("and");
type Modules = readonly AnyProviderModule[];
/** The providers' own flags, one help line each (`--project-id ID  huaweicloud-mpc: …`); "client": those that feed the client's options. */
const ownFlags = (modules: Modules, which: "any" | "client") =>
  modules
    .flatMap((m) =>
      Object.entries(m.cli.flags ?? {})
        .filter(([, f]) => which === "any" || !f.call)
        .map(([flag, f]) => `${flagLine(`--${flag} ${f.placeholder}`, `${m.id}: ${f.help}`)}\n`),
    )
    .join("");
const examples = (modules: Modules) => modules.flatMap((m) => m.cli.examples.map((e) => `  ${e}`)).join("\n");

/** What --debug shows for a command that calls a vendor: its client's notes (debugHooks, settings.ts) and an error's detail. */
const DEBUG_FLAG = flagLine("--debug", "retry notes, dropped vendor values, error detail and stack on stderr (never secrets)");

const COMMON_FLAGS = `${flagLine("--region R", `vendor region (${regions.join("; ")})`)}
  --endpoint URL         base-URL override (mock, proxy, private cloud); default BUCKETRY_<PROVIDER>_ENDPOINT
  --profile NAME         credentials and settings from the config file (see \`bucketry --help\`)
${flagLine("--signature-version V", signatureVersions.join(", "))}
  --timeout MS           per-attempt timeout (default 30000; 0: none)
  --retries N            attempts in all (default 3)
  --json                 JSON lines instead of a table (dates as ISO strings)
  --raw                  with --json: include the vendor's own record as "raw"
${DEBUG_FLAG}
  -h, --help             this help`;

/** `sign` sends nothing: no timeout, retries or raw records; its --debug (and whoami's) has no notes, an error only. */
const SIGN_FLAGS = COMMON_FLAGS.split("\n")
  .filter((line) => !/^ {2}--(timeout|retries|raw) /.test(line))
  .map((line) => (line === DEBUG_FLAG ? flagLine("--debug", "error detail and stack on stderr (never secrets)") : line))
  .join("\n");

/** `whoami` runs no vendor operation: no signature version either. */
const WHOAMI_FLAGS = SIGN_FLAGS.split("\n")
  .filter((line) => !/^ {2}--signature-version /.test(line))
  .join("\n");

export const HELP: Record<string, string> = {
  main: `bucketry — one CLI over ${count} cloud vendors' bucket APIs

Usage: bucketry <command> [flags]

Commands:
  providers       the ${count} providers: operations, auth schemes, credential chains
  whoami          which source supplies a provider's credentials (key id masked, token fingerprint, expiry, project id)
  sign            the request bucketry would send and what it signs (nothing is sent)
  list-buckets    list buckets (${listing.map((m) => m.id).join(", ")})
  get-acl         read a bucket's ACL (${acl.map((m) => m.id).join(", ")})
  mock            serve the ${count} mock APIs locally and print their endpoints and test credentials
  demo            list buckets and read ACLs through all ${count} providers against an embedded mock

Run \`bucketry <command> --help\` for a command's flags and examples.

Examples:
  bucketry demo
  ${listing[0]!.cli.examples[0]}
  ${acl[0]!.cli.examples[0]}
  bucketry mock --port 9000 > mock.env &  # then: . ./mock.env — and any command above runs against the mock

${ENV_HELP}

${CONFIG_HELP}

${EXIT_HELP}
`,
  whoami: `Usage: bucketry whoami --provider P [flags]

Resolves the provider's credentials as every command does (flags, profile, BUCKETRY_<PROVIDER>_* variables,
then the vendor's default chain) and prints which source supplied them, the access key id masked to its
last 4 characters (a bearer token: "sha256:" and the first 8 hex digits of its SHA-256, nothing of the token),
when temporary credentials expire, and the project id of a provider that has one (given, from the source, or
looked up by --region). Never prints a secret.

Flags:
  --provider P           one of the ${count} providers
${ownFlags(allProviders(), "client")}${WHOAMI_FLAGS}

Examples:
${whoamiExamples.map((e) => `  ${e}`).join("\n")}

${EXIT_HELP}
`,
  providers: `Usage: bucketry providers [--json] [--debug]

The ${count} providers with their operations, auth schemes, required flags and the environment variables
each reads (the vendors' own, then the CLI's BUCKETRY_<PROVIDER>_* overrides).

  --json       one JSON object per provider
  --debug      stack traces on stderr for an error (never secrets)
  -h, --help   this help

Examples:
  bucketry providers
  bucketry providers --json | jq -r .provider
`,
  "list-buckets": `Usage: bucketry list-buckets --provider P [flags]

Lists buckets, page after page, for ${orList(listing.map((m) => m.id))}.
On a terminal a progress line on stderr counts them; Ctrl-C or SIGTERM erases it, then the command ends
as the signal ends it (a shell reports 130, or 143 for SIGTERM).

${flagLine("--provider P", listing.map((m) => m.id).join(" | "))}
  --prefix X             only names starting with X
  --limit N              stop after N buckets
${ownFlags(listing, "any")}${COMMON_FLAGS}

Examples:
${examples(listing)}

${EXIT_HELP}
`,
  "get-acl": `Usage: bucketry get-acl --provider P --bucket NAME [flags]

Reads a bucket's ACL (owner, canned ACL, grants) for ${orList(acl.map((m) => m.id))}.

${flagLine("--provider P", acl.map((m) => m.id).join(" | "))}
  --bucket NAME          the bucket
${ownFlags(acl, "any")}${COMMON_FLAGS}

Examples:
${examples(acl)}

${EXIT_HELP}
`,
  sign: `Usage: bucketry sign --provider P [--bucket NAME] [flags]

Prints the request bucketry would send for the provider's operation — method, URL, headers (security
tokens, sessions and the signature masked) — and what it signs (the canonical request and the string to
sign), to compare with what a vendor reports on a signature error. Nothing is sent. Takes the flags of the
provider's command (list-buckets or get-acl).

  --provider P           a provider that signs requests${unsigned.length ? ` (not ${unsigned.join(", ")})` : ""}
  --bucket NAME          the bucket (get-acl providers)
  --prefix TEXT          the listing prefix (list-buckets providers)
  --limit N              as list-buckets' --limit: the page size it asks for (list-buckets providers)
  --show-signature       print the signature too: the output is then a request anyone can send as you
                         until the vendor's time window closes (about 15 minutes)
${ownFlags(signers, "any")}${SIGN_FLAGS}

Examples:
${signExamples.map((e) => `  ${e}`).join("\n")}

${EXIT_HELP}
`,
  mock: `Usage: bucketry mock [--port N] [--host H] [--buckets N] [--seed N] [--max-body-bytes N]
                     [--credentialed-origin ORIGIN]... [--json] [--debug]

Serves the ${count} mock APIs (from @bucketry/mocks) on 127.0.0.1 and prints, as \`export\` lines, each
provider's endpoint variable (BUCKETRY_<PROVIDER>_ENDPOINT, plus _REGION where needed) and the test
credentials under the vendors' variable names. Runs until interrupted (Ctrl-C / SIGTERM).

  --port N      port (default: any free port)
  --host H      address to listen on (default 127.0.0.1; 0.0.0.0 for a container's port mapping). The mock
                answers whatever Host it is reached by: a proxy, a port mapping, a service name
  --buckets N   buckets in the seeded data set (default 1000)
  --seed N      seed of the data set (default 1)
  --max-body-bytes N
                largest request body read, in bytes; a larger one is answered 413 (default 1048576)
  --credentialed-origin ORIGIN
                an origin (scheme://host[:port]) whose pages may send cookies: answered with
                Access-Control-Allow-Credentials, as loopback pages always are; repeat it for more
  --json        one JSON line {"url","endpoints","credentials","env"} instead
  --debug       stack traces on stderr for an error (never secrets)
  -h, --help    this help

Examples:
  bucketry mock --port 9000
  bucketry mock --port 9000 > mock.env &
  . ./mock.env && bucketry list-buckets --provider ${tryListing.id} --limit 5
  bucketry mock --json | jq --unbuffered .endpoints    # serves until Ctrl-C

Exit codes: 0 stopped (Ctrl-C / SIGTERM), 1 unexpected failure (or @bucketry/mocks not installed), 2 usage:
a bad flag or value, or a --port/--host it cannot listen on (the port is in use, an address this machine lacks, a
host name that does not resolve), as the mocks' own CLI (npm run mock).
`,
  demo: `Usage: bucketry demo [--rows N] [--json] [--debug]

${wrap(
  `Starts an embedded mock (no credentials or network needed), lists the first buckets through ${andList(listing.map((m) => m.id))}, reads the ACLs of some of them through ${andList(acl.map((m) => m.id))}, and prints one normalized table: provider, bucket, created, region, ACL.`,
  "",
  106,
)}

  --rows N      rows per provider (default 3)
  --json        one JSON object per row
  --debug       a failing provider's error detail and stack, and dropped vendor values, on stderr
                (never secrets)
  -h, --help    this help

Examples:
  bucketry demo
  npm start            # in the repository: build, then this demo
`,
};
