import type { Locator, Page } from '@playwright/test'

/** Fleet setup → Feed: this desk's listener or a Fleet Relay (address and desk key), and the link's state. */
export class SetupFeed {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('setup-feed')
  }

  /** data-kind listener or relay: the radio for each source. */
  source(kind: 'listener' | 'relay'): Locator {
    return this.page.locator(`[data-testid="feed-source"][data-kind="${kind}"]`)
  }

  get relayUrl(): Locator {
    return this.page.getByTestId('feed-relay-url')
  }

  get relayKey(): Locator {
    return this.page.getByTestId('feed-relay-key')
  }

  /** The relay link: data-state connected, reconnecting or refused; data-sequence where it resumes. */
  get status(): Locator {
    return this.page.getByTestId('feed-status')
  }

  /** Why Save changed nothing (a refused key, a relay that does not answer). */
  get error(): Locator {
    return this.page.getByTestId('feed-error')
  }

  async useRelay(url: string, key: string): Promise<void> {
    await this.source('relay').check()
    await this.relayUrl.fill(url)
    await this.relayKey.fill(key)
    await this.save()
  }

  async useListener(): Promise<void> {
    await this.source('listener').check()
    await this.save()
  }

  async save(): Promise<void> {
    await this.page.getByTestId('feed-save').click()
  }
}
