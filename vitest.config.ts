import { defineConfig } from 'vitest/config';

/**
 * Test tiers: pure unit tests beside the code; service and API tests (*.service.test.ts,
 * *.api.test.ts) on a fresh database per file — PGlite by default, a PostgreSQL server when
 * PLENARY_TEST_DATABASE_URL is set; browser tests (test/e2e) in Chromium.
 */
const serviceTests = [
  'src/**/*.service.test.ts',
  'src/**/*.api.test.ts',
  'test/service/**/*.test.ts',
];
/** Tests of what only a PostgreSQL server has (LISTEN connections); run in the PostgreSQL suite. */
const postgresOnlyTests = process.env.PLENARY_TEST_DATABASE_URL ? ['src/**/*.pg.test.ts'] : [];

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts'],
          exclude: [...serviceTests, 'src/**/*.loader.test.ts', 'src/**/*.pg.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'service',
          sequence: { groupOrder: 1 },
          include: [...serviceTests, ...postgresOnlyTests, 'src/**/*.loader.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
