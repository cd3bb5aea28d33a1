// node:util parseArgs with usage errors (exit 2) instead of TypeErrors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit.js";
import { editDistance } from "../provider.js";

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

/** The connection flags a command takes: those that mean nothing to it are refused, by name (see `parse`). */
export function connectionOptionsWithout<K extends keyof typeof CONNECTION_OPTIONS>(...names: K[]): Omit<typeof CONNECTION_OPTIONS, K> {
  const kept: Record<string, unknown> = { ...CONNECTION_OPTIONS };
  for (const name of names) delete kept[name];
  return kept as Omit<typeof CONNECTION_OPTIONS, K>;
}

export type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>["values"];

export function parse<O extends Options>(command: string, args: string[], options: O): Values<O> {
  try {
    const { values, positionals, tokens } = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, command);
    // parseArgs keeps the last of a repeated flag: `--region a --region b` would run in b without a word. Every
    // flag taking a value is single-valued: refused, naming it. (A repeated switch, `--json --json`, means the same.)
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== "option" || options[token.name]?.type !== "string" || options[token.name]?.multiple) continue;
      if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once: give it once`, command);
      seen.add(token.name);
    }
    // An empty value (`--endpoint "$UNSET"`) would read as the flag left out: the profile's or the environment's
    // value, or the vendor's own host, used without a word. Refused, naming the flag (an empty --prefix filters nothing).
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === "string" && value.trim() === "" && name !== "prefix") throw new UsageError(`--${name} is empty: give it a value, or leave it out`, command);
    }
    return values;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code === "string" && e.code.startsWith("ERR_PARSE_ARGS")) {
      const message = String(e.message);
      // "--prefix -x": parseArgs takes "-x" for a flag; its hint (write --prefix=-x) is what the user needs.
      const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
      if (ambiguous) throw new UsageError(`${ambiguous[1]} needs a value; for a value starting with "-" write ${ambiguous[1]}=VALUE`, command);
      // A connection flag this command leaves out (whoami has no --timeout): say so rather than "unknown".
      const unknown = /^Unknown option '--([\w-]+)'/.exec(message);
      if (unknown && unknown[1]! in CONNECTION_OPTIONS) throw new UsageError(`--${unknown[1]} does not apply to \`bucketry ${command}\``, command);
      // Any other unknown flag: named, with the command's flag it is closest to (a typo, a one-dash long flag).
      const given = unknown ? `--${unknown[1]}` : /^Unknown option '(-.)'/.exec(message)?.[1];
      if (given !== undefined) {
        const hint = unknown ? nearFlag(unknown[1]!, options) : singleDashHint(given, args, options);
        throw new UsageError(`${hint?.given ?? given} is not a flag of \`bucketry ${command}\`${hint ? `: did you mean --${hint.flag}?` : ""}`, command);
      }
      // parseArgs' other messages are multi-line hints; keep the first sentence.
      throw new UsageError(message.split(/\.\s|\n/)[0]!.replace(/\.$/, ""), command);
    }
    throw err;
  }
}

/**
 * The command's long flag `name` most likely meant, if any: the only one it abbreviates (`--show-sig`), else the
 * closest by edit distance when close for the name's length (`--limt`, `--jsno`, `--Provider`, `--user_id`).
 */
function nearFlag(name: string, options: Options): { given: string; flag: string } | undefined {
  const lower = name.toLowerCase().replace(/_/g, "-");
  const flags = Object.keys(options);
  const abbreviated = lower.length >= 3 ? flags.filter((flag) => flag.startsWith(lower)) : [];
  if (abbreviated.length === 1) return { given: `--${name}`, flag: abbreviated[0]! };
  let near: string | undefined;
  // A swap of two neighbours counts two edits (`--jsno`): as close as a four-letter flag may be.
  let best = Math.min(2, Math.floor(name.length / 2));
  for (const flag of flags) {
    const d = editDistance(flag, lower);
    if (d <= best && (near === undefined || d < best)) [near, best] = [flag, d];
  }
  return near === undefined ? undefined : { given: `--${name}`, flag: near };
}

/**
 * A long flag written with one dash (`-limit 5`): parseArgs reads it as short flags and names only the first
 * (`-l`). The argument it came from, when it names a long flag, is what to hint at.
 */
function singleDashHint(short: string, args: string[], options: Options): { given: string; flag: string } | undefined {
  const arg = args.find((a) => a.startsWith(short) && !a.startsWith("--") && a.length > 2);
  const name = arg?.slice(1).split("=")[0];
  const near = name ? nearFlag(name, options) : undefined;
  return near ? { given: `-${name}`, flag: near.flag } : undefined;
}
