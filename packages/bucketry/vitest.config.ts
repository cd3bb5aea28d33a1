import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run from source; `#crypto` would otherwise resolve to dist/ through package.json "imports".
// BUCKETRY_CRYPTO=web runs the same suite on the portable Web Crypto path. The CLI tests (test/cli) run the
// built binary, whose crypto does not depend on that switch, so they run once, in the default pass.
const cryptoImpl = process.env.BUCKETRY_CRYPTO === "web" ? "web" : "node";

export default defineConfig({
  resolve: {
    alias: {
      "#crypto": fileURLToPath(new URL(`./src/crypto/${cryptoImpl}.ts`, import.meta.url)),
      // The web pass also takes the portable transport (fetch); the default pass the Node one.
      "#transport": fileURLToPath(new URL(`./src/transport/${cryptoImpl}.ts`, import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: cryptoImpl === "web" ? ["test/cli/**", "**/node_modules/**"] : ["**/node_modules/**"],
    testTimeout: 30_000,
  },
});
