// `npm run screenshots`: every screen, light and dark, on the built renderer with a realistic
// library, through the browser test harness (test/e2e/harness). PNGs go to
// test-results/screenshots/ (git-ignored); Playwright's own output to a folder beside it, so a
// run never wipes the pictures it has just written.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.shots.ts',
  globalSetup: '../e2e/harness/global-setup.ts',
  outputDir: '../../test-results/screenshots-run',
  timeout: 240_000,
  use: { ...base.use, screenshot: 'off' },
});
