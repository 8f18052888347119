import { defineConfig } from '@playwright/test';

/**
 * e2e: the same specs against browser mode (Chromium from the system, the browser host started per test) and
 * against real Electron via _electron when its binary is installed (otherwise the "electron" project's tests
 * skip, printing why). Each test gets its own data folder and files root: see e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  // 2 shared cores: one worker keeps timings stable.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', use: { browserName: 'chromium' } },
    { name: 'electron', use: { browserName: 'chromium' } },
  ],
});
