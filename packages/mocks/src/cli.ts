#!/usr/bin/env node
// `npm run mock`: serves the five mock APIs on 127.0.0.1 and prints endpoints and credentials.
//   node packages/mocks/dist/cli.js [--port 9000] [--host 0.0.0.0] [--buckets 10000] [--seed 1]
//     [--max-body-bytes 1048576] [--credentialed-origin https://app.example …]
import { parseArgs } from "node:util";
import { testAccount } from "./generated/accounts.js";
import { asOrigin } from "./origins.js";
import { startMockServer } from "./server.js";

const USAGE = `Usage: node packages/mocks/dist/cli.js [--port N] [--host H] [--buckets N] [--seed N]
         [--max-body-bytes N] [--credentialed-origin ORIGIN]...
       (npm run mock -- [flags] at the repository root)

Serves the five mock APIs and prints each provider's endpoint, client options and test credentials.

  --port N      port to listen on (default 0: any free port; env MOCK_PORT)
  --host H      address to listen on (default 127.0.0.1; 0.0.0.0 for a container's port mapping; env MOCK_HOST)
  --buckets N   buckets in the data set (env MOCK_BUCKETS)
  --seed N      seed of the data set (env MOCK_SEED)
  --max-body-bytes N
                largest request body read, in bytes; a larger one is answered 413 (default 1048576;
                env MOCK_MAX_BODY_BYTES)
  --credentialed-origin ORIGIN
                an origin (scheme://host[:port]) whose pages may send cookies: answered with
                Access-Control-Allow-Credentials, as loopback pages always are; repeat it for more
                (env MOCK_CREDENTIALED_ORIGINS, separated by commas)
  -h, --help    this text

Exit codes: 0 stopped (Ctrl-C), 1 unexpected failure, 2 usage: a bad flag or value, or a --port/--host it
cannot listen on (the port is in use, a privileged port, an address this machine lacks, a host name that does
not resolve), as \`bucketry mock\`.
`;

const INTEGER_FLAGS = ["port", "buckets", "seed", "max-body-bytes"] as const;

interface Flags {
  help: boolean;
  port?: number;
  host?: string;
  buckets?: number;
  seed?: number;
  "max-body-bytes"?: number;
  "credentialed-origin"?: string[];
}

/** `MOCK_PORT`, `MOCK_MAX_BODY_BYTES`: a flag's variable. */
const variableOf = (flag: string) => `MOCK_${flag.toUpperCase().replace(/-/g, "_")}`;

/** A command-line mistake: one line on stderr, exit 2 (as `bucketry` does). */
function usageError(message: string): never {
  console.error(`bucketry mocks: ${message} (see --help)`);
  process.exit(2);
}

