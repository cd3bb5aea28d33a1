// Baseline for Hitachi (no HMAC): bearer token + the CSRF session read from one GET /v1/csrf.
export function hitachiList(endpoint, token, session, userId) {
  return {
    method: "POST",
    url: `${endpoint}/v1/user/list_buckets`,
    headers: {
      authorization: `Bearer ${token}`,
      "x-xsrf-token": session.xsrf,
      cookie: session.cookie,
      "content-type": "application/json",
    },
    body: JSON.stringify({ id: userId }),
  };
}

/** Reads XSRF-TOKEN and every cookie from the CSRF response's Set-Cookie lines. */
export function hitachiSessionFrom(setCookies) {
  const pairs = setCookies.map((c) => c.split(";")[0].trim());
  const xsrf = pairs.find((p) => p.startsWith("XSRF-TOKEN="))?.slice("XSRF-TOKEN=".length) ?? "";
  return { xsrf, cookie: pairs.join("; ") };
}
