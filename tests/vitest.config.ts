import { defineConfig } from 'vitest/config';

/** Four suites: pure functions, SQL against DuckDB, chart snapshots, and the browser against the production build. */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'sql', include: ['tests/sql/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'charts', include: ['tests/charts/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
