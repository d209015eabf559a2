import { expect as baseExpect } from '@playwright/test'
import type { ExpectMatcherState, Locator, MatcherReturnType } from '@playwright/test'

interface WaitOptions {
  timeout?: number
}

/**
 * A matcher for one of the data-* attributes the app sets to say where a thing stands (state, phase,
 * code): `expect(row.testResult).toHaveState('reached')` reads as the dispatcher would say it, and
 * waits and reports exactly as toHaveAttribute does.
 */
function dataMatcher(name: string, attribute: string) {
  return async function (
    this: ExpectMatcherState,
    locator: Locator,
    expected: string | RegExp,
    options: WaitOptions = {},
  ): Promise<MatcherReturnType> {
    const assertion = this.isNot ? baseExpect(locator).not : baseExpect(locator)
    let failure: string | null = null
    try {
      await assertion.toHaveAttribute(attribute, expected, { timeout: options.timeout ?? this.timeout })
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error)
    }
    // `pass` always answers "does the attribute match?"; Playwright negates it itself for .not.
    const pass = this.isNot ? failure !== null : failure === null
    return {
      name,
      pass,
      expected,
      message: () => `${name} (${attribute}): ${failure ?? `matched ${String(expected)}`}`,
    }
  }
}

export const expect = baseExpect.extend({
  /** data-state: a session's, listener's or public URL test's. */
  toHaveState: dataMatcher('toHaveState', 'data-state'),
  /** data-phase: a sync's, scope's or connection's. */
  toHavePhase: dataMatcher('toHavePhase', 'data-phase'),
  /** data-code: which rule refused a form, or why a session ended. */
  toHaveCode: dataMatcher('toHaveCode', 'data-code'),
})
