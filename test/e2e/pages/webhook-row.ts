import type { Locator } from '@playwright/test'

/**
 * One registered webhook in Fleet setup: data-webhook-id, data-key-problem; its scope, its public URL
 * test, and the listener path warning.
 */
export class WebhookRow {
  constructor(readonly root: Locator) {}

  /** data-phase of the last scope fetch, data-count of devices it carries. */
  get scope(): Locator {
    return this.root.getByTestId('webhook-scope')
  }

  /** The scope's device list, once shown (data-count). */
  get scopeDevices(): Locator {
    return this.root.getByTestId('webhook-scope-devices')
  }

  async toggleScopeDevices(): Promise<void> {
    await this.root.getByTestId('webhook-scope-toggle').click()
  }

  async testPublicUrl(): Promise<void> {
    await this.root.getByTestId('webhook-test-public').click()
  }

  /** data-state reached or failed, data-outcome why, and the words a dispatcher reads. */
  get testResult(): Locator {
    return this.root.getByTestId('webhook-test-result')
  }

  /** "This webhook posts to a path the listener does not serve" (data-path). */
  get pathMismatch(): Locator {
    return this.root.getByTestId('listener-path-mismatch')
  }

  /** One click: the listener serves the webhook's path. */
  async fixListenerPath(): Promise<void> {
    await this.root.getByTestId('listener-path-fix').click()
  }

  get inactiveBadge(): Locator {
    return this.root.getByTestId('webhook-inactive')
  }

  get keyProblem(): Locator {
    return this.root.getByTestId('webhook-key-problem')
  }

  /** When this desk registered it. */
  get created(): Locator {
    return this.root.getByTestId('webhook-created')
  }

  /** Fields Tagora's reply left out and the app assumed (data-fields). */
  get unstated(): Locator {
    return this.root.getByTestId('webhook-unstated')
  }
}
