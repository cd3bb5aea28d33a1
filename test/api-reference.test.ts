// The TypeDoc reference (docs/api, `npm run docs`) has a module per public import path a program uses, named as it
// imports it, with the symbols the READMEs send readers to (every credential source, the mock server).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const api = join(fileURLToPath(new URL("..", import.meta.url)), "docs", "api");
const IMPORT_PATHS = [
  "bucketry",
  "bucketry/credentials",
  "@bucketry/signing",
  "@bucketry/signing/fetch",
  "@bucketry/signing/transport",
  "@bucketry/signing/signed",
  "@bucketry/mocks",
  "@bucketry/mocks/server",
];

describe("API reference", () => {
  it("has one module per public import path, titled with it", () => {
    const modules = readFileSync(join(api, "modules.html"), "utf8");
    const titles = [...modules.matchAll(/<a href="modules\/[^"]+\.html"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(new Set(titles)).toEqual(new Set(IMPORT_PATHS));
  });

  it("documents the credential sources of bucketry/credentials and the mock server", () => {
    for (const page of ["bucketry_credentials.alibabaCredentialChain", "bucketry_credentials.refreshing", "bucketry_credentials.credentialChain", "_bucketry_mocks_server.startMockServer"]) {
      expect(existsSync(join(api, "functions", `${page}.html`)), page).toBe(true);
    }
    expect(existsSync(join(api, "classes", "bucketry_credentials.CredentialChainError.html"))).toBe(true);
  });
});
