// Origins as browsers send them (the CORS answers' `credentialedOrigins`, and the CLI flag that sets it).

/**
 * `value` as a browser sends it in `Origin` (`scheme://host[:port]`, default port left out), or undefined for what is
 * no origin (not a URL, a path, an opaque origin).
 */
export function asOrigin(value: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return undefined;
  }
  return parsed.origin !== "null" && parsed.href.replace(/\/$/, "") === parsed.origin ? parsed.origin : undefined;
}
