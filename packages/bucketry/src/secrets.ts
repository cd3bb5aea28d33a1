// What a client must never show: the secrets it knows, and how they are hidden from text it did not write.
import { percentEncode } from "@bucketry/signing/signed";
import { INSPECT } from "./errors.js";

/**
 * Secrets a client knows: its credentials and the cookies a server gave it. Used only to redact them from
 * text bucketry did not write itself (a thrown error's message, a server's error message quoting a header);
 * bucketry's own messages never include them in the first place. Kept apart so that none pushes another
 * out: the credentials given when the client was made (for its life), those obtained since (a credential
 * function's or chain's, a granted token: the latest 64), every cookie's current value (as long as the
 * cookie jar sends it), and the latest 64 values cookies replaced (calls still in flight carry them: a
 * session that rotates its XSRF token on every answer).
 */
export class SecretSet {
  readonly #given = new Map<string, string[]>();
  readonly #obtained = new Map<string, string[]>();
  readonly #cookies = new Map<string, string>();
  readonly #replaced = new Map<string, string[]>();
  /** Every form of every value; rebuilt after a change, not per message. */
  #all: string[] | undefined;
  /** True while the client is being made: static credentials are remembered then, synchronously. */
  #making = true;
  constructor() {
    queueMicrotask(() => (this.#making = false));
  }
  /** Credential values. */
  add(...values: unknown[]): void {
    for (const value of values) if (typeof value === "string" && remember(this.#making ? this.#given : this.#obtained, value, true)) this.#all = undefined;
  }
  /** A cookie's value, as the jar keeps and sends it. */
  addCookie(name: string, value: string): void {
    const current = this.#cookies.get(name);
    if (current === value) return;
    if (current !== undefined) remember(this.#replaced, current, false);
    this.#cookies.set(name, value);
    this.#all = undefined;
  }
  readonly redact = (text: string): string => {
    this.#all ??= [...new Set([...this.#given.values(), ...this.#obtained.values(), ...this.#replaced.values(), ...[...this.#cookies.values()].map((v) => [v])].flat())].filter((v) => v.length >= 4);
    return hideValues(text, this.#all, "[redacted]");
  };
  // Never shown: not in JSON, not in util.inspect.
  toJSON(): string {
    return "[SecretSet]";
  }
  [INSPECT](): string {
    return "[SecretSet]";
  }
}

/**
 * `text` with every occurrence of every value replaced by `marker`; occurrences that overlap or touch become one
 * marker. One pass over the original text: two secrets that overlap (one's tail the other's head) are hidden
 * whole, and a value that happens to occur in the marker cannot garble it — nor a marker already in the text
 * (a message redacted twice).
 */
export function hideValues(text: string, values: readonly string[], marker: string): string {
  if (marker && text.includes(marker)) return text.split(marker).map((part) => hideValues(part, values, marker)).join(marker);
  const spans: [number, number][] = [];
  for (const v of values) if (v) for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) spans.push([at, at + v.length]);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let end = 0;
  for (const [start, stop] of spans) {
    if (start > end || out === "") out += text.slice(end, start) + marker;
    end = Math.max(end, stop);
  }
  return out + text.slice(end);
}

/**
 * `value` (with its percent-encoded forms when `encoded`) as the most recent of at most 64, the least recent
 * dropped. True when the values kept changed (a known value is only moved: a chain's are added on every call).
 */
function remember(kept: Map<string, string[]>, value: string, encoded: boolean): boolean {
  if (value.length < 4) return false;
  const known = kept.get(value);
  kept.delete(value);
  // Credentials also as percent-encoded once and twice: an RPC string to sign carries a token in Alibaba's
  // form (which escapes `!'()*` too), a URL in encodeURIComponent's. Cookies travel as they are.
  kept.set(value, known ?? (encoded ? [...new Set([value, ...encodedForms(value)])] : [value]));
  if (known !== undefined) return false;
  if (kept.size > 64) kept.delete(kept.keys().next().value!);
  return true;
}

function encodedForms(value: string): string[] {
  try {
    const once = encodeURIComponent(value);
    const forms = [once, encodeURIComponent(once), percentEncode(value), percentEncode(percentEncode(value))];
    // A server quoting a URL back may write its escapes in lower case (%2b): equivalent, so also hidden.
    return [...forms, ...forms.map((form) => form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()))];
  } catch {
    return []; // a lone surrogate: no header or URL can carry it as it is
  }
}
