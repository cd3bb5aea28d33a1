// generated from scripts/templates/base-url.ts by scripts/generate-clients.mjs; do not edit.
// Change the template and run `npm run generate`; `npm test` fails when this file is stale.

/**
 * The `baseUrl` option as the client uses it (trailing slashes removed), or a TypeError saying what to change.
 * openapi-fetch appends the path and query to it as text, so a query or fragment would swallow them; a URL with
 * user info is refused by the platform's Request with a message that quotes the password, so the URL is never
 * quoted here. A path from the page's origin ("/api", a browser app's own proxy) is kept; "127.0.0.1:9000" is
 * neither that nor absolute.
 */
export function checkBaseUrl(pkg: string, baseUrl: unknown): string {
  let url: URL | undefined;
  try {
    if (typeof baseUrl === "string") url = new URL(baseUrl, baseUrl[0] === "/" ? "http://a" : undefined);
  } catch {}
  const wrong = !url
    ? "is not an absolute URL string such as https://127.0.0.1:9000"
    : !/^https?:$/.test(url.protocol)
      ? "must be http: or https:"
      : url.username || url.password
        ? "must not contain user info: pass credentials to the signer"
        : /[?#]/.test(baseUrl as string)
          ? "must not contain a query or fragment"
          : "";
  if (wrong) throw new TypeError(`${pkg}: baseUrl ${wrong}`);
  return (baseUrl as string).replace(/\/+$/, "");
}
