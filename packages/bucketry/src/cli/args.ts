// node:util parseArgs with usage errors (exit 2) instead of TypeErrors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export const CONNECTION_OPTIONS = {
  ...COMMON_OPTIONS,
  provider: { type: "string" },
  region: { type: "string" },
  endpoint: { type: "string" },
  profile: { type: "string" },
  "signature-version": { type: "string" },
  timeout: { type: "string" },
  retries: { type: "string" },
  raw: { type: "boolean" },
} as const satisfies Options;

export type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>["values"];

export function parse<O extends Options>(command: string, args: string[], options: O): Values<O> {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, command);
    return values;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code === "string" && e.code.startsWith("ERR_PARSE_ARGS")) {
      // parseArgs' messages are multi-line hints; keep the first sentence.
      throw new UsageError(String(e.message).split(/\.\s|\n/)[0]!.replace(/\.$/, ""), command);
    }
    throw err;
  }
}
