// A hook of the test's that throws while the mock answers — the cookie jar's cookies() or store(), an adapter's
// requestId() — gets the mock's own plain 500, recorded on the call like its other internal errors. The answer
// names the hook and the error's name only: the error's text may quote what the hook holds (session cookies the
// request never carried), so it stays on the recorded call, redacted as far as the request's credentials go.
import { describe, expect, it } from "vitest";
import { testCredentials, vendorAdapters } from "../src/index.js";
import { useMock } from "./helpers.js";

const TOKEN = "bearer-canary-3e9a";
const fails = { cookies: false, store: false, requestId: false, authenticate: false };
const jar = new Map<string, string>();
const mock = useMock({
  buckets: 5,
  cookieJar: {
    cookies() {
      // Quotes the request's credential (known to the redactor) and a cookie it holds (not known: never sent).
      if (fails.cookies) throw new Error(`jar broke for Bearer ${TOKEN}\n    at jar (jar.js:1:1)`);
      return jar.entries();
    },
    store(_url, lines) {
      if (fails.store) throw new TypeError(`cannot store ${lines.join(" | ")}`);
    },
  },
  adapters: vendorAdapters.map((adapter) =>
    adapter.provider === "aliyun-oss"
      ? {
          ...adapter,
          requestId(random) {
            if (fails.requestId) throw new RangeError(`no request id for token ${TOKEN}`);
            return adapter.requestId(random);
          },
          authenticate(ctx) {
            if (fails.authenticate) throw new Error(`cannot authenticate with session ${ctx.cookies.get("session")}`);
            return adapter.authenticate(ctx);
          },
        }
      : adapter,
  ),
});

const hitachi = "https://admin.region1.cluster1/mapi";
const hitachiToken = testCredentials["hitachi-vsp-one-object"].token;

/** Sends with `fails[hook]` set; the answer as text, and the one call the mock recorded. */
async function failing(hook: keyof typeof fails, url: string, init: RequestInit = {}) {
  fails[hook] = true;
  try {
    const r = await fetch(url, init);
    const text = await r.text();
    expect(mock.requests).toHaveLength(1);
    return { status: r.status, type: r.headers.get("content-type"), text, call: mock.requests[0]! };
  } finally {
    fails[hook] = false;
  }
}

describe("a hook of the test's that throws", () => {
  it("the cookie jar's cookies(): the mock's 500 without the error's text, recorded with that answer and the redacted error", async () => {
    const r = await failing("cookies", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-www-form-urlencoded" },
      body: "PageSize=10",
    });
    const text = `@bucketry/mocks internal error answering aliyun-ens ${r.call.operationId}: Error thrown by cookieJar.cookies() (message and stack: internalError of mock.requests seq ${r.call.seq})`;
    expect([r.status, r.type, r.text]).toEqual([500, "text/plain; charset=utf-8", text]);
    expect(r.call.response).toEqual({ status: 500, headers: { "content-type": "text/plain; charset=utf-8" }, body: text });
    expect(r.call.internalError).toMatchObject({ name: "Error", message: "jar broke for [redacted]\n    at jar (jar.js:1:1)" });
    expect(r.call.internalError!.stack).toMatch(/^Error: jar broke for \[redacted\]/);
    expect(JSON.stringify(r.call)).not.toContain(TOKEN);
  });

  it("the cookie jar's store(): the mock's 500 instead of the answer, the cookies it failed to store hidden on the record too", async () => {
    const r = await failing("store", `${hitachi}/v1/csrf`);
    const text = `@bucketry/mocks internal error answering hitachi-vsp-one-object GetCsrfToken: TypeError thrown by cookieJar.store() (message and stack: internalError of mock.requests seq ${r.call.seq})`;
    expect([r.status, r.type, r.text]).toEqual([500, "text/plain; charset=utf-8", text]);
    expect(r.call.response).toEqual({ status: 500, headers: { "content-type": "text/plain; charset=utf-8" }, body: text });
    // The XSRF-TOKEN and session cookies the answer set are credentials: their values are hidden, their names kept.
    expect(r.call.internalError?.name).toBe("TypeError");
    expect(r.call.internalError?.message).toMatch(/^cannot store XSRF-TOKEN=\[redacted\]/);
    expect(r.call.internalError?.message.match(/=([^;| ]*)/g)?.every((pair) => pair === "=[redacted]" || !/^=\w{8,}/.test(pair))).toBe(true);
    // The same answer without the failing store() sets cookies; none of their values is on the failed call.
    mock.reset();
    const ok = await fetch(`${hitachi}/v1/csrf`);
    await ok.arrayBuffer();
    const values = ok.headers.getSetCookie().map((line) => /^[^=]+=([^;]*)/.exec(line)![1]!);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(JSON.stringify(r.call)).not.toContain(value);
  });

  it("an adapter's requestId(): the mock's 500 without the error's text, recorded with that answer and the redacted error", async () => {
    const r = await failing("requestId", `https://${mock.state.buckets[0]!.name}.oss-cn-hangzhou.aliyuncs.com/?acl`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const text = `@bucketry/mocks internal error answering aliyun-oss GetBucketAcl: RangeError thrown by adapter.requestId() (message and stack: internalError of mock.requests seq ${r.call.seq})`;
    expect([r.status, r.type, r.text]).toEqual([500, "text/plain; charset=utf-8", text]);
    expect(r.call.response).toEqual({ status: 500, headers: { "content-type": "text/plain; charset=utf-8" }, body: text });
    expect(r.call.internalError).toMatchObject({ name: "RangeError", message: "no request id for token [redacted]" });
    expect(JSON.stringify(r.call)).not.toContain(TOKEN);
  });

  it("a cookie the jar gives is hidden like a Cookie header's where the mock quotes it (an adapter's error)", async () => {
    const session = "jar-session-canary-61c0";
    jar.set("session", session);
    try {
      const r = await failing("authenticate", `https://${mock.state.buckets[0]!.name}.oss-cn-hangzhou.aliyuncs.com/?acl`);
      expect([r.status, r.text]).toEqual([500, expect.stringContaining("Error: cannot authenticate with session [redacted]")]);
      expect(r.call.internalError?.message).toBe("cannot authenticate with session [redacted]");
      expect(JSON.stringify(r.call)).not.toContain(session);
    } finally {
      jar.clear();
    }
  });
});
