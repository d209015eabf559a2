import { defineConfig } from '@playwright/test'

// End-to-end suites run the real app: the browser host in Debian's Chromium, and Electron where a
// runtime exists. Never `npx playwright install`: browsers come from the system.
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
})
