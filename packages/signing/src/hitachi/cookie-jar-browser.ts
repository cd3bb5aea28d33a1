// The cookie jar where the `browser` condition of the package's `#cookie-jar` import applies. Browsers hide
// `Set-Cookie` from scripts (a response's headers never list it), so the jar of cookie-jar.ts would stay empty
// there: this one is that empty jar, with the same interface, and the browser's own jar carries the session.
// Server-side runtimes that bundlers also resolve with `browser` (workerd, edge workers) see Set-Cookie and have
// no jar of their own: their conditions come first in `#cookie-jar` and keep the full jar.
export { readDocumentCookie } from "./cookie-jar.js";

/** No Set-Cookie line is visible to a script in a browser. */
export function readSetCookies(_headers: Headers): string[] {
  return [];
}

/** cookie-jar.ts's CookieJar as it behaves in a browser: it never holds a cookie. */
export class CookieJar {
  /** The full jar's clock, unused: nothing is held to expire. */
  constructor(_now?: () => number) {}
  setCookies(_lines: readonly string[]): boolean {
    return false;
  }
  get(_name: string): string | undefined {
    return undefined;
  }
  names(): string[] {
    return [];
  }
  header(): string {
    return "";
  }
  /** The caller's own cookies, as the full jar's mergedWith gives them when it holds none. */
  mergedWith(callerCookie: string | null): string {
    return callerCookie ? callerCookie.split(";").map((part) => part.trim()).filter(Boolean).join("; ") : "";
  }
}
