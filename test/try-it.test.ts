// The docs portal's Try-it pages in headless Chromium, per vendor: the defaults send a signed request that the
// in-page mock answers 200 and the normalized result is shown; an empty required field stops the send with a
// message; a wrong secret shows the vendor's signature error. axe-core checks each panel (no serious or critical
// violations). Screenshots go where test/docs.test.ts writes its own.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer } from "@bucketry/mocks/server";
import { recordingPage, type PageLog } from "./support/browser.js";
import { openDocsSite, type DocsSite } from "./support/docs-site.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const docsDir = join(root, "docs");
const shotsDir = join(root, "test-results", "docs");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Per vendor: a required field of the operation (from its spec), and the error code the vendor answers a request
 * signed with the wrong secret with (vendor docs, as in the mocks' error tables).
 */
const VENDORS: Record<string, { required: string; secretField: string; kind: string; code?: string; explained?: RegExp }> = {
  "aliyun-ens": { required: "Action", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "SignatureDoesNotMatch" },
  "huaweicloud-mpc": { required: "project_id", secretField: "cred-accessKeySecret", kind: "InvalidCredentials", code: "APIGW.0301" },
  "baidu-bos": { required: "bucketName", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "SignatureDoesNotMatch" },
  // A bearer token, not a signature: a wrong one is a 401 with no error body.
  "hitachi-vsp-one-object": { required: "id", secretField: "cred-token", kind: "InvalidCredentials" },
  // OSS reports its own string to sign: the page compares it with ours.
  "aliyun-oss": { required: "bucket", secretField: "cred-accessKeySecret", kind: "SignatureMismatch", code: "SignatureDoesNotMatch", explained: /server's text matches ours: the secret differs/ },
};
/** Browsers forbid a page's Cookie header and hide Set-Cookie, which the MAPI's CSRF session needs. */
const COOKIE_SESSION = "hitachi-vsp-one-object";

let site: DocsSite | undefined;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await openDocsSite(docsDir, shotsDir);
  ({ browser, origin } = site);
});

afterAll(() => site?.close());

async function open(vendor: string): Promise<{ page: Page; log: PageLog }> {
  const opened = await recordingPage(browser, origin);
  await opened.page.goto(`${origin}/try-it/${vendor}.html`);
  await opened.page.locator("#try-it-form").waitFor();
  return opened;
}

async function sendAndWait(page: Page): Promise<string> {
  await page.locator("#try-it-form button[type=submit]").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^(Done|Failed|Not sent)/.test(document.getElementById("try-it-status")?.textContent ?? ""));
  return (await page.locator("#try-it-status").textContent()) ?? "";
}

