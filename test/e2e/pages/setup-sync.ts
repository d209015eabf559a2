import type { Locator, Page } from '@playwright/test'

/** Fleet setup → Device sync: the last sync, what it changed, and a manual refresh. */
export class SetupSync {
  constructor(private readonly page: Page) {}

  private get section(): Locator {
    return this.page.getByTestId('setup-sync')
  }

  /** data-phase: idle, syncing or error. */
  get state(): Locator {
    return this.page.getByTestId('setup-sync-state')
  }

  /** What the last refresh changed: data-added, data-removed. */
  get change(): Locator {
    return this.page.getByTestId('sync-change')
  }

  /** The skipped-devices note inside this section (the device list shows its own). */
  get skipped(): Locator {
    return this.section.getByTestId('sync-skipped')
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('sync-refresh').click()
  }
}
