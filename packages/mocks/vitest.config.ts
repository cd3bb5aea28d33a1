import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Runtime tests of @bucketry/mocks, run from source (`vitest run` in this folder).
export default defineConfig({
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
