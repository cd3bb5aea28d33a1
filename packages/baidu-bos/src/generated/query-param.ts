// generated from scripts/templates/query-param.ts by scripts/generate-clients.mjs; do not edit.
// Change the template and run `npm run generate`; `npm test` fails when this file is stale.

import type { Middleware } from "openapi-fetch";

/** Whether the query of `href` has a parameter `name` (exact, case-sensitive, before any fragment), bare or with a value. */
export function hasParam(href: string, name: string): boolean {
  const q = href.indexOf("?");
  if (q < 0) return false;
  const end = href.indexOf("#", q);
  const query = `&${href.slice(q + 1, end < 0 ? href.length : end)}`;
  return query.includes(`&${name}=`) || query.endsWith(`&${name}`) || query.includes(`&${name}&`);
}

/**
 * Middleware that puts the bare sub-resource `name` (`?acl`) first in the query of a request without it. The
 * client's query serializer adds it; a per-call `querySerializer` replaces that one, and `GET /` without `?acl` is
 * another operation (OSS and BOS answer it with a listing the types would call an ACL). Checked on the URL string:
 * no parse and no new Request when it is there. Added before any signer, which then signs it.
 */
export function requireSubresource(name: string): Middleware {
  return {
    onRequest({ request }) {
      if (hasParam(request.url, name)) return undefined;
      const url = new URL(request.url);
      url.search = url.search.length > 1 ? `?${name}&${url.search.slice(1)}` : `?${name}`;
      return new Request(url, request);
    },
  };
}
