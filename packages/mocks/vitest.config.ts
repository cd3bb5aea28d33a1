import { defineConfig } from "vitest/config";

// Runtime tests of @bucketry/mocks, run from source (`vitest run` in this folder).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
