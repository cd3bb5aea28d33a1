// The cookie jar's values are credentials, as a Cookie header's are: no recorded call (`mock.requests`) and no answer
// shows one — not where a request body quotes it, nor where the jar's own error does (a jar that throws after
// yielding some cookies, or before yielding the cookies the mock stored in it).
import { describe, expect, it } from "vitest";
import { useMock } from "./helpers.js";

const SESSION = "s3ss10n-secret-value";
const jar = new Map<string, string>();
let broken = "";
const mock = useMock({
  buckets: 5,
  cookieJar: {
    *cookies() {
      if (broken === "before") throw new Error(`jar cannot read ${[...jar].map(([name, value]) => `${name}=${value}`).join("; ")}`);
      for (const [name, value] of jar) {
        yield [name, value] as const;
        if (broken === "partway") throw new Error(`jar broke after ${name}=${value}`);
      }
    },
    store(_url, lines) {
      for (const line of lines) jar.set(line.slice(0, line.indexOf("=")), /=([^;]*)/.exec(line)![1]!);
    },
    clear: () => jar.clear(),
  },
});

const ensUrl = "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON";
/** An ENS call whose form body quotes `value` as an ordinary parameter; the answer's status and text. */
async function quoting(value: string) {
  const r = await fetch(ensUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `PageSize=10&Prefix=${value}` });
  return { status: r.status, text: await r.text() };
}

/** `values` appear neither in the recorded calls nor in `text` (an answer), as they are or percent-encoded. */
function expectHidden(text: string, values: readonly string[]): void {
  expect(values.length).toBeGreaterThan(0);
  for (const shown of [JSON.stringify(mock.requests), text])
    for (const value of values) for (const form of [value, encodeURIComponent(value)]) expect(shown, `shows ${form}`).not.toContain(form);
}

describe("a cookie jar's values on the record", () => {
  it("a request body quoting a jar cookie's value shows it redacted", async () => {
    jar.set("session", SESSION);
    const r = await quoting(SESSION);
    expect(r.status).toBe(400); // unsigned: ENS's MissingParameter
    expect(mock.requests[0]!.body).toBe("PageSize=10&Prefix=[redacted]");
    expectHidden(r.text, [SESSION]);
  });

  it("a jar that throws after yielding a cookie: its value hidden in the recorded error and the body", async () => {
    jar.set("session", SESSION).set("other", "other-cookie-value");
    broken = "partway";
    try {
      const r = await quoting(SESSION);
      expect(r.status).toBe(500);
      expect(mock.requests[0]!.internalError?.message).toBe("jar broke after session=[redacted]");
      expectHidden(r.text, [SESSION]);
    } finally {
      broken = "";
    }
  });

  it("a jar that throws before yielding: the cookies the mock stored in it are hidden in the recorded error", async () => {
    // Hitachi's CSRF token call sets the XSRF-TOKEN and session cookies, which the mock stores in the jar.
    const csrf = await fetch("https://admin.region1.cluster1/mapi/v1/csrf");
    await csrf.arrayBuffer();
    const values = [...jar.values()];
    expect(values).toHaveLength(2);
    broken = "before";
    try {
      const r = await quoting("PageSize");
      expect(r.status).toBe(500);
      expect(mock.requests[1]!.internalError?.message).toBe("jar cannot read XSRF-TOKEN=[redacted]; vertx-web.session=[redacted]");
      expectHidden(r.text, values);
    } finally {
      broken = "";
    }
  });
});