describe("Try-it pages", () => {
  it("the index links a Try-it page per vendor", async () => {
    const { page } = await recordingPage(browser, origin);
    await page.goto(`${origin}/index.html`);
    for (const vendor of Object.keys(VENDORS)) {
      await expect(page.locator(`#${vendor} a[href="try-it/${vendor}.html"]`).count()).resolves.toBe(1);
    }
    await page.close();
  });

  it("works from file:// with no server: the in-page mock answers (offline)", async () => {
    const { page, log } = await recordingPage(browser, "file://");
    await page.goto(pathToFileURL(join(docsDir, "try-it", "aliyun-oss.html")).href);
    await page.locator("#try-it-form").waitFor();
    await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
    expect(log.external).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it("the URL target: sends to the endpoint the reader types (a loopback `bucketry mock` server)", async () => {
    const mockServer = await startMockServer();
    try {
      // Both loopback origins: the docs server's and the mock server's.
      const { page, log } = await recordingPage(browser, "http://127.0.0.1:");
      await page.goto(`${origin}/try-it/aliyun-ens.html`);
      await page.locator("#try-it-form").waitFor();
      await page.locator("#target-url").check();
      await page.locator("#target-endpoint").fill(mockServer.endpoints["aliyun-ens"]);
      await expect(sendAndWait(page)).resolves.toMatch(/^Done: HTTP 200/);
      await expect(page.locator("pre[aria-label='Wire request'] code").textContent()).resolves.toMatch(new RegExp(`^POST ${mockServer.endpoints["aliyun-ens"]}/?[?\\n]`));
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      await page.close();
    } finally {
      await mockServer.close();
    }
  });

  for (const [vendor, facts] of Object.entries(VENDORS)) {
    describe(vendor, () => {
      it("defaults: signed, answered 200 by the in-page mock, normalized result, string to sign and masked secrets shown; axe finds no serious violation", async () => {
        const { page, log } = await open(vendor);
        const status = await sendAndWait(page);
        const results = (await page.locator("#try-it-results").textContent()) ?? "";
        if (vendor === COOKIE_SESSION) {
          await expect(page.locator("#try-it-limit").isVisible()).resolves.toBe(true);
          expect(results).toContain("POST https://localhost:9099/mapi/v1/user/list_buckets");
        } else {
          expect(status).toMatch(/^Done: HTTP 200/);
          await expect(page.locator("#try-it-outcome").textContent()).resolves.toBe("Normalized result");
          const result = JSON.parse((await page.locator("pre[aria-label='Normalized result'] code").textContent()) ?? "null");
          expect(result.provider ?? result.buckets?.[0]?.provider).toBe(vendor);
          expect(results).toContain("String to sign");
          // The signature itself stays readable on the wire request (hex HMAC-SHA256 in every scheme here).
          expect(results).toMatch(/authorization: .*[0-9a-f]{64}/i);
        }
        const secret = await page.locator("#cred-accessKeySecret, #cred-token").inputValue();
        expect(results).not.toContain(secret);
        expect(await page.locator("#cred-accessKeySecret, #cred-token").getAttribute("type")).toBe("password");
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const report = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document);
          return report.violations.map((v) => `${v.impact} ${v.id}`);
        });
        expect(violations.filter((v) => /^(serious|critical)/.test(v))).toEqual([]);
        await page.screenshot({ path: join(shotsDir, `try-it-${vendor}.png`), fullPage: true });
        expect(log.external).toEqual([]);
        expect(log.consoleErrors).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        await page.close();
      });

      it(`an empty required field (${facts.required}) shows a message and sends nothing`, async () => {
        const { page } = await open(vendor);
        const input = page.locator(`#param-${facts.required}`);
        if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.evaluate((el) => ((el as HTMLSelectElement).value = ""));
        else await input.fill("");
        const status = await sendAndWait(page);
        expect(status).toContain(`${facts.required} is required.`);
        await expect(page.locator(`#param-${facts.required}-error`).textContent()).resolves.toBe(`${facts.required} is required.`);
        await expect(input.getAttribute("aria-invalid")).resolves.not.toBeNull();
        await expect(page.locator("#try-it-results").textContent()).resolves.toBe("");
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`param-${facts.required}`);
        await page.close();
      });

      it("a wrong secret shows the vendor's signature error", async () => {
        const { page } = await open(vendor);
        await page.locator(`#${facts.secretField}`).fill("wrong-secret-for-the-try-it-test");
        const status = await sendAndWait(page);
        expect(status).toMatch(/^Failed/);
        await expect(page.locator("#try-it-outcome").textContent()).resolves.toBe("BucketryError");
        const shown = Object.fromEntries(await page.locator("dl.error-facts dd").evaluateAll((dds) => dds.map((dd) => [dd.getAttribute("data-fact"), dd.textContent])));
        expect(shown.kind).toBe(facts.kind);
        if (facts.code) expect(shown.code).toBe(facts.code);
        expect(shown["request id"] ?? "").toMatch(vendor === COOKIE_SESSION ? /^$/ : /^[0-9a-f-]{16,}$/i);
        if (facts.explained) await expect(page.locator(".signature-difference").textContent()).resolves.toMatch(facts.explained);
        expect(await page.locator("#try-it-results").textContent()).not.toContain("wrong-secret-for-the-try-it-test");
        await page.close();
      });
    });
  }
});
