// `bucketry whoami --provider P`: which source supplies the credentials (the same resolution as every other
// command), the key id masked to its last 4 characters (a token: its SHA-256 fingerprint), the expiry of temporary credentials and, for
// huaweicloud-mpc, the project id. Never a secret.
import { connectionOptionsWithout, parse, type Values } from "../args.js";
import { HELP } from "../help.js";
import { colourEnabled, jsonLine, style, visible, type Io } from "../output.js";
import { allProviders, moduleOf, ownFlagOwners, ownFlagValues, parseProvider } from "../providers.js";
import { resolveClient } from "../settings.js";

export async function whoamiCommand(args: string[], io: Io): Promise<number> {
  const command = "whoami";
  // The providers' own flags that feed a client's options (`--project-id`).
  const owners = ownFlagOwners(allProviders(), "client");
  // No vendor operation runs: the signature version, per-call timeout, retries and raw records mean nothing here.
  const accepted = connectionOptionsWithout("signature-version", "timeout", "retries", "raw");
  const flags = parse(command, args, { ...accepted, ...Object.fromEntries([...owners.keys()].map((flag) => [flag, { type: "string" as const }])) }) as Values<typeof accepted> &
    Record<string, string | boolean | undefined>;
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const provider = parseProvider(flags.provider, command);
  const own = ownFlagValues(owners, flags, provider, command);
  // No region needed: none changes where credentials come from (MPC's project id lookup uses one when given).
  const { options, credentialsFrom } = resolveClient(provider, { region: flags.region, endpoint: flags.endpoint, profile: flags.profile, own }, io.env, command, undefined, true);
  const module = moduleOf(provider);
  const described = await module.cli.describeCredentials(options as never, io.env);
  // The library sees the CLI's profile or BUCKETRY_* keys as "options" ("options (IAM token)", "password grant
  // (options)"): name where they really came from.
  const fromOptions = /^options\b|\(options\)/;
  const d = credentialsFrom && fromOptions.test(described.source) ? { ...described, source: described.source.replace(fromOptions, (m) => (m === "(options)" ? `(${credentialsFrom})` : credentialsFrom)) } : described;
  // Access keys have an id and may expire; a bearer token (Hitachi, a Huawei IAM token) is shown by its fingerprint.
  const credentials = (options as { credentials?: unknown }).credentials;
  const keys = module.env.accessKeyId !== undefined && !(typeof credentials === "object" && credentials !== null && "token" in credentials);
  if (flags.json) {
    io.out.write(jsonLine(d));
    return 0;
  }
  const s = style(colourEnabled(io.out, io.env));
  const lines: [string, string | undefined][] = [
    ["provider", d.provider],
    ["source", d.source],
    [keys ? "access key id" : "token hash", d.id],
    ["expires", d.expiration ?? (d.id && keys ? (d.temporary ? "unknown (temporary keys; their source gives no expiry)" : "never (long-lived keys)") : undefined)],
    ["project id", d.projectId],
  ];
  // Values from a credentials file, a credentials URI or a profile: escaped, as any value the CLI did not write.
  for (const [k, v] of lines) if (v !== undefined) io.out.write(`${s.dim(`${k}:`.padEnd(15))}${visible(v)}\n`);
  return 0;
}
