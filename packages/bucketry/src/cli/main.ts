// The `bucketry` command (bin/bucketry.js loads dist/cli/main.js). Exit codes: 0 ok, 1 unexpected failure, 2 usage,
// 3 credentials/auth, 4 not found, 5 other API error, 6 network/timeout; errors are one line on stderr.
import { readFileSync } from "node:fs";
import { debugDetail, EXIT, exitCodeFor, formatError, formatErrorJson, signatureExplanation, UsageError } from "./exit.js";
import { HELP } from "./help.js";
import { visible, visibleLines, type Io } from "./output.js";
import { getAclCommand, listBucketsCommand } from "./commands/buckets.js";
import { demoCommand } from "./commands/demo.js";
import { mockCommand } from "./commands/mock.js";
import { providersCommand } from "./commands/providers.js";
import { whoamiCommand } from "./commands/whoami.js";
import { allProviders } from "./providers.js";
import { processSignals } from "./signals.js";
import { signCommand } from "./commands/sign.js";
import { optionalEnv } from "./env.js";

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  providers: providersCommand,
  "list-buckets": listBucketsCommand,
  "get-acl": getAclCommand,
  mock: mockCommand,
  demo: demoCommand,
  whoami: whoamiCommand,
  sign: signCommand,
};

/** Library option names as the flags that set them, for error messages (`projectId` → --project-id); built on the error path only. */
const flagOfOption = () =>
  new Map<string, string>([
    ["signatureVersion", "--signature-version"],
    ["timeoutMs", "--timeout"],
    ["maxAttempts", "--retries"],
    ...allProviders().flatMap((m) => Object.keys(m.cli.flags ?? {}).map((flag): [string, string] => [flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), `--${flag}`])),
  ]);

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  const debug = argv.includes("--debug");
  // `--json=x` is refused as a usage error, in the form it asked for.
  const json = argv.some((arg) => arg === "--json" || arg.startsWith("--json="));
  try {
    if (first === undefined) {
      io.err.write(HELP.main!);
      return 2;
    }
    if (first === "-h" || first === "--help") {
      io.out.write(HELP.main!);
      return 0;
    }
    if (first === "help") {
      const topic = rest[0];
      if (topic !== undefined && !Object.hasOwn(HELP, topic)) throw new UsageError(`no command "${topic}"`);
      io.out.write(HELP[topic ?? "main"]!);
      return 0;
    }
    if (first === "-v" || first === "--version") {
      io.out.write(`bucketry ${version()}\n`);
      return 0;
    }
    // Own keys only: `bucketry constructor` is an unknown command, not Object's constructor called with the args.
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!command) throw new UsageError(`unknown command "${first}": one of ${Object.keys(COMMANDS).join(", ")}`);
    return await command(rest, io);
  } catch (err) {
    const profileGiven = argv.some((a) => a === "--profile" || a.startsWith("--profile="));
    // A vendor's message, code and request id are quoted in the line: shown escaped, never obeyed by the terminal.
    io.err.write((json ? formatErrorJson(err, flagOfOption()) : visible(formatError(err, flagOfOption(), !profileGiven))) + "\n");
    const explained = json ? undefined : signatureExplanation(err);
    if (explained) io.err.write(visibleLines(explained) + "\n");
    if (debug) io.err.write(visibleLines(debugDetail(err)) + "\n");
    return exitCodeFor(err);
  }
}

// stdout cannot be written. A closed pipe (`bucketry list-buckets … | head`) ends the command quietly, as in other
// Unix tools; any other failure (a full disk, a read-only descriptor) is one line on stderr and exit 1 — not a
// stack trace, nor exit 0 with the output lost. (The stream's own error, when it has one: later writes only
// say it is destroyed.)
function outputFailed(err: NodeJS.ErrnoException): never {
  const e = (process.stdout.errored as NodeJS.ErrnoException | null) ?? err;
  if (e.code === "EPIPE") process.exit(EXIT.ok);
  process.stderr.write(`bucketry: cannot write the output to stdout: ${e.code ?? e.message}\n`);
  return process.exit(EXIT.failure);
}
process.stdout.on("error", outputFailed);
// stderr cannot be written: its reader is gone (`2> >(head -1)`, `2>&1 | head -1` after stdout's last write). There
// is nowhere left to report anything: what was meant for it is dropped, and the command still ends with its own
// exit code — not an uncaught EPIPE and exit 1 halfway through (a --debug retry note, a progress line).
process.stderr.on("error", () => {});
const io: Io = { out: process.stdout, err: process.stderr, env: optionalEnv(process.env), signals: processSignals };
const code = await main(process.argv.slice(2), io);
// Let stdout drain (a pipe may still hold output), then exit with the code.
process.stdout.write("", (err) => (err ? outputFailed(err) : process.exit(code)));
