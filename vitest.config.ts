import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    // Tests run against the sources of the workspace packages, not their builds.
    alias: {
      "@anchor-lint/core": fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      "@anchor-lint/node": fileURLToPath(new URL("./packages/node/src/index.ts", import.meta.url)),
    },
  },
  test: {
    // examples/ holds the examples' own tests, next to the code they run.
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "e2e/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The JSON results are what .ci/run reads to print its "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
