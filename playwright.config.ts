import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers
 * here) against the real server: e2e/serve.ts builds the web app and starts
 * the API, socket.io and the UI on one free port with a fresh PGlite data dir.
 */
// Chosen once in the main process; workers inherit the environment, so all agree on it.
process.env.TL_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const port = Number(process.env.TL_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // The screenshot generator rewrites docs/images: run it on purpose only (TL_SCREENSHOTS=1).
  testIgnore: process.env.TL_SCREENSHOTS ? [] : ['**/screenshots.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'pnpm exec tsx e2e/serve.ts',
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    // Locally, TL_E2E_PORT may point at a server already running (faster iteration).
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
