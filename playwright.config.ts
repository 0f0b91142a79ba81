import { defineConfig } from '@playwright/test';
import { cameraPermissions, chromiumLaunchOptions } from './test/e2e/support/browser.ts';

/** Specs run against `dist/`, so `npm run test:e2e` builds first. Two cores: one worker. */
export default defineConfig({
  testDir: 'test',
  // The browser half of the at-rest check lives with the security suite (issue 6).
  testMatch: ['e2e/**/*.spec.ts', 'security/**/*.spec.ts'],
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: cameraPermissions,
    launchOptions: chromiumLaunchOptions(),
  },
});
