// The built docs folder served on 127.0.0.1 and a headless Chromium: what the suites that open its pages share.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
// @ts-expect-error plain ESM script without types
import { serveStatic } from "../../scripts/docs-server.mjs";
import { afterAll, beforeAll } from "vitest";
import { launch } from "./browser.js";

export interface DocsSite {
  readonly origin: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Serves `docsDir` on a free loopback port, launches Chromium and makes `shotsDir` for screenshots. */
export async function openDocsSite(docsDir: string, shotsDir: string): Promise<DocsSite> {
  const server = (await serveStatic(docsDir, 0)) as Server;
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const browser = await launch().catch(async (err: unknown) => {
    await new Promise((r) => server.close(r));
    throw err;
  });
  mkdirSync(shotsDir, { recursive: true });
  return {
    origin: `http://127.0.0.1:${address.port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The docs site for a test file: opened before its tests, closed after them; read `browser` and `origin` inside a test. */
export function useDocsSite(docsDir: string, shotsDir: string): Omit<DocsSite, "close"> {
  let site: DocsSite | undefined;
  beforeAll(async () => {
    site = await openDocsSite(docsDir, shotsDir);
  });
  afterAll(() => site?.close());
  const opened = () => {
    if (!site) throw new Error("useDocsSite: the site is opened in beforeAll; read it inside a test");
    return site;
  };
  return {
    get browser() {
      return opened().browser;
    },
    get origin() {
      return opened().origin;
    },
  };
}
