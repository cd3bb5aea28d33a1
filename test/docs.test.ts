// Opens every rendered API reference page in headless Chromium: each operation, its parameters and an
// example are visible, no request leaves localhost, and the console shows no errors.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recordingPage } from "./support/browser.js";
import { useDocsSite } from "./support/docs-site.js";
import { loadSpec, METHODS, resolve, type Json } from "./specs/helpers.js";
import { VENDOR_IDS } from "./support/vendors.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const docsDir = join(root, "docs");
const shotsDir = join(root, "test-results", "docs");
const VENDORS = VENDOR_IDS;

/** What a reader must be able to see for one spec, derived from the spec itself. */
function expectations(vendor: string): { operations: { summary: string; tag: string; parameters: string[]; example: string }[]; parameters: string[]; example: string } {
  const spec = loadSpec(vendor);
  const operations: { summary: string; tag: string; parameters: string[]; example: string }[] = [];
  const parameters = new Set<string>();
  let example = "";
  for (const item of Object.values<Json>(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const own = new Set<string>();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x: Json) => resolve(spec, x))) {
        if (!p.deprecated) own.add(p.name);
      }
      const body = resolve(spec, op.requestBody);
      for (const media of Object.values<Json>(body?.content ?? {})) {
        for (const name of Object.keys(resolve(spec, media.schema)?.properties ?? {})) own.add(name);
      }
      let ownExample = "";
      const ok = resolve(spec, op.responses?.["200"]);
      for (const media of Object.values<Json>(ok?.content ?? {})) {
        const first = Object.values<Json>(media.examples ?? {})[0];
        const value = first ? resolve(spec, first).value : media.example;
        if (!ownExample && value !== undefined) ownExample = firstLeaf(value);
      }
      if (!example) example = ownExample;
      for (const name of own) parameters.add(name);
      operations.push({ summary: op.summary, tag: op.tags?.[0] ?? "", parameters: [...own], example: ownExample });
    }
  }
  return { operations, parameters: [...parameters], example };
}

/** A distinctive scalar from an example: the longest string leaf (or the XML text content). */
function firstLeaf(value: unknown): string {
  if (typeof value === "string") {
    const texts = [...value.matchAll(/>([^<>\s][^<>]*)</g)].map((m) => m[1]!.trim());
    return (texts.length ? texts : [value]).sort((a, b) => b.length - a.length)[0]!;
  }
  const leaves: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
    else if (typeof v === "string") leaves.push(v);
  };
  walk(value);
  return leaves.sort((a, b) => b.length - a.length)[0] ?? "";
}

const site = useDocsSite(docsDir, shotsDir);

