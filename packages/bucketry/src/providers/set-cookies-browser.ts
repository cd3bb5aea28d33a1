// set-cookies.ts where the `browser` condition of `#set-cookies` applies. A browser's fetch never shows
// Set-Cookie to a script (a forbidden response header name: no response's headers list it), so the full reader
// would only ever find no cookie there: this is that reader, without the code that splits and parses the lines.
// Server-side runtimes that bundlers also resolve with `browser` (workerd, edge workers) see Set-Cookie: their
// conditions come first in `#set-cookies` and keep the full reader, as @bucketry/signing's cookie jar does.

/** No Set-Cookie line is visible to a script in a browser. */
export function setCookiePairs(_headers: Headers): [name: string, value: string][] {
  return [];
}
