import type { Locator, Page } from '@playwright/test'

/** The alert bell and its panel: stale/offline alerts, their settings, one click to the vehicle. */
export class AlertsPanel {
  constructor(private readonly page: Page) {}

  /** The bell: data-unread counts alerts not yet seen. */
  get bell(): Locator {
    return this.page.getByTestId('alerts-toggle')
  }

  /** Opens the panel, or closes it when open. */
  async toggle(): Promise<void> {
    await this.bell.click()
  }

  /** Sets "stale after" (seconds) in the panel's settings; the panel must be open. */
  async setStaleAfter(seconds: number): Promise<void> {
    await this.page.getByText('Alert and map settings').click()
    const field = this.page.getByTestId('alert-stale-after')
    await field.fill(String(seconds))
    await field.press('Tab')
  }

  /** The alert of `kind` that names `assetId`. */
  entry(kind: 'stale' | 'offline', assetId: string): Locator {
    return this.page.locator(`[data-testid="alert-entry"][data-kind="${kind}"][data-asset-ids~="${assetId}"]`)
  }

  /** Clicks the vehicle an alert names: the map selects it. */
  async selectVehicleOf(entry: Locator): Promise<void> {
    await entry.getByRole('button').first().click()
  }
}
