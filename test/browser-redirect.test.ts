// A 3xx in a browser: `redirect: "manual"` hands the page an opaque response (status 0, no headers, no body).
// The facade must still say it was a redirect that was not followed — not "answered HTTP 0". Headless
// Chromium, the facade's per-provider entry bundled for the browser, a loopback server on the page's origin.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, recordingPage } from "./support/browser.js";

const PROGRAM = `
import { createBucketClient } from "bucketry/aliyun-oss";
import { createBucketClient as createHitachiClient } from "bucketry/hitachi-vsp-one-object";
const oss = createBucketClient({ region: "cn-hangzhou", endpoint: location.origin + "/oss", credentials: { accessKeyId: "LTAIredirect", accessKeySecret: "redirect-secret" }, retry: false });
const outcome = (e) => ({ kind: e.kind, status: e.status, retryable: e.retryable, message: e.message });
oss.getBucketAcl("examplebucket").then(
  () => (window.__result = { ok: true }),
  (e) => (window.__result = outcome(e)),
);
// Hitachi's CSRF handshake meets the redirect in the session, not in the facade's own call.
const hitachi = createHitachiClient({ endpoint: location.origin + "/mapi", credentials: { token: "redirect-token" }, retry: false });
hitachi.listBucketsPage({ userId: 1 }).then(
  () => (window.__hitachi = { ok: true }),
  (e) => (window.__hitachi = outcome(e)),
);
`;

let server: Server;
let origin: string;
let redirected = 0;
beforeAll(async () => {
  const bundle = await esbuild.build({ stdin: { contents: PROGRAM, resolveDir: process.cwd(), loader: "js" }, bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
  const js = bundle.outputFiles[0]!.text;
  server = createServer((req, res) => {
    if (req.url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/bundle.js"></script>');
    if (req.url === "/bundle.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    if (req.url?.startsWith("/mapi/")) {
      redirected++;
      return void res.writeHead(302, { location: "https://admin.example.com/login" }).end();
    }
    if (req.url?.startsWith("/oss/")) {
      redirected++;
      // OSS's answer for a bucket in another region.
      res.writeHead(301, { location: "https://examplebucket.oss-cn-beijing.aliyuncs.com/?acl", "content-type": "application/xml" });
      return void res.end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><RequestId>R301</RequestId></Error>");
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a redirect in headless Chromium", () => {
  it("is an error saying the redirect was not followed, not 'answered HTTP 0'; the redirect target is never requested", async () => {
    const browser = await launch();
    try {
      const { page, log } = await recordingPage(browser, origin);
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
      const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as { kind: string; status?: number; retryable: boolean; message: string };
      expect(result).toMatchObject({ kind: "Configuration", retryable: false });
      expect(result.status).toBeUndefined();
      expect(result.message).toBe("aliyun-oss answered a redirect the browser hides; redirects are not followed: check the endpoint and region");
      // Hitachi: it said "failed with HTTP 0; a redirect, not followed: use the URL it points to", status 0 — the page
      // can read neither.
      await page.waitForFunction(() => (window as unknown as { __hitachi?: unknown }).__hitachi !== undefined, undefined, { timeout: 30_000 });
      const hitachi = (await page.evaluate(() => (window as unknown as { __hitachi: unknown }).__hitachi)) as { kind: string; status?: number; retryable: boolean; message: string };
      expect(hitachi).toMatchObject({ kind: "Configuration", retryable: false });
      expect(hitachi.status).toBeUndefined();
      expect(hitachi.message).toBe(`hitachi-vsp-one-object: CSRF request to ${origin}/mapi/v1/csrf answered a redirect the browser hides; redirects are not followed: check the endpoint`);
      expect(log.external).toEqual([]); // oss-cn-beijing and the login page were never asked
      expect(log.pageErrors).toEqual([]);
      expect(redirected).toBe(2);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("the page recorder watches every page of its context: a second page's request elsewhere is aborted and recorded", async () => {
    const browser = await launch();
    try {
      const { page, log } = await recordingPage(browser, origin);
      await page.goto(`${origin}/`);
      const second = await page.context().newPage();
      // 192.0.2.0/24 is documentation-only (RFC 5737): aborted by the route before any connection in any case.
      await second.setContent('<img src="http://192.0.2.1/pixel.png"><script>console.error("from the second page")</script>');
      await expect.poll(() => log.external.length, { timeout: 15_000 }).toBe(1);
      expect(log.external).toEqual(["http://192.0.2.1/pixel.png"]);
      expect(log.consoleErrors).toContain("from the second page");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