describe("rendered API reference", () => {
  it("index links the five vendor pages with their auth and operations", async () => {
    const { page, log } = await recordingPage(site.browser, site.origin);
    const res = await page.goto(`${site.origin}/index.html`);
    expect(res?.status()).toBe(200);
    for (const vendor of VENDORS) {
      const link = page.locator(`a[href="${vendor}.html"]`);
      await expect.poll(() => link.count()).toBe(1);
      const card = page.locator(`section#${vendor}`);
      const text = await card.innerText();
      for (const op of expectations(vendor).operations) expect(text).toContain(op.summary);
      expect(text).toMatch(/Auth:/);
    }
    // Schemes a request needs together are joined, alternatives set apart (Hitachi's list_buckets needs all three).
    expect(await page.locator("section#hitachi-vsp-one-object .auth").innerText()).toBe("Auth: Bearer token + X-XSRF-TOKEN (CSRF) + XSRF-TOKEN cookie (CSRF)");
    expect(await page.locator("section#aliyun-oss .auth").innerText()).toBe("Auth: OSS4-HMAC-SHA256 (V4) or OSS ak:sig (V1)");
    await page.screenshot({ path: join(shotsDir, "index.png"), fullPage: true });
    expect(log).toEqual({ external: [], consoleErrors: [], pageErrors: [], failed: [] });
  });

  it("every link of the index opens: no 404, no console error, no request leaving localhost (screenshot each)", async () => {
    const { page, log } = await recordingPage(site.browser, site.origin);
    await page.goto(`${site.origin}/index.html`);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const local = [...new Set(hrefs.map((h) => h.split("#")[0]!))].filter((h) => h.startsWith(site.origin));
    // The portal: five references, coverage, facade guide, facade API, four getting-started pages, the differences from the official SDKs.
    for (const path of ["coverage.html", "facade.html", "api/index.html", "getting-started/client.html", "getting-started/facade.html", "getting-started/cli.html", "getting-started/mocks.html", "differences.html", ...VENDORS.map((v) => `${v}.html`)]) {
      expect(local, path).toContain(`${site.origin}/${path}`);
    }
    for (const url of local) {
      const res = await page.goto(url, { waitUntil: "load" });
      expect(res?.status(), url).toBe(200);
      const name = url.slice(site.origin.length + 1).replace(/\//g, "_").replace(/\.html$/, "") || "index";
      await page.screenshot({ path: join(shotsDir, `portal-${name}.png`), fullPage: !VENDORS.some((v) => url.endsWith(`${v}.html`)) });
    }
    expect(log).toEqual({ external: [], consoleErrors: [], pageErrors: [], failed: [] });
    await page.context().close();
    // A hang guard, not a speed check: the walk opens every portal page and grows with the vendors.
  }, 300_000);

  it("a code sample that scrolls sideways can be reached and scrolled with the keyboard (getting-started pages)", async () => {
    const { page } = await recordingPage(site.browser, site.origin);
    let scrolling = 0;
    for (const path of ["getting-started/client.html", "getting-started/facade.html", "getting-started/cli.html", "getting-started/mocks.html"]) {
      await page.goto(`${site.origin}/${path}`, { waitUntil: "load" });
      const pres = await page.locator("pre").evaluateAll((els) => els.map((el) => ({ scrolls: el.scrollWidth > el.clientWidth, focusable: (el as HTMLElement).tabIndex >= 0 })));
      for (const pre of pres) if (pre.scrolls) expect(pre.focusable, path).toBe(true);
      scrolling += pres.filter((p) => p.scrolls).length;
    }
    expect(scrolling).toBeGreaterThan(0); // the check above looked at something
    await page.context().close();
  });

  it("the coverage matrix has a row per operation and the facade guide a mapping per vendor", async () => {
    const { page, log } = await recordingPage(site.browser, site.origin);
    await page.goto(`${site.origin}/coverage.html`);
    const ops = VENDORS.flatMap((v) => expectations(v).operations);
    await expect.poll(() => page.locator("#coverage tbody tr").count()).toBe(ops.length);
    await page.goto(`${site.origin}/facade.html`);
    for (const v of VENDORS) await expect.poll(() => page.locator(`#map-${v} table tbody tr`).count()).toBeGreaterThan(0);
    expect(log).toEqual({ external: [], consoleErrors: [], pageErrors: [], failed: [] });
    await page.context().close();
  });

  it.each(VENDORS)("%s.html shows every operation, parameter and an example, offline and without errors", async (vendor) => {
    const { page, log } = await recordingPage(site.browser, site.origin);
    const res = await page.goto(`${site.origin}/${vendor}.html`, { waitUntil: "load" });
    expect(res?.status()).toBe(200);
    const want = expectations(vendor);
    expect(want.operations.length).toBeGreaterThan(0);
    expect(want.example).not.toBe("");
    const menu = page.locator('[data-component-name="Menu/MenuItem"]');
    await expect.poll(() => menu.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Redoc shows one operation at a time: open each tag group, then each operation, as a reader would.
    // Redoc renders an operation's parameters after its heading: wait for each text to appear (a poll on the
    // page, not a fixed delay), operation by operation.
    const body = () => page.locator("body").innerText();
    for (const [i, { summary: op, tag, parameters, example }] of want.operations.entries()) {
      const item = menu.getByText(op, { exact: true }).last();
      if (!(await item.isVisible())) await menu.getByText(tag, { exact: true }).first().click();
      await item.click();
      const heading = page.getByRole("heading", { name: op });
      await expect.poll(() => heading.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      for (const name of parameters) await expect.poll(body, { timeout: 15_000, message: `parameter ${name} of ${op}` }).toContain(name);
      if (example) await expect.poll(body, { timeout: 15_000, message: `an example value from the 200 response of ${op}` }).toContain(example);
      if (i === 0) await page.screenshot({ path: join(shotsDir, `${vendor}.png`) });
    }
    expect(want.parameters.length).toBeGreaterThan(0);
    expect(log).toEqual({ external: [], consoleErrors: [], pageErrors: [], failed: [] });
    await page.context().close();
  });

  it.each(VENDORS)("%s.html: a sidebar link opened as a link (new tab, bookmark, copied) shows its operation on this page", async (vendor) => {
    const { page, log } = await recordingPage(site.browser, site.origin);
    const pageUrl = `${site.origin}/${vendor}.html`;
    await page.goto(pageUrl, { waitUntil: "load" });
    const menu = page.locator('[data-component-name="Menu/MenuItem"]');
    await expect.poll(() => menu.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Open the first operation's tag group, as a reader would, so its operations are in the menu too.
    const [first] = expectations(vendor).operations;
    const item = menu.getByText(first!.summary, { exact: true }).last();
    if (!(await item.isVisible())) await menu.getByText(first!.tag, { exact: true }).first().click();
    const opHref = await item.evaluate((el) => el.closest("a")?.href);
    expect(opHref).toBeDefined();
    const hrefs = await menu.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toContain(opHref);
    // Every link stays on this page (a route of its hash router), not the server's root.
    expect(hrefs.filter((h) => h.split("#")[0] !== pageUrl)).toEqual([]);
    // The operation's link, opened as a fresh page, shows that operation.
    const fresh = await page.context().newPage();
    const res = await fresh.goto(opHref!, { waitUntil: "load" });
    expect(res?.status()).toBe(200);
    await expect.poll(() => fresh.getByRole("heading", { name: first!.summary }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(log).toEqual({ external: [], consoleErrors: [], pageErrors: [], failed: [] });
    await page.context().close();
  });
});
