import type { Locator, Page } from '@playwright/test'

/** The start-up notice (e.g. a corrupt settings file was moved aside), shown until dismissed. */
export class AppNotice {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('app-notice')
  }

  async dismiss(): Promise<void> {
    await this.page.getByTestId('app-notice-dismiss').click()
  }
}
