// The cookies a Hitachi answer sets, read where a script can see Set-Cookie (Node, Deno, Bun, workers). The
// `browser` condition of the package's `#set-cookies` import swaps in set-cookies-browser.ts.
import { readSetCookies } from "@bucketry/signing/hitachi-session";

/** Each Set-Cookie line's name and value as the session's cookie jar keeps and sends them: trimmed, one pair of quotes dropped. */
export function setCookiePairs(headers: Headers): [name: string, value: string][] {
  return readSetCookies(headers).map((line) => {
    const [, name = "", raw = ""] = /^([^=;]*)=([^;]*)/.exec(line) ?? [];
    const value = raw.trim();
    return [name.trim(), value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value];
  });
}
