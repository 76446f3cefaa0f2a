import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Integration tests start real servers against shared Redis/PostgreSQL; forks keep
          // native modules (better-sqlite3) and process-wide state apart.
          pool: 'forks',
        },
      },
      'client/vite.config.ts',
    ],
  },
});
