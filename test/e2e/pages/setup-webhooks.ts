import type { Locator, Page } from '@playwright/test'
import { WebhookRow } from './webhook-row'

/** Fleet setup → Webhooks: register one, the tunnel commands, the registered rows and their scopes. */
export class SetupWebhooks {
  constructor(private readonly page: Page) {}

  /** Fills the name and public URL and presses Register. */
  async register(name: string, postUrl: string): Promise<void> {
    await this.page.getByTestId('webhook-name').fill(name)
    await this.page.getByTestId('webhook-url').fill(postUrl)
    await this.page.getByTestId('webhook-register').click()
  }

  /** The form's refusal: data-code says which rule, the text which request failed. */
  get error(): Locator {
    return this.page.getByTestId('webhook-error')
  }

  /** The "Advanced" part of the form: organization and user id overrides. */
  get advanced(): Locator {
    return this.page.getByTestId('webhook-advanced')
  }

  async openAdvanced(): Promise<void> {
    await this.advanced.locator('summary').click()
  }

  idOverride(field: 'organizationId' | 'userId'): Locator {
    return this.page.getByTestId(`webhook-${field}`)
  }

  /** The cloudflared and ngrok commands, in that order. */
  tunnelCommand(index: number): Locator {
    return this.page.getByTestId('tunnel-command').nth(index)
  }

  get rows(): Locator {
    return this.page.getByTestId('webhook-row')
  }

  row(index: number): WebhookRow {
    return new WebhookRow(this.rows.nth(index))
  }

  async refreshScopes(): Promise<void> {
    await this.page.getByTestId('scopes-refresh').click()
  }

  /** Devices outside every webhook's scope (data-count). */
  get outOfScopeCount(): Locator {
    return this.page.getByTestId('out-of-scope-count')
  }
}
