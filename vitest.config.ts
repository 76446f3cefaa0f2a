import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The presence crash test destroys an instance's Redis connection on purpose (the crash it
    // simulates). Commands the Socket.IO Redis adapter had in flight then reject inside the
    // library, where no code of ours can await them. Only that exact, expected error is ignored.
    onUnhandledError: (error) => error.message !== 'Disconnects client',
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
      { test: { name: 'bench', root: './bench', include: ['src/**/*.test.ts'] } },
    ],
  },
});
