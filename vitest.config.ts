import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // builds run DuckDB and several stages; two cores
    maxWorkers: 2,
  },
});
