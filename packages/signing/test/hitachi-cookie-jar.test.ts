// The Hitachi session's cookie jar: Set-Cookie lines (one per header, or combined into one by an older
// runtime) in, a `Cookie` header out; an expiry already past (Max-Age <= 0, a past Expires) deletes; values never shown by toJSON or util.inspect.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as browserJar from "../src/hitachi/cookie-jar-browser.js";
import { CookieJar, readDocumentCookie, readSetCookies, splitCombinedSetCookie } from "../src/hitachi/cookie-jar.js";

describe("Set-Cookie lines", () => {
  it("splits a combined header, keeping commas inside Expires", () => {
    const combined =
      "XSRF-TOKEN=abc=def; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure, vertx-web.session=s1; Path=/; HTTPOnly,other=x";
    expect(splitCombinedSetCookie(combined)).toEqual([
      "XSRF-TOKEN=abc=def; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure",
      "vertx-web.session=s1; Path=/; HTTPOnly",
      "other=x",
    ]);
    expect(splitCombinedSetCookie("")).toEqual([]);
    expect(splitCombinedSetCookie("a=1")).toEqual(["a=1"]);
  });

  it("reads every line with Headers.getSetCookie, and falls back to the combined header when it is missing", () => {
    const headers = new Headers();
    headers.append("Set-Cookie", "XSRF-TOKEN=t1; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT");
    headers.append("Set-Cookie", "vertx-web.session=s1; HttpOnly");
    expect(readSetCookies(headers)).toEqual(["XSRF-TOKEN=t1; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT", "vertx-web.session=s1; HttpOnly"]);

    const combined = "XSRF-TOKEN=t1; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT, vertx-web.session=s1; HttpOnly";
    const legacyHeaders = { get: (name: string) => (name.toLowerCase() === "set-cookie" ? combined : null) } as unknown as Headers;
    expect(readSetCookies(legacyHeaders)).toEqual(["XSRF-TOKEN=t1; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT", "vertx-web.session=s1; HttpOnly"]);
    expect(readSetCookies(new Headers())).toEqual([]);
  });
});

describe("CookieJar", () => {
  it("keeps names and values in the order first set, drops attributes and quotes, and serializes them", () => {
    const jar = new CookieJar();
    expect(jar.header()).toBe("");
    expect(jar.setCookies(["XSRF-TOKEN=abc=def; Path=/; Secure", 'vertx-web.session="s1"; HttpOnly', "=nameless", "noequals"])).toBe(true);
    expect(jar.header()).toBe("XSRF-TOKEN=abc=def; vertx-web.session=s1");
    expect(jar.get("XSRF-TOKEN")).toBe("abc=def");
    expect(jar.names()).toEqual(["XSRF-TOKEN", "vertx-web.session"]);
    // A new value keeps the cookie's place; the same value again changes nothing.
    expect(jar.setCookies(["XSRF-TOKEN=rotated; Path=/"])).toBe(true);
    expect(jar.setCookies(["XSRF-TOKEN=rotated"])).toBe(false);
    expect(jar.header()).toBe("XSRF-TOKEN=rotated; vertx-web.session=s1");
  });

  it("a cookie past its Max-Age or Expires (injected clock) is no longer read nor sent; a session cookie stays", () => {
    let now = Date.UTC(2026, 0, 1);
    const jar = new CookieJar(() => now);
    jar.setCookies([
      "XSRF-TOKEN=x; Path=/; Max-Age=1800",
      "lb=node-2; Expires=Thu, 01 Jan 2026 01:00:00 GMT",
      "vertx-web.session=s; Path=/; HttpOnly",
      "both=b; Expires=Thu, 01 Jan 2026 00:00:10 GMT; Max-Age=7200", // Max-Age wins (RFC 6265 §5.3 step 3)
    ]);
    expect(jar.header()).toBe("XSRF-TOKEN=x; lb=node-2; vertx-web.session=s; both=b");
    now += 1800_000 - 1;
    expect(jar.get("XSRF-TOKEN")).toBe("x");
    now += 1;
    expect(jar.get("XSRF-TOKEN")).toBeUndefined();
    expect(jar.header()).toBe("lb=node-2; vertx-web.session=s; both=b");
    now = Date.UTC(2026, 0, 1, 1);
    expect(jar.names()).toEqual(["vertx-web.session", "both"]);
    expect(jar.mergedWith("lb=caller; XSRF-TOKEN=caller")).toBe("lb=caller; XSRF-TOKEN=caller; vertx-web.session=s; both=b");
    now = Date.UTC(2026, 0, 1, 2);
    expect(jar.header()).toBe("vertx-web.session=s");
    // Set again with a new lifetime: alive again from now.
    jar.setCookies(["XSRF-TOKEN=y; Max-Age=60"]);
    expect(jar.get("XSRF-TOKEN")).toBe("y");
  });

  it("deletes a cookie on Max-Age=0 or a negative Max-Age, and ignores other attributes", () => {
    const jar = new CookieJar();
    jar.setCookies(["a=1", "b=2", "c=3"]);
    expect(jar.setCookies(["a=; Max-Age=0", "b=x; max-age=-1", "c=4; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT"])).toBe(true);
    expect(jar.header()).toBe("c=4");
    expect(jar.get("a")).toBeUndefined();
    expect(jar.setCookies(["missing=; Max-Age=0"])).toBe(false);
  });

  it("reads expiry as RFC 6265 §5.2 does: an Expires already past deletes (without a valid Max-Age); a Max-Age that is not digits is ignored", () => {
    const jar = new CookieJar();
    jar.setCookies(["XSRF-TOKEN=t1", "vertx-web.session=s1", "d=4", "e=5", "f=6"]);
    // How Express's clearCookie deletes: an empty value and Expires at the epoch.
    expect(jar.setCookies(["XSRF-TOKEN=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"])).toBe(true);
    // An empty, fractional or exponent Max-Age is not a Max-Age: the cookie is set, not deleted.
    jar.setCookies(["vertx-web.session=s2; Max-Age=", "d=4b; Max-Age=1e3", "e=5b; Max-Age=0.5"]);
    // A valid Max-Age wins over Expires, either way.
    jar.setCookies(["f=6b; Max-Age=-1; Expires=Wed, 01 Jan 2200 00:00:00 GMT"]);
    expect(jar.header()).toBe("vertx-web.session=s2; d=4b; e=5b");
    // A date that does not parse as a cookie date is ignored: no deletion.
    expect(jar.setCookies(["g=7; Expires=someday", "h=8; Expires=0", "i=9; Expires=-1", "j=10; Expires=1", "k=11; Expires=01-Jan-1970"])).toBe(true);
    expect(["g", "h", "i", "j", "k"].map((name) => jar.get(name))).toEqual(["7", "8", "9", "10", "11"]);
    // A two-digit year below 70 is 20xx (01-Jan-60 is in 2060: kept); 70 and above 19xx (01-Jan-99: deleted).
    jar.setCookies(["g=7b; Expires=Thu, 01-Jan-60 00:00:00 GMT", "h=; Expires=Fri, 01-Jan-99 00:00:00 GMT"]);
    expect([jar.get("g"), jar.get("h")]).toEqual(["7b", undefined]);
    // The order of its parts does not matter (asctime: month, day, time, year).
    jar.setCookies(["i=; Expires=Thu Jan  1 00:00:00 1970"]);
    expect(jar.get("i")).toBeUndefined();
  });

  it("merges the caller's own Cookie header: the caller's other cookies first, the jar's win on a shared name", () => {
    const jar = new CookieJar();
    expect(jar.mergedWith("lb=node-2")).toBe("lb=node-2");
    jar.setCookies(["XSRF-TOKEN=t1", "vertx-web.session=s1"]);
    expect(jar.mergedWith(null)).toBe("XSRF-TOKEN=t1; vertx-web.session=s1");
    expect(jar.mergedWith("lb=node-2; XSRF-TOKEN=stale;  ; flag")).toBe("lb=node-2; flag; XSRF-TOKEN=t1; vertx-web.session=s1");
    expect(jar.mergedWith("XSRF-TOKEN=stale")).toBe("XSRF-TOKEN=t1; vertx-web.session=s1");
  });

  it("keeps values private: neither JSON nor util.inspect shows them", () => {
    const jar = new CookieJar();
    jar.setCookies(["XSRF-TOKEN=S3ntinel-XSRF", "vertx-web.session=S3ntinel-SESSION"]);
    for (const shown of [JSON.stringify(jar), inspect(jar, { showHidden: true, depth: 5 }), inspect({ jar }, { depth: 5 })]) {
      expect(shown).not.toContain("S3ntinel");
    }
  });
});

