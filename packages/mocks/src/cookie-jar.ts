// Cookies for clients that cannot carry them: a page's script may neither send `Cookie` nor read `Set-Cookie`
// (browsers drop both), so a mock answering in the page through a custom `fetch` would never see the cookies
// it set. Given a `MockCookieJar`, the engine plays the browser's cookie store for such clients: the cookies an
// answer sets are stored in the jar and come back as the next request's cookies, as a browser does for a
// credentialed request (`credentials: "include"`).

/** Where the engine keeps the cookies its answers set, for clients that cannot send them back themselves. */
export interface MockCookieJar {
  /** The cookies to add to a request's own (`name → value`); the request's `Cookie` header wins on a clash. */
  cookies(url: URL): Iterable<readonly [string, string]>;
  /** The `Set-Cookie` lines of an answer to `url`. */
  store(url: URL, setCookies: readonly string[]): void;
  /**
   * Forgets every cookie the jar stored; `mock.reset()` calls it, so the next test starts with no cookies of the
   * last one (the sessions they named are gone too). A jar without it keeps its cookies across resets.
   */
  clear?(): void;
}

/** One `Set-Cookie` line's name, value and whether scripts may see it (not `HttpOnly`). */
function parseSetCookie(line: string): { name: string; value: string; httpOnly: boolean } | undefined {
  const [pair = "", ...attributes] = line.split(";");
  const eq = pair.indexOf("=");
  if (eq <= 0) return undefined;
  return {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    httpOnly: attributes.some((a) => a.trim().toLowerCase() === "httponly"),
  };
}

/** A jar in memory, shared by every host (one client talking to one mock). */
export function memoryCookieJar(): MockCookieJar & { readonly size: number; clear(): void } {
  const jar = new Map<string, string>();
  return {
    cookies: () => jar.entries(),
    store(_url, lines) {
      for (const line of lines) {
        const cookie = parseSetCookie(line);
        if (cookie) jar.set(cookie.name, cookie.value);
      }
    },
    get size() {
      return jar.size;
    },
    clear: () => jar.clear(),
  };
}

interface CookieDocument {
  cookie: string;
}

/**
 * The page's own cookie store for a mock running in the page: cookies scripts may see go to `document.cookie`
 * (where a client reads the XSRF-TOKEN a same-site server set), `HttpOnly` ones stay in memory, hidden from
 * scripts as a browser keeps them; both come back with every request to the mock. Where the page has no
 * cookies (`file://` pages in Chromium), `document.cookie` keeps nothing and a client that must read a
 * cookie fails as it would against a real server.
 */
export function documentCookieJar(doc: CookieDocument | undefined = (globalThis as { document?: CookieDocument }).document): MockCookieJar {
  if (!doc) throw new Error("documentCookieJar: no document (it is for a mock running in a browser page; use memoryCookieJar() elsewhere)");
  const hidden = memoryCookieJar();
  /** The names this jar wrote to `document.cookie`: `clear()` expires those, and leaves the page's own alone. */
  const written = new Set<string>();
  return {
    *cookies(url) {
      for (const part of doc.cookie.split(";")) {
        const eq = part.indexOf("=");
        if (eq > 0) yield [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
      }
      yield* hidden.cookies(url);
    },
    store(url, lines) {
      for (const line of lines) {
        const cookie = parseSetCookie(line);
        if (!cookie) continue;
        if (cookie.httpOnly) hidden.store(url, [line]);
        else {
          doc.cookie = `${cookie.name}=${cookie.value}; Path=/; SameSite=Strict`;
          written.add(cookie.name);
        }
      }
    },
    clear() {
      for (const name of written) doc.cookie = `${name}=; Path=/; SameSite=Strict; Max-Age=0`;
      written.clear();
      hidden.clear();
    },
  };
}
