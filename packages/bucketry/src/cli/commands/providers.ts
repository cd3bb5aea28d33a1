// `bucketry providers`: operations, auth schemes and environment variables of the five providers.
import { PROVIDERS } from "../../model.js";
import { COMMON_OPTIONS, parse } from "../args.js";
import { HELP } from "../help.js";
import { colourEnabled, jsonLine, style, table, type Io } from "../output.js";
import { cliEnvNames, CREDENTIAL_CHAINS, PROVIDER_INFO, vendorEnvNames } from "../providers.js";

export async function providersCommand(args: string[], io: Io): Promise<number> {
  const flags = parse("providers", args, COMMON_OPTIONS);
  if (flags.help) {
    io.out.write(HELP.providers!);
    return 0;
  }
  const rows = PROVIDERS.map((p) => ({ ...PROVIDER_INFO[p], env: vendorEnvNames(p), cliEnv: cliEnvNames(p), chain: [...CREDENTIAL_CHAINS[p]] }));
  if (flags.json) {
    for (const r of rows) io.out.write(jsonLine(r));
    return 0;
  }
  const s = style(colourEnabled(io.out, io.env));
  io.out.write(
    table(
      rows,
      [
        { header: "PROVIDER", value: (r) => r.provider, paint: (c) => s.cyan(c) },
        { header: "COMMAND", value: (r) => r.command },
        { header: "OPERATIONS", value: (r) => r.operations.join(", ") },
        { header: "AUTH", value: (r) => r.auth.join("; ") },
        { header: "REQUIRED", value: (r) => r.required.join(" ") },
        { header: "CREDENTIALS FROM", value: (r) => r.env.join(" ") },
      ],
      s,
    ),
  );
  io.out.write("\nDefault credential chains, tried in order (`bucketry whoami --provider P` shows which answered):\n");
  for (const r of rows) io.out.write(`  ${s.cyan(r.provider.padEnd(24))}${r.chain.join(" → ")}\n`);
  // Each provider's own list (from its module): Hitachi takes no region and a token, not a key pair.
  io.out.write("\nThe CLI's own variables, read when no flag or profile says (credentials: before the vendors'; see `bucketry --help`):\n");
  for (const r of rows) io.out.write(`  ${s.cyan(r.provider.padEnd(24))}${r.cliEnv.join(" ")}\n`);
  return 0;
}
