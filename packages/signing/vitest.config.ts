import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run from source; `#crypto` and `#transport` would otherwise resolve to dist/ through package.json
// "imports". BUCKETRY_CRYPTO=web runs the same suite on the portable path (Web Crypto, fetch transport).
const platform = process.env.BUCKETRY_CRYPTO === "web" ? "web" : "node";

export default defineConfig({
  resolve: {
    alias: {
      "#crypto": fileURLToPath(new URL(`./src/crypto/${platform}.ts`, import.meta.url)),
      "#transport": fileURLToPath(new URL(`./src/transport/${platform}.ts`, import.meta.url)),
      "#printable": fileURLToPath(new URL("./src/printable.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // A zone 12:45 ahead of UTC (CI machines run in UTC): a date read or written in local time shows.
    env: { TZ: "Pacific/Chatham" },
    // Runs the tests in a temporary directory of their own and fails the run if they leave anything in it.
    globalSetup: [fileURLToPath(new URL("../../test/support/temp-dir-check.ts", import.meta.url))],
    // Refuses every connection, DNS query and datagram to a non-loopback address for the whole suite.
    setupFiles: [fileURLToPath(new URL("../../test/support/network-guard.ts", import.meta.url))],
  },
});
