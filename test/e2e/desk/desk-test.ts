// What an end-to-end spec imports: `test` (with the openDesk fixture), `expect` (with the app's
// state matchers) and openDesk for a desk shared by a whole file. A spec then speaks through the
// desk's page objects (test/e2e/pages); lint keeps test ids out of specs.
import { test as base } from '@playwright/test'
import { openDesk } from './open-desk'
import type { DeskOptions, RunningDesk } from './open-desk'

export { expect } from './matchers'
export { openDesk } from './open-desk'
export type { RunningDesk } from './open-desk'

/**
 * Playwright's test with an `openDesk` fixture: every desk a test opens is closed when it ends,
 * passed, failed or timed out (a fixture's teardown runs where a `finally` after a timeout would not).
 */
export const test = base.extend<{ openDesk: (options?: DeskOptions) => Promise<RunningDesk> }>({
  // Playwright reads which fixtures a fixture needs from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  openDesk: async ({}, use) => {
    const opened: RunningDesk[] = []
    await use(async (options) => {
      const desk = await openDesk(options)
      opened.push(desk)
      return desk
    })
    for (const desk of opened.reverse()) await desk.close()
  },
})
