import type { Locator } from '@playwright/test'

/** One vendor connection in the Connections dialog: data-phase connected, renewing or failed. */
export class ConnectionRow {
  constructor(readonly root: Locator) {}

  async test(): Promise<void> {
    await this.root.getByTestId('connection-test').click()
  }

  /** Scheme and answer of the last test. */
  get testResult(): Locator {
    return this.root.getByTestId('connection-test-result')
  }

  get error(): Locator {
    return this.root.getByTestId('connection-error')
  }

  /** What the protected test call returned (data-status, data-items) and its first items. */
  get answer(): Locator {
    return this.root.getByTestId('connection-answer')
  }

  /** When the refresh token ends (data-at, epoch ms), for schemes that document its lifetime. */
  get refreshEnds(): Locator {
    return this.root.getByTestId('connection-refresh-ends')
  }

  get nextRenewal(): Locator {
    return this.root.getByTestId('connection-next-renewal')
  }

  /** The token's lifetime (data-seconds) and where it comes from. */
  get lifetime(): Locator {
    return this.root.getByTestId('connection-lifetime')
  }

  /** "retry 1 of 3" while a renewal in the background retries. */
  get retry(): Locator {
    return this.root.getByTestId('connection-retry')
  }

  async edit(): Promise<void> {
    await this.root.getByTestId('connection-edit').click()
  }

  async remove(): Promise<void> {
    await this.root.getByTestId('connection-remove').click()
  }
}
