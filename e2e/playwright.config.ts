import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env['E2E_PORT'] ?? 4310);
/** A second server with LiveKit configured, for the media-configured specs. */
const MEDIA_PORT = PORT + 1;
const DATA_DIR = path.join(os.tmpdir(), `roundtable-e2e-${process.pid}`);
export const ORGANIZER = { email: 'organizer@example.org', password: 'e2e-organizer-password' };
/**
 * No LiveKit server can run here: nothing listens at this URL. The app only signs tokens for it,
 * which is all the media-configured specs check (the panel offers to join and a token is issued).
 */
const LIVEKIT_ENV = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880',
  LIVEKIT_API_KEY: 'e2e-livekit-key',
  LIVEKIT_API_SECRET: 'e2e-livekit-secret-not-used-outside-tests',
};

/** The real server on the embedded store, with the built client and the demo data. */
function serverOn(port: number, dataDir: string, extraEnv: Record<string, string> = {}) {
  return {
    command: `node --import tsx server/src/main.ts`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      ORGANIZER_NAME: 'E2E Organizer',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
  };
}

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers here) against the
 * real server on the embedded store, with the built client and the demo data.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI']
    ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]]
    : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /media-configured/ },
    {
      name: 'livekit-configured',
      testMatch: /media-configured/,
      use: { baseURL: `http://127.0.0.1:${MEDIA_PORT}` },
    },
  ],
  webServer: [serverOn(PORT, DATA_DIR), serverOn(MEDIA_PORT, `${DATA_DIR}-media`, LIVEKIT_ENV)],
});
