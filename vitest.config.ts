import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // a PostgreSQL server for the store's tests (FRONTLINE_PG_URL, or a throwaway cluster)
    globalSetup: ['test/store/globalSetup.ts'],
  },
});
