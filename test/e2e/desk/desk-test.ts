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
