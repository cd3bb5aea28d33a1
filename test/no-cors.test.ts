// huaweiTokenAuth and hitachiSession on a client created with `mode: "no-cors"`: the transport gets a CORS request
// carrying the token (and the XSRF value), on Node and in headless Chromium — where a no-cors Request drops every
// header that is not CORS-safelisted without a word, so the call would go out unauthenticated. The calls are in
// middleware/no-cors.ts (one copy for both runtimes); the transport is a stub that records what it was handed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import * as hitachi from "@bucketry/hitachi-vsp-one-object";
import * as mpc from "@bucketry/huaweicloud-mpc";
import * as signing from "@bucketry/signing";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNoCors, TOKEN, XSRF, type Sent } from "./middleware/no-cors.js";
import { chromiumAvailable, launch, recordingPage } from "./support/browser.js";

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
  let page: Server | undefined;
  let result: { mpc?: Sent; hitachi?: Sent; error?: string };
  const entry = fileURLToPath(new URL("./middleware/no-cors-entry.ts", import.meta.url));

  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error("Chromium is needed for this test (apt-get install -y chromium, as .ci/run does)");
    const bundle = await esbuild.build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent" });
    const js = bundle.outputFiles[0]!.text;
    page = createServer((req, res) => {
      const body = req.url === "/" ? `<!doctype html><meta charset="utf-8"><title>no-cors</title><script type="module" src="/bundle.js"></script>` : req.url === "/bundle.js" ? js : undefined;
      if (body === undefined) return void res.writeHead(404).end();
      res.setHeader("content-type", req.url === "/" ? "text/html" : "text/javascript");
      res.end(body);
    });
    await new Promise<void>((resolve) => page!.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    const browser = await launch();
    try {
      const { page: tab, log } = await recordingPage(browser, origin);
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 60_000 });
      result = (await tab.evaluate(() => (window as unknown as { __result: unknown }).__result)) as typeof result;
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
  afterAll(() => page?.close());

  it("each middleware hands the browser's fetch a CORS request with its headers", () => {
    expect(result.error).toBeUndefined();
    check(result);
  });
});
