// Headless Debian Chromium driven by playwright-core, with every request and console error recorded,
// so a test can assert that a page stayed on localhost and logged no errors.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
