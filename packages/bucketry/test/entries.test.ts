// Each provider's own entry (`bucketry/<id>`): the same client as the root entry for that provider (same
// normalized answers from the mock, which checks every signature), `provider` optional, and a module graph
// that holds that provider alone — no registry, no other provider's module or client package. Needs the build.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient, PROVIDERS, type Provider } from "../src/index.js";

type MockServer = Awaited<ReturnType<typeof import("@bucketry/mocks/server").startMockServer>>;
const entry = (id: Provider) => import(`../src/generated/entries/${id}.ts`) as Promise<{ createBucketClient: (options: object) => Record<string, unknown> & { provider: string } }>;
const built = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

let server: MockServer;
beforeAll(async () => {
  const { startMockServer } = await import("@bucketry/mocks/server");
  server = await startMockServer({ buckets: 30, seed: 3 });
});
afterAll(async () => {
  await server?.close();
});

/** The provider's one operation, as the README's facade sample does it. */
async function operate(client: Record<string, unknown>, id: Provider): Promise<unknown> {
  if (typeof client.getBucketAcl === "function") return (client.getBucketAcl as (b: string) => Promise<unknown>)(server.mock.state.buckets[0]!.name);
  const page = client.listBucketsPage as (o: object) => Promise<unknown>;
  return page(id === "hitachi-vsp-one-object" ? { userId: server.mock.state.hitachiUsers[0] } : {});
}

describe.each(PROVIDERS)("bucketry/%s", (id) => {
  it("makes the client the root entry makes: same provider, operations and answers", async () => {
    const { createBucketClient: create } = await entry(id);
    const { provider: _omitted, ...options } = { ...server.clientOptions[id], retry: false as const };
    const own = create(options);
    const root = createBucketClient({ ...server.clientOptions[id], retry: false } as Parameters<typeof createBucketClient>[0]) as unknown as Record<string, unknown>;
    expect(own.provider).toBe(id);
    expect(Object.keys(own).sort()).toEqual(Object.keys(root).sort());
    expect(JSON.stringify(own)).toBe(JSON.stringify({ provider: id })); // credentials stay hidden here too
    const [mine, theirs] = await Promise.all([operate(own, id), operate(root, id)]);
    expect(mine).toEqual(theirs);
    expect(create({ ...options, provider: id }).provider).toBe(id);
  });

  it("refuses another provider's id and a missing options object with a Configuration error", async () => {
    const { createBucketClient: create } = await entry(id);
    const other = PROVIDERS.find((p) => p !== id)!;
    for (const bad of [() => create({ ...server.clientOptions[id], provider: other }), () => create(undefined as unknown as object)]) {
      let error: unknown;
      try {
        bad();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(BucketryError);
      expect(error).toMatchObject({ kind: "Configuration", provider: id });
    }
  });

  it("bundles this provider alone: no registry, no other provider's module or client package, no CLI facts", async () => {
    const file = built(`generated/entries/${id}.js`);
    expect(existsSync(file), "needs the build: run `npm run build` first").toBe(true);
    const result = await esbuild.build({ entryPoints: [file], bundle: true, write: false, platform: "browser", format: "esm", metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    const others = PROVIDERS.filter((p) => p !== id);
    const foreign = inputs.filter((f) => others.some((p) => f.includes(`/providers/${p}.js`) || f.includes(`/${p}/dist/`)) || f.endsWith("/generated/providers.js") || f.endsWith("/registry.js") || f.includes("/cli/"));
    expect(foreign).toEqual([]);
    expect(inputs.some((f) => f.endsWith(`/providers/${id}.js`))).toBe(true);
    // The module's CLI and docs facts are for the CLI and the docs portal, not for an app's bundle.
    expect(result.outputFiles[0]!.text).not.toMatch(/profileExample|mockEnv|pagination:/);
  });
});

// A browser's fetch never shows Set-Cookie to a script, so `#set-cookies` gives browser bundles a reader that finds
// no cookie; everywhere else the Hitachi module reads every line with @bucketry/signing's reader.
describe("the Hitachi entry's Set-Cookie reader", () => {
  it("on Node, reads each line's name and value as the session's jar keeps them", async () => {
    const { setCookiePairs } = await import("#set-cookies");
    const headers = new Headers([["set-cookie", 'XSRF-TOKEN=" a1b2 "; Path=/'], ["set-cookie", "vertx-web.session = s1 ; HttpOnly"]]);
    expect(setCookiePairs(headers)).toEqual([["XSRF-TOKEN", " a1b2 "], ["vertx-web.session", "s1"]]);
  });

  it("bundled for the browser, leaves out the reading and splitting of Set-Cookie lines", async () => {
    const file = built("generated/entries/hitachi-vsp-one-object.js");
    expect(existsSync(file), "needs the build: run `npm run build` first").toBe(true);
    const result = await esbuild.build({ entryPoints: [file], bundle: true, write: false, platform: "browser", format: "esm", logLevel: "silent" });
    const text = result.outputFiles[0]!.text;
    expect(text).toContain("function setCookiePairs(");
    expect(text).not.toMatch(/splitCombinedSetCookie|getSetCookie/);
  });
});
