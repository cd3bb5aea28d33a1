// A request whose body cannot be read (the client's stream fails) gets the mock's own plain answer, never MSW's
// 500 with a stack and the error's text. (A test's cookie jar that throws: hook-errors.test.ts.)
import { describe, expect, it } from "vitest";
import { useMock } from "./helpers.js";

const TOKEN = "sts-token-canary-5b20";
const mock = useMock({ buckets: 5 });
const ensUrl = "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON";
const headers = { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${TOKEN}`, "x-acs-security-token": TOKEN };

/** A body stream that sends one chunk, then fails with an error whose message quotes a credential. */
const failingBody = () => {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new Error(`upload broke; x-acs-security-token=${TOKEN}`));
      sent = true;
      controller.enqueue(new TextEncoder().encode("PageSize=10&Prefix="));
    },
  });
};

describe("a request body that cannot be read", () => {
  it("answers 400 naming the failure's kind only (no stack, no credential), and records the call", async () => {
    const r = await fetch(ensUrl, { method: "POST", headers, body: failingBody(), duplex: "half" } as RequestInit);
    const text = await r.text();
    expect([r.status, r.headers.get("content-type"), text]).toEqual([400, "text/plain; charset=utf-8", "@bucketry/mocks: the request body could not be read (Error)"]);
    const call = mock.requests.at(-1)!;
    expect([call.provider, call.response?.status, call.issues]).toEqual([
      "aliyun-ens",
      400,
      [{ kind: "invalid", location: "body", name: "body", message: "the request body could not be read (Error)" }],
    ]);
    expect(JSON.stringify(call)).not.toContain(TOKEN);
  });
});
