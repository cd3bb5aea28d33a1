import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The facade's tests run against the built @bucketry/signing (a workspace link outside node_modules, so
// Vite resolves its imports). BUCKETRY_CRYPTO=web runs the same suite on the portable path: the signing
// package's `#crypto` and `#transport` resolve to its web builds (Web Crypto, fetch) instead of the Node
// ones. The CLI tests (test/cli) run the built binary, whose platform does not follow that switch, so they
// run once, in the default pass.
const web = process.env.BUCKETRY_CRYPTO === "web";
const signingDist = (file: string) => fileURLToPath(new URL(`../signing/dist/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      // The facade's own platform import, from source (package.json "imports" points at dist/).
      "#credential-io": fileURLToPath(new URL("./src/credentials/io-node.ts", import.meta.url)),
      "#credential-defaults": fileURLToPath(new URL("./src/credentials/defaults-node.ts", import.meta.url)),
      ...(web
        ? {
            "#crypto": signingDist("crypto/web.js"),
            "#transport": signingDist("transport/web.js"),
          }
        : {}),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: web ? ["test/cli/**", "**/node_modules/**"] : ["**/node_modules/**"],
    // A guard against a hung test, not a limit on a slow one: the CLI tests spawn the command several times per
    // test, which a loaded two-core machine slows far past its usual second.
    testTimeout: 180_000,
    // A zone 12:45 ahead of UTC (CI machines run in UTC): a date read or written in local time shows.
    env: { TZ: "Pacific/Chatham" },
    // Runs the tests in a temporary directory of their own and fails the run if they leave anything in it.
    globalSetup: [fileURLToPath(new URL("../../test/support/temp-dir-check.ts", import.meta.url))],
    // Refuses every connection to a non-loopback address (metadata services, vendor hosts) for the whole suite.
    setupFiles: [fileURLToPath(new URL("../../test/support/network-guard.ts", import.meta.url))],
  },
});
