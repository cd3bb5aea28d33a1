// Headless Debian Chromium driven by playwright-core, with every request and console error recorded,
// so a test can assert that a page stayed on localhost and logged no errors.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Chromium with a temporary folder of its own, removed once the browser is gone: a browser closed while a page is
 * still busy can leave a file it was writing (`.org.chromium.Chromium.XXXXXX`) in TMPDIR, which the run's
 * temp-folder check would count against the tests.
 */
export async function launch(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  }
  const own = mkdtempSync(join(tmpdir(), "bucketry-chromium-"));
  const remove = () => rmSync(own, { recursive: true, force: true });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true, env: { ...process.env, TMPDIR: own, TMP: own, TEMP: own } });
  } catch (err) {
    remove();
    throw err;
  }
  browser.on("disconnected", remove);
  return browser;
}

export interface PageLog {
  /** Requests to anything but the local origin (data:/blob:/about: are local by nature). */
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
  failed: string[];
}

/**
 * Opens a page that records what it does; requests leaving `allowedOrigin` are aborted and recorded. The guard and
 * the records cover its whole context: a page it opens (a link followed in a new page, a popup) is watched too.
 */
export async function recordingPage(browser: Browser, allowedOrigin: string): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const log: PageLog = { external: [], consoleErrors: [], pageErrors: [], failed: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedOrigin) || /^(data|blob|about):/.test(url)) return route.continue();
    log.external.push(url);
    return route.abort();
  });
  const watch = (page: Page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error") log.consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => log.pageErrors.push(String(err)));
    page.on("response", (res) => {
      if (res.status() >= 400) log.failed.push(`${res.status()} ${res.url()}`);
    });
  };
  context.on("page", watch);
  const page = await context.newPage();
  return { page, log };
}

/**
 * Bundles `entry` for the browser (esbuild, browser conditions), serves it from a page on 127.0.0.1 along with
 * `files` (path → JSON-able body, served as JSON), runs it in headless Chromium and returns what the page left in
 * `window.__result`, with the page's record. `entry` is a file, or a program's text (`{ contents }`, resolved from
 * the working directory); `answer` serves any other path it takes (true when it answered). Requests leaving
 * `allowedOrigin` (default: the page's own) are aborted and recorded. The page and the browser are gone when it
 * returns.
 */
export async function resultInChromium<T>(
  entry: string | { contents: string },
  options: { files?: Record<string, unknown>; allowedOrigin?: string; answer?: (req: IncomingMessage, res: ServerResponse) => boolean } = {},
): Promise<{ result: T; log: PageLog }> {
  const files = options.files ?? {};
  if (!chromiumAvailable()) throw new Error("Chromium is needed for this test (apt-get install -y chromium, as .ci/run does)");
  const from = typeof entry === "string" ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: process.cwd(), loader: "js" as const } };
  const bundle = await esbuild.build({ ...from, bundle: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent" });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    const path = req.url ?? "";
    if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/bundle.js"></script>');
    if (path === "/bundle.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    if (Object.hasOwn(files, path)) return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(files[path]));
    if (options.answer?.(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const browser = await launch();
    try {
      const { page, log } = await recordingPage(browser, options.allowedOrigin ?? origin);
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 60_000 });
      const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as T;
      return { result, log };
    } finally {
      await browser.close();
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
