// The session's credentials belong to the MAPI's origin: a request the same openapi-fetch client sends elsewhere
// (a per-call `baseUrl`) carries no bearer token, XSRF token or MAPI cookie, and the other origin's answer
// neither plants cookies in the session's jar nor drops the session (RFC 6265: cookies go back to their host).
// An in-memory model of both origins stands in for the network.
import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { describe, expect, it } from "vitest";
import { hitachiSession } from "../src/hitachi-session.js";

const base = "https://admin.region1.cluster1/mapi";
const other = "https://other.example/mapi";
const listBody = { id: 0, count: 10 };

function model() {
  const sent: { origin: string; path: string; headers: Headers }[] = [];
  let csrf = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    sent.push({ origin: url.origin, path: url.pathname, headers: new Headers(request.headers) });
    if (url.pathname.endsWith("/v1/csrf")) {
      csrf++;
      return new Response(null, { headers: [["set-cookie", `XSRF-TOKEN=xsrf-${csrf}; Path=/`], ["set-cookie", `vertx-web.session=s-${csrf}`]] });
    }
    if (url.origin !== new URL(base).origin) {
      // Another server that refuses the call and tries to set the MAPI's cookie names.
      return new Response(null, { status: 401, headers: [["set-cookie", "XSRF-TOKEN=planted; Path=/"]] });
    }
    return Response.json({ buckets: [] });
  };
  return { sent, fetch, csrfCount: () => csrf };
}

describe("hitachiSession: requests to another origin", () => {
  it("go out without the token, XSRF token and cookies; their answer leaves the session as it was", async () => {
    const m = model();
    const client = createClient({ baseUrl: base, fetch: m.fetch });
    client.use(hitachiSession({ baseUrl: base, credentials: { token: "static-token" }, fetch: m.fetch }));

    await client.POST("/v1/user/list_buckets", { body: listBody });
    const elsewhere = await client.POST("/v1/user/list_buckets", { body: listBody, baseUrl: other });
    expect(elsewhere.response.status).toBe(401);
    await client.POST("/v1/user/list_buckets", { body: listBody });

    const toOther = m.sent.filter((r) => r.origin === new URL(other).origin);
    expect(toOther).toHaveLength(1);
    expect(toOther[0]!.headers.get("authorization")).toBeNull();
    expect(toOther[0]!.headers.get("x-xsrf-token")).toBeNull();
    expect(toOther[0]!.headers.get("cookie")).toBeNull();

    // The MAPI's next call still uses the first handshake: no planted XSRF-TOKEN, no new handshake.
    const toMapi = m.sent.filter((r) => r.path === "/mapi/v1/user/list_buckets" && r.origin === new URL(base).origin);
    expect(toMapi).toHaveLength(2);
    expect(toMapi[1]!.headers.get("x-xsrf-token")).toBe("xsrf-1");
    expect(toMapi[1]!.headers.get("cookie")).toBe("XSRF-TOKEN=xsrf-1; vertx-web.session=s-1");
    expect(m.csrfCount()).toBe(1);
  });

  it("the same host on another port or scheme is another origin", async () => {
    const m = model();
    const client = createClient({ baseUrl: base, fetch: m.fetch });
    client.use(hitachiSession({ baseUrl: base, credentials: { token: "static-token" }, fetch: m.fetch }));
    await client.POST("/v1/user/list_buckets", { body: listBody, baseUrl: "http://admin.region1.cluster1:8080/mapi" });
    const last = m.sent.at(-1)!;
    expect(last.origin).toBe("http://admin.region1.cluster1:8080");
    expect(last.headers.get("authorization")).toBeNull();
    expect(last.headers.get("cookie")).toBeNull();
  });
});
