// Human and machine output: aligned tables (ANSI colour only on a TTY, NO_COLOR and TERM=dumb honoured), JSON
// lines, and a progress line on stderr (TTY only, not TERM=dumb).
import type { Bucket, BucketAcl, Grant } from "../model.js";
import { ENDING_SIGNALS, signalExitCode, type EndingSignal, type SignalSource } from "./signals.js";
import { displayWidth } from "./width.js";

export interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Ctrl-C and SIGTERM, for a command that must tidy the terminal before it ends (the process's, from `main`). */
  signals?: SignalSource | undefined;
}

/**
 * A terminal that acts on escape sequences: a TTY whose TERM is not "dumb" (Emacs' shell buffer, some CI log
 * viewers and editors' terminals set it: they show ESC[1m or ESC[K as text).
 */
function ansiTerminal(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

export function colourEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return ansiTerminal(stream, env);
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function style(enabled: boolean): Style {
  return enabled
    ? { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) }
    : { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
}

/**
 * What a terminal acts on instead of showing: C0 controls (ESC starts CSI and OSC sequences: colours, cursor
 * moves, OSC 8 links, OSC 52 clipboard writes; CR, BS and BEL overwrite or ring), DEL, the C1 controls
 * U+0080–U+009F (U+009B is a one-character CSI on terminals that take 8-bit controls), the bidi marks,
 * embeddings, overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: they reorder the
 * text shown), the line and paragraph separators U+2028–U+2029, and lone surrogates (written as U+FFFD, so
 * two different values would read the same).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEPING_NEWLINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const escaped = (c: string) => {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
};

/**
 * A value for human-readable output (a table cell, a line on stderr): every character a terminal would act on
 * instead of showing is written as an escape (`\x1b`, `\r`, `\u009b`, `\u202e`), so whatever a vendor sends is
 * shown, never obeyed. The rest (any script, emoji) is kept as it is.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** As `visible`, for text of several lines the CLI writes itself (a request it signed, a stack): newlines kept. */
export function visibleLines(text: string): string {
  return text.replace(UNSAFE_KEEPING_NEWLINES, escaped);
}

/**
 * --debug's notes on stderr (retry notes, a vendor value dropped), or undefined without --debug. A note quotes what
 * the vendor sent (a dropped value, an error code): escaped, as every vendor value shown.
 */
export function debugLog(io: Io, on: boolean | undefined): ((line: string) => void) | undefined {
  return on ? (line) => void io.err.write(`bucketry: ${visible(line)}\n`) : undefined;
}

/** Terminal columns (display width, not UTF-16 units); a table measures its cells before painting them. */
const width = displayWidth;

export interface Column<T> {
  header: string;
  value(row: T): string;
  /** Colour for a cell (applied after padding is measured). */
  paint?(cell: string, row: T): string;
  align?: "left" | "right";
}

/** An aligned table; columns whose cells are all empty are left out. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[], s: Style): string {
  const used = columns.filter((c) => rows.some((r) => c.value(r) !== ""));
  // Escaped before measuring and painting: only the style's own sequences reach the terminal.
  const cells = rows.map((r) => used.map((c) => visible(c.value(r))));
  const widths = used.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]!))));
  const pad = (text: string, i: number, painted: string) => {
    const gap = " ".repeat(widths[i]! - width(text));
    return used[i]!.align === "right" ? gap + painted : painted + gap;
  };
  const lines = [used.map((c, i) => pad(c.header, i, s.bold(c.header))).join("  ").trimEnd()];
  rows.forEach((r, k) => {
    lines.push(
      used
        .map((c, i) => {
          const text = cells[k]![i]!;
          const shown = text === "" ? "-" : text;
          return pad(shown, i, text === "" ? s.dim(shown) : c.paint ? c.paint(text, r) : text);
        })
        .join("  ")
        .trimEnd(),
    );
  });
  return lines.join("\n") + "\n";
}

export function paintAcl(acl: string, s: Style): string {
  if (acl.startsWith("public-read-write")) return s.red(acl);
  if (acl.startsWith("public-read")) return s.yellow(acl);
  if (acl.startsWith("private")) return s.green(acl);
  return acl;
}

/** `2024-05-01 10:20:30Z` — compact, UTC, sortable. */
export function formatDate(d: Date | undefined): string {
  if (!d || Number.isNaN(d.getTime())) return "";
  return d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "Z");
}

export function granteeText(g: Grant["grantee"]): string {
  return g.type === "everyone" ? "everyone" : `user ${g.id}`;
}

/** The canned ACL, or a short summary of the grants when the vendor states none. */
export function aclSummary(acl: BucketAcl): string {
  if (acl.acl) return acl.acl;
  if (acl.grants.length === 0) return "(no grants)";
  return acl.grants.map((g) => `${granteeText(g.grantee)}:${g.permission}${g.scoped ? " (scoped)" : ""}`).join(", ") + (acl.conditional ? " (conditional: see --raw)" : "");
}

/** A record for --json: `raw` left out unless asked for (Dates become ISO strings in JSON.stringify). */
export function jsonRecord<T extends { raw: unknown }>(record: T, withRaw: boolean): Omit<T, "raw"> | T {
  if (withRaw) return record;
  const { raw: _raw, ...rest } = record;
  return rest;
}

// What JSON.stringify leaves raw of UNSAFE (it escapes U+0000–U+001F and lone surrogates itself).
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, with DEL, the C1 controls, the bidi controls and U+2028–U+2029 also written as `\uXXXX`: JSON
 * read by a program is the same value (a `\u` escape is lossless), and JSON read on a terminal (`--json` without
 * a pipe) cannot act on it. These characters only ever occur inside strings, where the escape is valid.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function jsonLine(value: unknown): string {
  return jsonText(value) + "\n";
}

export function bucketJson(b: Bucket, withRaw: boolean): string {
  return jsonLine(jsonRecord(b, withRaw));
}

/**
 * A one-line progress indicator on stderr, shown only on a terminal that acts on escape sequences (it erases with
 * ESC[K); `done()` erases it. A text as wide as the terminal is cut to fit: a line that wraps is only erased on its
 * last row, and every update would leave the others behind. While the line is shown, Ctrl-C or SIGTERM from
 * `signals` erases it before the command ends (130 / 143), so the shell's prompt does not start behind it; `done()`
 * stops listening, so a command that ends normally leaves no listener behind.
 */
export function progress(err: NodeJS.WriteStream, env: NodeJS.ProcessEnv, signals?: SignalSource): { update(text: string): void; done(): void } {
  if (!ansiTerminal(err, env)) return { update() {}, done() {} };
  let shown = false;
  const listeners = new Map<EndingSignal, () => void>(
    ENDING_SIGNALS.map((signal) => [
      signal,
      () => {
        bar.done();
        signals!.end(signal, signalExitCode(signal));
      },
    ]),
  );
  const bar = {
    update(text: string) {
      err.write(`\r\x1b[K${fitted(text, err.columns)}`);
      if (!shown && signals) for (const [signal, listener] of listeners) signals.on(signal, listener);
      shown = true;
    },
    done() {
      if (!shown) return;
      err.write("\r\x1b[K");
      if (signals) for (const [signal, listener] of listeners) signals.off(signal, listener);
      shown = false;
    },
  };
  return bar;
}

/** `text` cut to fewer than `columns` terminal columns (ending "…" when cut); whole when the width is unknown. */
function fitted(text: string, columns: number | undefined): string {
  if (!columns || displayWidth(text) < columns) return text;
  let cut = "";
  for (const c of text) {
    if (displayWidth(cut + c) > columns - 2) break;
    cut += c;
  }
  return `${cut}…`;
}