describe("readDocumentCookie (browsers)", () => {
  const g = globalThis as { document?: unknown };
  afterEach(() => {
    delete g.document;
  });

  it("reads a cookie the page can see, percent-decoded; undefined without a document or the cookie", () => {
    expect(readDocumentCookie("XSRF-TOKEN")).toBeUndefined();
    g.document = { cookie: "theme=dark; XSRF-TOKEN=from%20jar; other=%E0%A4%A" };
    expect(readDocumentCookie("XSRF-TOKEN")).toBe("from jar");
    expect(readDocumentCookie("other")).toBe("%E0%A4%A"); // malformed escape: kept as it is
    expect(readDocumentCookie("session")).toBeUndefined();
  });
});

// Browsers never show Set-Cookie to a script, so there the full jar is always empty; the `browser` condition
// of `#cookie-jar` swaps in cookie-jar-browser.ts, which must behave exactly as that empty jar.
describe("the browser jar (cookie-jar-browser.ts)", () => {
  it("reads no Set-Cookie line, even from headers that carry some", () => {
    const headers = new Headers([["set-cookie", "XSRF-TOKEN=t; Path=/"]]);
    expect(readSetCookies(headers)).toEqual(["XSRF-TOKEN=t; Path=/"]);
    expect(browserJar.readSetCookies(headers)).toEqual([]);
  });

  it("answers as a full jar that holds no cookie, for any caller Cookie header", () => {
    const cookieText = fc.stringMatching(/^[ ;=a-zA-Z0-9%-]{0,40}$/);
    fc.assert(
      fc.property(fc.option(cookieText, { nil: null }), (callerCookie) => {
        const full = new CookieJar();
        const browser = new browserJar.CookieJar();
        expect(browser.setCookies([])).toBe(full.setCookies([]));
        expect(browser.mergedWith(callerCookie)).toBe(full.mergedWith(callerCookie));
        expect([browser.header(), browser.names(), browser.get("XSRF-TOKEN")]).toEqual([full.header(), full.names(), full.get("XSRF-TOKEN")]);
      }),
      { seed: 6265, numRuns: 100 }, // fixed: the same cases on every run
    );
  });
});
