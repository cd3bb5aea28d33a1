// A cookie jar for the Hitachi session: Set-Cookie lines in (separate or combined into one header), a `Cookie`
// header out. Names, values and expiry only — path, domain and flags are dropped: the jar serves one MAPI base.
// Expiry as RFC 6265 §5.2.1–2 reads it: `Max-Age` (of zero or less, or, without a valid Max-Age, an `Expires`
// date already past, deletes — how Express's clearCookie and many proxies delete), and a cookie past it is not sent.
//
// Browsers hide `Set-Cookie` from scripts and refuse a script's `Cookie` header; there the browser's own jar
// carries the session, and `readDocumentCookie` reads a cookie the page can see.
/** Every Set-Cookie line: `Headers.getSetCookie()` (Node >= 19.7, modern browsers), else split a combined header. */
export function readSetCookies(headers: Headers): string[] {
  const h = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof h.getSetCookie === "function") return h.getSetCookie();
  const combined = headers.get("set-cookie");
  return combined ? splitCombinedSetCookie(combined) : [];
}

/**
 * Splits `a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT, b=2` (several Set-Cookie values joined with ", ")
 * at the commas that are followed by a `name=` token. The comma inside an Expires date is followed by
 * ` 21 Oct…` (a token ending in a space, not `=`), so it is kept.
 */
export function splitCombinedSetCookie(combined: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = combined.length;
  for (let i = combined.indexOf(","); i !== -1; i = combined.indexOf(",", i + 1)) {
    let j = i + 1;
    while (j < n && (combined.charCodeAt(j) === 32 || combined.charCodeAt(j) === 9)) j++;
    let k = j;
    while (k < n) {
      const d = combined.charCodeAt(k);
      if (d === 61 /* = */ || d === 59 /* ; */ || d === 44 /* , */ || d === 32 || d === 9) break;
      k++;
    }
    if (k > j && k < n && combined.charCodeAt(k) === 61) {
      const piece = combined.slice(start, i).trim();
      if (piece) out.push(piece);
      start = j;
    }
  }
  const last = combined.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Cookies by name, in the order the server first set them. The session keeps its jar to itself. */
export class CookieJar {
  /** Value and the epoch ms it expires at (Infinity: a session cookie). */
  readonly #cookies = new Map<string, [string, number]>();
  readonly #now: () => number;

  /** `now`: epoch ms, against which Max-Age and Expires are read. */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The cookies not yet expired: one past its Max-Age or Expires is removed, never sent (RFC 6265 §5.3). */
  #live(): Map<string, [string, number]> {
    const now = this.#now();
    for (const [name, [, expires]] of this.#cookies) if (expires <= now) this.#cookies.delete(name);
    return this.#cookies;
  }

  /** Applies Set-Cookie lines (attributes other than Max-Age and Expires dropped; an expiry already past deletes). Returns whether anything changed. */
  setCookies(lines: readonly string[]): boolean {
    let changed = false;
    const now = this.#now();
    for (const line of lines) {
      const semi = line.indexOf(";");
      const pair = semi === -1 ? line : line.slice(0, semi);
      const eq = pair.indexOf("=");
      if (eq <= 0) continue; // no name: ignored, as browsers do for our purposes
      const name = pair.slice(0, eq).trim();
      let value = pair.slice(eq + 1).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!name) continue;
      const expires = semi === -1 ? Infinity : expiryOf(line.slice(semi + 1), now);
      if (expires <= now) {
        changed = this.#cookies.delete(name) || changed;
        continue;
      }
      if (this.#cookies.get(name)?.[0] !== value) changed = true;
      this.#cookies.set(name, [value, expires]);
    }
    return changed;
  }

  get(name: string): string | undefined {
    return this.#live().get(name)?.[0];
  }

  names(): string[] {
    return [...this.#live().keys()];
  }

  /** `name=value; name=value` in the order set ("" when empty). */
  header(): string {
    let out = "";
    for (const [name, [value]] of this.#live()) out += (out ? "; " : "") + name + "=" + value;
    return out;
  }

  /** A `Cookie` header: the caller's own cookies (names this jar does not hold) followed by the jar's. */
  mergedWith(callerCookie: string | null): string {
    const header = this.header();
    if (!callerCookie) return header;
    let kept = "";
    for (const part of callerCookie.split(";")) {
      const trimmed = part.trim();
      if (!trimmed) continue;
      const eq = trimmed.indexOf("=");
      const name = eq === -1 ? trimmed : trimmed.slice(0, eq).trim();
      if (this.#cookies.has(name)) continue;
      kept += (kept ? "; " : "") + trimmed;
    }
    if (!kept) return header;
    return header ? `${kept}; ${header}` : kept;
  }
}

/**
 * When the attributes expire the cookie (RFC 6265 §5.2.1–2): `now` plus the last valid `Max-Age` (digits, an
 * optional leading "-"; zero or less: now); without one, the `Expires` date; Infinity without either. Anything else
 * in them (`Max-Age=`, `Max-Age=1e3`, a date that does not parse) is ignored, as RFC 6265 says.
 */
function expiryOf(attributes: string, now: number): number {
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attr of attributes.split(";")) {
    const eq = attr.indexOf("=");
    if (eq === -1) continue;
    const key = attr.slice(0, eq).trim().toLowerCase();
    const value = attr.slice(eq + 1).trim();
    if (key === "max-age" && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === "expires") expires = cookieDate(value) ?? expires;
  }
  return maxAge !== undefined ? now + Math.max(maxAge, 0) * 1000 : expires ?? Infinity;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A cookie date as RFC 6265 §5.1.1 reads it: among delimiters, the first time (hh:mm:ss), day of month (1–2
 * digits), month name and year (2–4 digits; 70–99 are 19xx, 0–69 20xx), in any order; undefined when one is
 * missing or out of range (`Expires=0` is no date).
 */
function cookieDate(text: string): number | undefined {
  let time: number[] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const token of text.split(/[\x09\x20-\x2F\x3B-\x40\x5B-\x60\x7B-\x7E]+/)) {
    const named = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    if (time === undefined && /^\d{1,2}:\d{1,2}:\d{1,2}(?!\d)/.test(token)) time = token.split(":").slice(0, 3).map((n) => parseInt(n, 10));
    else if (day === undefined && /^\d{1,2}(?!\d)/.test(token)) day = parseInt(token, 10);
    else if (month === undefined && named >= 0) month = named;
    else if (year === undefined && /^\d{2,4}(?!\d)/.test(token)) year = parseInt(token, 10);
  }
  if (time === undefined || day === undefined || month === undefined || year === undefined) return undefined;
  if (year < 100) year += year >= 70 ? 1900 : 2000;
  const [h = 0, m = 0, s = 0] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || m > 59 || s > 59) return undefined;
  const at = new Date(0);
  at.setUTCFullYear(year, month, day);
  at.setUTCHours(h, m, s, 0);
  return at.getUTCDate() === day ? at.getTime() : undefined; // 31 Feb is no date
}

/** A cookie the page can see (`document.cookie`: same site, not HttpOnly), percent-decoded; undefined elsewhere. */
export function readDocumentCookie(name: string): string | undefined {
  const doc = (globalThis as { document?: { cookie?: unknown } }).document;
  const all = doc && typeof doc.cookie === "string" ? doc.cookie : "";
  for (const part of all.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw) || undefined;
      } catch {
        return raw || undefined;
      }
    }
  }
  return undefined;
}
