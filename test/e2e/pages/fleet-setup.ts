import type { Page } from '@playwright/test'
import { SetupFeed } from './setup-feed'
import { SetupListener } from './setup-listener'
import { SetupSync } from './setup-sync'
import { SetupWebhooks } from './setup-webhooks'

/** The Fleet setup drawer (modal): device sync, feed, webhooks, local listener. */
export class FleetSetup {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('open-setup').click()
  }

  async close(): Promise<void> {
    await this.page.getByTestId('setup-close').click()
  }

  get sync(): SetupSync {
    return new SetupSync(this.page)
  }

  get webhooks(): SetupWebhooks {
    return new SetupWebhooks(this.page)
  }

  get feed(): SetupFeed {
    return new SetupFeed(this.page)
  }

  get listener(): SetupListener {
    return new SetupListener(this.page)
  }
}
