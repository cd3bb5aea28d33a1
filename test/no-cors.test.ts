// huaweiTokenAuth and hitachiSession on a client created with `mode: "no-cors"`: the transport gets a CORS request
// carrying the token (and the XSRF value), on Node and in headless Chromium — where a no-cors Request drops every
// header that is not CORS-safelisted without a word, so the call would go out unauthenticated. The calls are in
// middleware/no-cors.ts (one copy for both runtimes); the transport is a stub that records what it was handed.
import { fileURLToPath } from "node:url";
import * as hitachi from "@bucketry/hitachi-vsp-one-object";
import * as mpc from "@bucketry/huaweicloud-mpc";
import * as signing from "@bucketry/signing";
import { beforeAll, describe, expect, it } from "vitest";
import { runNoCors, TOKEN, XSRF, type Sent } from "./middleware/no-cors.js";
import { resultInChromium } from "./support/browser.js";

function check(sent: { mpc?: Sent; hitachi?: Sent }): void {
  expect(sent.mpc).toEqual({ mode: "cors", headers: { "x-auth-token": TOKEN, authorization: null, "x-xsrf-token": null } });
  expect(sent.hitachi).toEqual({ mode: "cors", headers: { "x-auth-token": null, authorization: `Bearer ${TOKEN}`, "x-xsrf-token": XSRF } });
}

describe("on Node", () => {
  it("each middleware hands the transport a CORS request with its headers", async () => {
    check(await runNoCors({ mpc, hitachi, signing }, "http://127.0.0.1:9"));
  });
});

describe("in headless Chromium", () => {
  let result: { mpc?: Sent; hitachi?: Sent; error?: string };
  beforeAll(async () => {
    const run = await resultInChromium<typeof result>(fileURLToPath(new URL("./middleware/no-cors-entry.ts", import.meta.url)));
    expect(run.log.external).toEqual([]);
    expect(run.log.pageErrors).toEqual([]);
    result = run.result;
  }, 120_000);

  it("each middleware hands the browser's fetch a CORS request with its headers", () => {
    expect(result.error).toBeUndefined();
    check(result);
  });
});
