// Human and machine output: aligned tables (ANSI colour only on a TTY, NO_COLOR honoured), JSON lines, and a
// progress line on stderr (TTY only).
import type { Bucket, BucketAcl, Grant } from "../model.js";

export interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export function colourEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return Boolean(stream.isTTY);
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

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const width = (s: string) => [...s.replace(ANSI, "")].length;

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
  const cells = rows.map((r) => used.map((c) => c.value(r)));
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

export function jsonLine(value: unknown): string {
  return JSON.stringify(value) + "\n";
}

export function bucketJson(b: Bucket, withRaw: boolean): string {
  return jsonLine(jsonRecord(b, withRaw));
}

/** A one-line progress indicator on stderr, shown only on a TTY; `done()` erases it. */
export function progress(err: NodeJS.WriteStream): { update(text: string): void; done(): void } {
  if (!err.isTTY) return { update() {}, done() {} };
  let shown = false;
  return {
    update(text) {
      err.write(`\r\x1b[K${text}`);
      shown = true;
    },
    done() {
      if (shown) err.write("\r\x1b[K");
      shown = false;
    },
  };
}
