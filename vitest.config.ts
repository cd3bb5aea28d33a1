import { defineConfig } from "vitest/config";

// Root-level (cross-package) tests. Each package runs its own tests with `vitest run` in its folder.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "repo",
          include: ["test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
