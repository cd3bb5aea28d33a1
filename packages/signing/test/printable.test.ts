// What the Hitachi session holds prints without its secrets: the tokens the token provider hands out (static,
// function and password grant) and the CSRF state (its XSRF token). util.inspect, console.log and Deno's
// inspect hook show "<hidden>"; the fields stay readable, and a caller's own credentials object is untouched.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { denoPrinted, logged } from "../../../test/support/printed.js";
import { hitachiCsrfSession } from "../src/hitachi/csrf-session.js";
import { hitachiTokenProvider } from "../src/hitachi/token-provider.js";
import { hideSecrets } from "../src/index.js";

const clock = () => 1_700_000_000_000;



function expectHidden(value: object, secret: string, shown: string): void {
  for (const text of [inspect(value), inspect({ nested: [value] }, { depth: 4 }), logged(value), denoPrinted(value)]) {
    expect(text).not.toContain(secret);
    expect(text).toContain("<hidden>");
    expect(text).toContain(shown);
  }
  expect(Object.values(value)).toContain(secret);
}

describe("the Hitachi token provider's tokens", () => {
  it("a static token: the caller's object is untouched, the issued token prints hidden", async () => {
    const credentials = { token: "S3ntinel-STATIC" };
    const issued = await hitachiTokenProvider(credentials, { fetch: globalThis.fetch, clock }).token();
    expectHidden(issued, "S3ntinel-STATIC", "generation");
    expect(issued.value).toBe("S3ntinel-STATIC");
    expect(Object.getOwnPropertySymbols(credentials)).toEqual([]);
  });

  it("a function's token and a password grant's token", async () => {
    const fromFunction = await hitachiTokenProvider(() => ({ token: "S3ntinel-FUNCTION" }), { fetch: globalThis.fetch, clock }).token();
    expectHidden(fromFunction, "S3ntinel-FUNCTION", "generation");
    const grant = hitachiTokenProvider(
      { username: "admin", password: "S3ntinel-PASSWORD", tokenUrl: "https://admin.gms.cluster1/token" },
      { fetch: async () => Response.json({ access_token: "S3ntinel-GRANTED", expires_in: 300 }), clock },
    );
    expectHidden(await grant.token(), "S3ntinel-GRANTED", "generation");
  });
});

describe("the CSRF state", () => {
  it("prints without its XSRF token", async () => {
    const fetch = async () => {
      const headers = new Headers();
      headers.append("Set-Cookie", "XSRF-TOKEN=S3ntinel-XSRF; Path=/");
      headers.append("Set-Cookie", "vertx-web.session=S3ntinel-VERTX; Path=/; HTTPOnly");
      return new Response(null, { status: 200, headers });
    };
    const state = await hitachiCsrfSession({ url: "https://admin.region1.cluster1/mapi/v1/csrf", fetch }).current();
    expectHidden(state, "S3ntinel-XSRF", "generation");
    expect(inspect(state, { depth: 5 })).not.toContain("S3ntinel-VERTX");
  });
});

describe("hideSecrets", () => {
  it("leaves the object plain: same fields, JSON unchanged, hooks not enumerable, safe to apply twice", () => {
    const value = hideSecrets(hideSecrets({ accessKeyId: "AK", accessKeySecret: "S3ntinel-SK", securityToken: undefined as string | undefined }));
    expect(inspect(value, { breakLength: Infinity })).toBe("{ accessKeyId: 'AK', accessKeySecret: '<hidden>', securityToken: undefined }");
    expect(JSON.stringify(value)).toBe('{"accessKeyId":"AK","accessKeySecret":"S3ntinel-SK"}');
    expect(Object.keys(value)).toEqual(["accessKeyId", "accessKeySecret", "securityToken"]);
    expect({ ...value }).toEqual({ accessKeyId: "AK", accessKeySecret: "S3ntinel-SK", securityToken: undefined });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
