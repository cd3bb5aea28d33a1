// Vendor quirks as data: each adapter declares which raw field feeds which normalized field and how it
// is converted. The same tables drive normalization and the docs' mapping pages, so they cannot drift.
import type { CannedAcl } from "../model.js";

export interface Converter<T> {
  /**
   * Human-readable description of the conversion (shown in the docs). The shared converters below leave it out
   * (`describeConverter` has their words, so browser bundles do not carry them); an adapter's own converter says
   * it here or in its module's `docs.fieldWords`.
   */
  describe?: string | undefined;
  /** Returns the normalized value; `undefined` drops the field; throws `TypeError` for unreadable input. */
  convert(value: unknown): T | undefined;
}

export interface FieldRule<T = unknown> {
  /** Path in the vendor record (`BucketName`, `Owner.ID`). */
  from: string;
  required?: boolean;
  via: Converter<T>;
}

/**
 * The dotted paths into a record type that `from` may name (`BucketName`, `Owner.ID`; not into arrays), or any
 * string for an untyped record. Typing a table with its generated record type makes a renamed vendor field,
 * or a path that does not exist, a build error in the facade (a retyped one is the converter's to refuse).
 */
export type PathOf<T, Depth extends unknown[] = []> = unknown extends T
  ? string
  : Depth["length"] extends 4
    ? never
    : T extends readonly unknown[]
      ? never
      : T extends object
        ? {
            [K in keyof T & string]-?: K | (NonNullable<T[K]> extends readonly unknown[] ? never : NonNullable<T[K]> extends object ? `${K}.${PathOf<NonNullable<T[K]>, [...Depth, unknown]>}` : never);
          }[keyof T & string]
        : never;

/** Normalized field → its rule; `Raw`, the generated record type, limits `from` to its fields. */
export type FieldTable<Raw = unknown> = Record<string, FieldRule & { from: PathOf<Raw> }>;

export const text: Converter<string> = {
  convert: (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    throw new TypeError(`expected a string, got ${typeof v}`);
  },
};

/** Strings only: a number here would mean the vendor changed the field's type. */
export const exactText: Converter<string> = {
  convert: (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "string") return v;
    throw new TypeError(`expected a string, got ${typeof v}`);
  },
};

/** Ids: numbers become their decimal string; strings are kept exactly (leading zeros matter). */
export const idString: Converter<string> = {
  convert: (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
    if (typeof v === "bigint") return v.toString();
    throw new TypeError(`expected an id (string or integer), got ${typeof v === "number" ? String(v) : typeof v}`);
  },
};

/**
 * A received value for an error message: whole when short, else only its kind and length. Never cut: the
 * message is redacted later, and a secret cut in half would no longer be recognized.
 */
function shown(v: unknown): string {
  const json = JSON.stringify(v) ?? String(v);
  return json.length <= 40 ? json : `a ${typeof v} of ${json.length} characters`;
}

/** ISO 8601 with an explicit zone (`2022-10-12T05:45:00Z`). */
export const isoDate: Converter<Date> = {
  convert: (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    const m = typeof v === "string" ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(v) : null;
    if (!m) throw new TypeError(`expected an ISO 8601 timestamp with a zone, got ${shown(v)}`);
    const d = new Date(v as string);
    // Date.parse rolls over impossible fields (2022-02-30 → March 2, T24:00 → next day); reject them instead.
    const [y, mo, day, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[7] ?? "0"].map(Number) as [number, number, number, number, number, number];
    const calendar = new Date(0);
    calendar.setUTCFullYear(y, mo - 1, day);
    if (Number.isNaN(d.getTime()) || calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== day || h > 23 || mi > 59 || se > 59) {
      throw new TypeError(`invalid timestamp ${v as string}`);
    }
    return d;
  },
};

/**
 * `yyyyMMddHHmmss` as a number (what MPC really sends) or a string (what its table says), read as UTC:
 * MPC relays OBS bucket metadata, and OBS reports creation times in UTC (GMT); the page names no zone.
 */
export const compactUtcDate: Converter<Date> = {
  convert: (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    const s = typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v;
    const m = typeof s === "string" ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s) : null;
    if (!m) throw new TypeError(`expected yyyyMMddHHmmss, got ${shown(v)}`);
    const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
    date.setUTCFullYear(y, mo - 1, d); // Date.UTC maps years 0-99 to 1900-1999
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) throw new TypeError(`invalid date ${s}`);
    return date;
  },
};

const CANNED: ReadonlySet<string> = new Set(["private", "public-read", "public-read-write"]);

export const cannedAcl: Converter<CannedAcl> = {
  convert: (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "string" && CANNED.has(v)) return v as CannedAcl;
    throw new TypeError(`expected a canned ACL, got ${shown(v)}`);
  },
};

function pick(record: unknown, path: string): unknown {
  let current = record;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** An optional field whose vendor value could not be read: left out of the normalized record, not fatal. */
export interface DroppedField {
  /** The normalized field (`acl`, `createdAt`). */
  field: string;
  /** Its path in the vendor record (`BucketAcl`). */
  from: string;
  /** The vendor's value as received. */
  value: unknown;
  /** Why it could not be read. */
  reason: string;
}

/**
 * Applies a field table to one vendor record. A required field that is missing or unreadable throws a
 * TypeError naming it; an optional one that cannot be read is left out and handed to `onDrop`, so one odd
 * value never loses the record (the vendor's value stays in `raw`).
 */
export function applyTable(record: unknown, table: FieldTable, onDrop?: (dropped: DroppedField) => void): Record<string, unknown> {
  if (typeof record !== "object" || record === null || Array.isArray(record)) throw new TypeError("expected an object record");
  const out: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(table)) {
    const raw = pick(record, rule.from);
    let value: unknown;
    try {
      value = rule.via.convert(raw);
    } catch (err) {
      if (rule.required) throw new TypeError(`${rule.from}: ${(err as Error).message}`);
      onDrop?.({ field, from: rule.from, value: raw, reason: (err as Error).message });
      continue;
    }
    if (value === undefined) {
      if (rule.required) throw new TypeError(`${rule.from} is missing`);
      continue;
    }
    out[field] = value;
  }
  return out;
}

/** The words the docs show for a field's conversion: the adapter's own, or the shared converter's. */
export function describeConverter(converter: Converter<unknown>): string {
  const shared = new Map<Converter<unknown>, string>([
    [text, "string as sent"],
    [exactText, "string as sent (other types rejected)"],
    [idString, "string; numbers as their decimal digits, strings kept exactly (leading zeros kept)"],
    [isoDate, "ISO 8601 UTC timestamp → Date"],
    [compactUtcDate, "yyyyMMddHHmmss (number or string), read as UTC → Date"],
    [cannedAcl, "canned ACL (private | public-read | public-read-write)"],
  ]);
  const words = converter.describe ?? shared.get(converter);
  if (words === undefined) throw new TypeError("a converter has no description for the docs (set `describe` or the module's docs.fieldWords)");
  return words;
}