function readFlags(): Flags {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        help: { type: "boolean", short: "h" },
        port: { type: "string" },
        host: { type: "string" },
        buckets: { type: "string" },
        seed: { type: "string" },
        "max-body-bytes": { type: "string" },
        "credentialed-origin": { type: "string", multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    const message = String((err as Error).message);
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) usageError(`${unknown} is not a flag of the mocks' CLI`);
    const missing = /^Option '(--[\w-]+)(?: <value>)?' argument missing/.exec(message)?.[1];
    if (missing) usageError(`${missing} needs a value`);
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    if (ambiguous) usageError(`${ambiguous} needs a value; for a value starting with "-" write ${ambiguous}=VALUE`);
    const positional = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
    if (positional !== undefined) usageError(`unexpected argument "${positional}"`);
    usageError(message.split(/\.\s|\n/)[0]!.replace(/\.$/, ""));
  }
  if (values.help) return { help: true };
  const flags: Flags = { help: false };
  for (const name of INTEGER_FLAGS) {
    const given = values[name] as string | undefined;
    const raw = given ?? process.env[variableOf(name)];
    if (raw === undefined) continue;
    const where = given !== undefined ? `--${name}` : variableOf(name);
    // An empty value (`--port "$UNSET"`) is no port: refused rather than read as 0.
    const n = raw.trim() === "" ? NaN : Number(raw);
    if (!Number.isSafeInteger(n) || n < 0 || (name === "port" && n > 65_535)) usageError(`${where} must be a non-negative integer${name === "port" ? " up to 65535" : ""}, got ${JSON.stringify(raw)}`);
    flags[name] = n;
  }
  const host = ((values.host as string | undefined) ?? process.env.MOCK_HOST)?.trim();
  if (values.host !== undefined && !host) usageError("--host is empty: give it a value, or leave it out");
  if (host) flags.host = host;
  const givenOrigins = values["credentialed-origin"] as string[] | undefined;
  const origins = givenOrigins ?? process.env.MOCK_CREDENTIALED_ORIGINS?.split(",").filter((origin) => origin.trim() !== "");
  if (origins) {
    const where = givenOrigins ? "--credentialed-origin" : "MOCK_CREDENTIALED_ORIGINS";
    flags["credentialed-origin"] = origins.map((raw) => {
      if (raw.trim() === "") usageError(`${where} is empty: give it an origin (scheme://host[:port]), or leave it out`);
      const origin = asOrigin(raw.trim());
      if (!origin) usageError(`${where} ${JSON.stringify(raw)} is not an origin: write scheme://host[:port] as a browser sends it, no path (https://app.example:8443)`);
      return origin;
    });
  }
  return flags;
}

/**
 * Why the server cannot listen, and which flag to change: only a port in use or a privileged one is the port's
 * fault; an address or a name that does not resolve is the host's (another --port would not help).
 */
function listenFailure(err: NodeJS.ErrnoException, host: string): string {
  switch (err.code) {
    case "EADDRINUSE":
      return "the port is already in use. Pick another --port (0: any free port)";
    case "EACCES":
      return "permission denied (a port below 1024 needs privileges). Pick another --port (0: any free port)";
    case "EADDRNOTAVAIL":
      return `${host} is not an address of this machine. Give --host one of its addresses (127.0.0.1; 0.0.0.0 for all of them)`;
    case "ENOTFOUND":
      return `the host name ${host} does not resolve. Give --host an address (127.0.0.1) or a name that resolves (localhost)`;
    case "EAI_AGAIN":
      return `the host name ${host} could not be resolved now (no answer from DNS: it is unreachable or failing). Give --host an address (127.0.0.1), or try again once DNS answers`;
    default:
      return `${err.message}. Check --host and --port`;
  }
}

const { help, port, host, buckets, seed, "max-body-bytes": maxBodyBytes, "credentialed-origin": credentialedOrigins } = readFlags();
if (help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const server = await startMockServer({
  ...(port !== undefined ? { port } : {}),
  ...(host !== undefined ? { host } : {}),
  ...(buckets !== undefined ? { buckets } : {}),
  ...(seed !== undefined ? { seed } : {}),
  ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
  ...(credentialedOrigins !== undefined ? { credentialedOrigins } : {}),
}).catch(
  (err: NodeJS.ErrnoException) => {
    // An operator's mistake (the port is taken, a privileged port, an address this machine lacks, a host name that
    // does not resolve): say so, no stack. It is the --port/--host value that cannot be served, so a usage error
    // (exit 2), as `bucketry mock` says it.
    if (typeof err?.code !== "string") throw err;
    console.error(`bucketry mocks: cannot listen on ${host ?? "127.0.0.1"}:${port ?? 0}: ${listenFailure(err, host ?? "127.0.0.1")}.`);
    process.exit(2);
  },
);

console.log(`bucketry mocks listening on ${server.url} (${server.mock.state.buckets.length} buckets, seed ${server.mock.state.seed})\n`);
for (const [provider, options] of Object.entries(server.clientOptions)) {
  console.log(`${provider}\n  createBucketClient(${JSON.stringify(options)})`);
}
console.log(`\nHitachi user ids: ${testAccount.hitachiUserIds.join(", ")}; Huawei token (X-Auth-Token): ${testAccount.mpcToken}`);
console.log("Ctrl-C to stop.");

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
