// `bucketry mock`: every provider's mock API on 127.0.0.1, with `export` lines a shell can source.
import type { Provider } from "../../model.js";
import { providerModules } from "../../registry.js";
import { COMMON_OPTIONS, parse } from "../args.js";
import { HELP, tryListing } from "../help.js";
import { loadMocks, mockFacts, type MockServerLike } from "../mocks.js";
import { jsonLine, type Io } from "../output.js";
import { CliError, EXIT, UsageError } from "../exit.js";
import { envPrefix } from "../providers.js";
import { positiveInt } from "../settings.js";
import { ENDING_SIGNALS, processSignals } from "../signals.js";

const shellQuote = (v: string) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/**
 * The variables that point the CLI (and the facade, for credentials) at the mock: each provider's endpoint,
 * its region where the mock needs one, and its test credentials under the vendor's variable names — or,
 * where two providers share a vendor variable but the mock gives them different keys (ENS and OSS), under
 * the CLI's BUCKETRY_<PROVIDER>_* override for the second.
 */
export function mockEnv(server: MockServerLike): Array<[provider: Provider, name: string, value: string]> {
  const lines: Array<[Provider, string, string]> = [];
  const taken = new Map<string, string>();
  const put = (provider: Provider, vendorName: string | undefined, override: string, value: string) => {
    const name = vendorName && (!taken.has(vendorName) || taken.get(vendorName) === value) ? vendorName : override;
    if (taken.get(name) === value) return;
    taken.set(name, value);
    lines.push([provider, name, value]);
  };
  for (const m of providerModules) {
    const p = m.id;
    const prefix = envPrefix(p);
    const opts = server.clientOptions[p];
    lines.push([p, `${prefix}_ENDPOINT`, server.endpoints[p]]);
    if (opts.region) lines.push([p, `${prefix}_REGION`, opts.region]);
    for (const line of m.cli.mockEnv(mockFacts(server, p))) put(p, line.vendor, `${prefix}_${line.cli}`, line.value);
  }
  return lines;
}

/**
 * The --credentialed-origin values as a browser sends an Origin (`scheme://host[:port]`, no path), by the mock
 * server's own rule (`asOrigin`): refused here as a usage error rather than the server's TypeError.
 */
function credentialedOrigins(values: string[] | undefined, asOrigin: (value: string) => string | undefined, command: string): string[] | undefined {
  return values?.map((value) => {
    if (value.trim() === "") throw new UsageError("--credentialed-origin is empty: give it an origin (scheme://host[:port]), or leave it out", command);
    const origin = asOrigin(value.trim());
    if (origin === undefined) {
      throw new UsageError(`--credentialed-origin ${JSON.stringify(value)} is not an origin: write scheme://host[:port] as a browser sends it, no path (https://app.example:8443)`, command);
    }
    return origin;
  });
}

/**
 * Why the mock cannot listen, with its code, and which flag to change: only a port in use or a privileged one is the
 * port's fault; an address this machine lacks or a host name that does not resolve is the host's.
 */
function listenFailure(code: string, message: string): string {
  const why: Record<string, [string, string]> = {
    EADDRINUSE: ["the port is in use", "choose another --port (0: any free port)"],
    EACCES: ["permission denied: a port below 1024 needs privileges", "choose another --port (0: any free port)"],
    EADDRNOTAVAIL: ["the address is not one of this machine's", "give --host one of its addresses (127.0.0.1; 0.0.0.0 for all of them)"],
    ENOTFOUND: ["the host name does not resolve", "give --host an address (127.0.0.1) or a name that resolves (localhost)"],
    EAI_AGAIN: ["the host name could not be resolved now (no answer from DNS: it is unreachable or failing)", "give --host an address (127.0.0.1), or try again once DNS answers"],
  };
  const known = Object.hasOwn(why, code) ? why[code] : undefined;
  // Any other code: Node's message names it already ("listen EINVAL: …").
  return known ? `${known[0]} (${code}); ${known[1]}` : `${message.includes(code) ? message : `${message} (${code})`}; check --host and --port`;
}

export async function mockCommand(args: string[], io: Io): Promise<number> {
  const command = "mock";
  const flags = parse(command, args, {
    ...COMMON_OPTIONS,
    port: { type: "string" },
    host: { type: "string" },
    buckets: { type: "string" },
    seed: { type: "string" },
    "max-body-bytes": { type: "string" },
    "credentialed-origin": { type: "string", multiple: true },
  });
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const port = positiveInt(flags.port, "--port", command, 0, 65_535);
  const buckets = positiveInt(flags.buckets, "--buckets", command, 0, 1_000_000);
  const seed = positiveInt(flags.seed, "--seed", command, 0);
  const maxBodyBytes = positiveInt(flags["max-body-bytes"], "--max-body-bytes", command, 0);
  const { startMockServer, asOrigin } = await loadMocks(command);
  const origins = credentialedOrigins(flags["credentialed-origin"], asOrigin, command);
  // --host 0.0.0.0 serves a container's port mapping; the server answers whatever Host it is reached by.
  const host = flags.host?.trim() || undefined;
  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      ...(port !== undefined ? { port } : {}),
      ...(host !== undefined ? { host } : {}),
      ...(buckets !== undefined ? { buckets } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
      ...(origins !== undefined ? { credentialedOrigins: origins } : {}),
    });
  } catch (err) {
    // The address cannot be served (in use, not this machine's, not resolvable): say which, as a usage error.
    const code = (err as { code?: unknown }).code;
    if (typeof code !== "string") throw err;
    throw new CliError(`mock: cannot listen on ${host ?? "127.0.0.1"}:${port ?? 0}: ${listenFailure(code, String((err as Error).message))}`, EXIT.usage);
  }
  const env = mockEnv(server);
  if (flags.json) {
    io.out.write(jsonLine({ url: server.url, endpoints: server.endpoints, credentials: server.credentials, env: Object.fromEntries(env.map(([, n, v]) => [n, v])) }));
  } else {
    const state = server.mock.state;
    io.out.write(`# bucketry mock: ${state.buckets.length} buckets (seed ${state.seed}) on ${server.url}; public, fake test credentials\n`);
    let last: Provider | undefined;
    for (const [provider, name, value] of env) {
      if (provider !== last) io.out.write(`# ${provider}\n`);
      last = provider;
      io.out.write(`export ${name}=${shellQuote(value)}\n`);
    }
    const notes = providerModules.map((m) => m.cli.mockNote?.(mockFacts(server, m.id))).filter(Boolean);
    io.out.write(`# ${notes.map((n) => `${n}. `).join("")}Try: bucketry list-buckets --provider ${tryListing.id} --limit 5\n`);
    if (io.err.isTTY) io.err.write("bucketry mock: running; Ctrl-C to stop\n");
  }
  // Stopped by either signal; both listeners go then, so a command run in-process leaves none behind.
  const signals = io.signals ?? processSignals;
  return new Promise<number>((resolve) => {
    const stop = () => {
      for (const signal of ENDING_SIGNALS) signals.off(signal, stop);
      server.close().then(
        () => resolve(0),
        () => resolve(0),
      );
    };
    for (const signal of ENDING_SIGNALS) signals.on(signal, stop);
  });
}
