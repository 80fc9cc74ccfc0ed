import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Chromium suites on a shared 2-core machine: generous, each test still has its own waits.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start servers, brokers and Chromium: two cores, so
    // keep files from fighting over them.
    maxWorkers: 2,
  },
});
