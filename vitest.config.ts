import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Root-level (cross-package) tests. Each package runs its own tests with `vitest run` in its folder (a package
// without a vitest config of its own runs under this one, its folder as the root).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "repo",
          include: ["test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Runs the tests in a temporary directory of their own and fails the run if they leave anything in it.
          globalSetup: [fileURLToPath(new URL("./test/support/temp-dir-check.ts", import.meta.url))],
          // Refuses every connection, DNS query and datagram to a non-loopback address for the whole suite
          // (the client packages, which have no config of their own, run under this project too).
          setupFiles: [fileURLToPath(new URL("./test/support/network-guard.ts", import.meta.url))],
        },
      },
    ],
  },
});
