// A client that can neither send `Cookie` nor read `Set-Cookie` (a browser page answering itself through
// `getResponse`): with a cookie jar the mock plays the browser's store, so Hitachi's CSRF session works;
// without one it fails as it does against a real server.
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createMock, createMockState, documentCookieJar, memoryCookieJar, testCredentials } from "../src/index.js";

const base = "https://admin.region1.cluster1/mapi";
const token = testCredentials["hitachi-vsp-one-object"].token;

async function answer(mock: ReturnType<typeof createMock>, request: Request): Promise<Response> {
  const response = await getResponse(mock.handlers, request);
  if (!response) throw new Error(`no handler for ${request.method} ${request.url}`);
  return response;
}

/** GET /v1/csrf then POST list_buckets with X-XSRF-TOKEN and no Cookie header of the client's own. */
async function session(mock: ReturnType<typeof createMock>, xsrfOf: (csrf: Response) => string | undefined) {
  const csrf = await answer(mock, new Request(`${base}/v1/csrf`));
  const xsrf = xsrfOf(csrf) ?? "none";
  return answer(
    mock,
    new Request(`${base}/v1/user/list_buckets`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-xsrf-token": xsrf, "content-type": "application/json" },
      body: JSON.stringify({ id: 0, count: 3 }),
    }),
  );
}

const xsrfFromSetCookie = (r: Response) => /XSRF-TOKEN=([^;]+)/.exec(r.headers.getSetCookie().join("\n"))?.[1];

describe("cookie jar", () => {
  it("without one, a request that carries no Cookie header is refused (401), as by the real MAPI", async () => {
    const mock = createMock({ state: createMockState({ buckets: 20, seed: 3 }) });
    const r = await session(mock, xsrfFromSetCookie);
    expect(r.status).toBe(401);
    expect(mock.requests.at(-1)?.auth).toEqual({ scheme: "Bearer+XSRF", ok: false, reason: "no XSRF-TOKEN cookie" });
  });

  it("memoryCookieJar: the cookies the mock set come back with the next request, so the session succeeds", async () => {
    const jar = memoryCookieJar();
    const mock = createMock({ state: createMockState({ buckets: 20, seed: 3 }), cookieJar: jar });
    const r = await session(mock, xsrfFromSetCookie);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { buckets: unknown[] }).buckets).toHaveLength(3);
    expect(jar.size).toBe(2);
  });

  it("a Cookie header of the request's own wins over the jar's", async () => {
    const mock = createMock({ state: createMockState({ buckets: 20, seed: 3 }), cookieJar: memoryCookieJar() });
    const csrf = await answer(mock, new Request(`${base}/v1/csrf`));
    const xsrf = xsrfFromSetCookie(csrf)!;
    const r = await answer(
      mock,
      new Request(`${base}/v1/user/list_buckets`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "x-xsrf-token": xsrf, cookie: "XSRF-TOKEN=forged", "content-type": "application/json" },
        body: JSON.stringify({ id: 0 }),
      }),
    );
    expect(r.status).toBe(401);
    expect(mock.requests.at(-1)?.auth?.reason).toBe("X-XSRF-TOKEN differs from the XSRF-TOKEN cookie");
  });

  it("reset() empties the jar with the sessions: the next test's first request carries no cookie of the last one", async () => {
    const jar = memoryCookieJar();
    const mock = createMock({ state: createMockState({ buckets: 20, seed: 3 }), cookieJar: jar });
    const csrf = await answer(mock, new Request(`${base}/v1/csrf`));
    const stale = xsrfFromSetCookie(csrf)!;
    mock.reset();
    expect(jar.size).toBe(0);
    // A client that kept its token from before the reset: refused for the cookie the jar no longer sends.
    const r = await answer(
      mock,
      new Request(`${base}/v1/user/list_buckets`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "x-xsrf-token": stale, "content-type": "application/json" },
        body: JSON.stringify({ id: 0 }),
      }),
    );
    expect(r.status).toBe(401);
    expect(mock.requests.at(-1)?.auth?.reason).toBe("no XSRF-TOKEN cookie");
    // A new handshake works as in a fresh mock.
    expect((await session(mock, xsrfFromSetCookie)).status).toBe(200);
  });

  it("reset() with a documentCookieJar expires the cookies it wrote to document.cookie and keeps the page's own", async () => {
    const cookies = new Map<string, string>([["theme", "dark"]]);
    const doc = {
      get cookie() {
        return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      },
      set cookie(line: string) {
        const [pair = "", ...attributes] = line.split(";");
        const eq = pair.indexOf("=");
        const name = pair.slice(0, eq).trim();
        if (attributes.some((a) => a.trim().toLowerCase() === "max-age=0")) cookies.delete(name);
        else cookies.set(name, pair.slice(eq + 1).trim());
      },
    };
    const mock = createMock({ state: createMockState({ buckets: 20, seed: 3 }), cookieJar: documentCookieJar(doc) });
    expect((await session(mock, () => /XSRF-TOKEN=([^;]+)/.exec(doc.cookie)?.[1])).status).toBe(200);
    expect([...cookies.keys()]).toEqual(["theme", "XSRF-TOKEN"]);
    mock.reset();
    expect(doc.cookie).toBe("theme=dark");
  });

  it("documentCookieJar: scripts see the XSRF-TOKEN cookie in document.cookie, the HttpOnly session cookie is kept out of it", async () => {
    // A stand-in for a page's document with the browser's assignment semantics (one cookie per write).
    const cookies = new Map<string, string>();
    const doc = {
      get cookie() {
        return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
      },
      set cookie(line: string) {
        const [pair = ""] = line.split(";");
        const eq = pair.indexOf("=");
        cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      },
    };
    const mock = createMock({ state: createMockState({ buckets: 20, seed: 3 }), cookieJar: documentCookieJar(doc) });
    // The page reads the token from document.cookie: Set-Cookie is hidden from it.
    const r = await session(mock, () => /XSRF-TOKEN=([^;]+)/.exec(doc.cookie)?.[1]);
    expect(r.status).toBe(200);
    expect([...cookies.keys()]).toEqual(["XSRF-TOKEN"]);
    expect(() => documentCookieJar(undefined)).toThrow(/memoryCookieJar/);
  });
});
