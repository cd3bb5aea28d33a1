// `bucketry whoami --provider P`: which source supplies the credentials (the same resolution as every other
// command), the key id masked to its last 4 characters, the expiry of temporary credentials and, for
// huaweicloud-mpc, the project id. Never a secret.
import { describeCredentials } from "../../credentials.js";
import { CONNECTION_OPTIONS, parse } from "../args.js";
import { UsageError } from "../exit.js";
import { HELP } from "../help.js";
import { colourEnabled, jsonLine, style, type Io } from "../output.js";
import { parseProvider } from "../providers.js";
import { resolveClient } from "../settings.js";

export async function whoamiCommand(args: string[], io: Io): Promise<number> {
  const command = "whoami";
  const flags = parse(command, args, { ...CONNECTION_OPTIONS, "project-id": { type: "string" } });
  if (flags.help) {
    io.out.write(HELP[command]!);
    return 0;
  }
  const provider = parseProvider(flags.provider, command);
  if (flags["project-id"] !== undefined && provider !== "huaweicloud-mpc") throw new UsageError("--project-id applies to huaweicloud-mpc only", command);
  const { options } = resolveClient(
    provider,
    { region: flags.region, endpoint: flags.endpoint, profile: flags.profile, projectId: flags["project-id"] },
    io.env,
    command,
  );
  const o = options as { credentials?: unknown; projectId?: string; region?: string };
  const d = await describeCredentials({ provider, credentials: o.credentials, projectId: o.projectId, region: o.region }, io.env);
  if (flags.json) {
    io.out.write(jsonLine(d));
    return 0;
  }
  const s = style(colourEnabled(io.out, io.env));
  const lines: [string, string | undefined][] = [
    ["provider", d.provider],
    ["source", d.source],
    [provider === "hitachi-vsp-one-object" ? "token" : "access key id", d.id],
    ["expires", d.expiration ?? (d.id && provider !== "hitachi-vsp-one-object" ? "never (long-lived keys)" : undefined)],
    ["project id", d.projectId],
  ];
  for (const [k, v] of lines) if (v !== undefined) io.out.write(`${s.dim(`${k}:`.padEnd(15))}${v}\n`);
  return 0;
}
