import type { Download, Locator, Page } from '@playwright/test'

/**
 * The alarm bell and its inbox: alarms with their state, filters, acknowledging one or all of a
 * kind, the CSV export, the alarm settings, one click to the vehicle.
 */
export class AlertsPanel {
  constructor(private readonly page: Page) {}

  /** The bell: data-unread counts alarms nobody acknowledged yet. */
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

  /** Sets "offline after" (seconds) in the panel's settings, which are open after setStaleAfter. */
  async setOfflineAfter(seconds: number): Promise<void> {
    const field = this.page.getByTestId('alert-offline-after')
    await field.fill(String(seconds))
    await field.press('Tab')
  }

  /** The inbox panel. */
  get inbox(): Locator {
    return this.page.getByTestId('alarm-inbox')
  }

  /** The alarm of `kind` for `assetId` (data-state: new, acknowledged, cleared). */
  entry(kind: 'stale' | 'offline' | 'speeding', assetId: string): Locator {
    return this.page.locator(`[data-testid="alarm-row"][data-kind="${kind}"][data-asset-id="${assetId}"]`)
  }

  /** Every row the inbox shows, each with data-state, data-kind and data-asset-id. */
  get rows(): Locator {
    return this.page.getByTestId('alarm-row')
  }

  /** Acknowledges one alarm, with a note when given (typed first, as a dispatcher would). */
  async acknowledge(entry: Locator, note?: string): Promise<void> {
    if (note !== undefined) await this.page.getByTestId('alarm-note').fill(note)
    await entry.getByTestId('alarm-ack').click()
  }

  /** "Acknowledge all new": of the kind the filter shows, or every kind. */
  get acknowledgeAllButton(): Locator {
    return this.page.getByTestId('alarm-ack-all')
  }

  async filterKind(kind: 'all' | 'stale' | 'offline' | 'speeding'): Promise<void> {
    await this.page.getByTestId('alarm-filter-kind').selectOption(kind)
  }

  async filterState(state: 'open' | 'new' | 'acknowledged' | 'cleared' | 'all'): Promise<void> {
    await this.page.getByTestId('alarm-filter-state').selectOption(state)
  }

  async filterVehicle(text: string): Promise<void> {
    await this.page.getByTestId('alarm-filter-vehicle').fill(text)
  }

  /** Who acknowledged an alarm, when, and the note. */
  acknowledgedBy(entry: Locator): Locator {
    return entry.getByTestId('alarm-ack-by')
  }

  /** Clicks "Export CSV" and returns the download. */
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('alarm-export').click(),
    ])
    return download
  }

  /** Clicks the vehicle an alert names: the map selects it. */
  async selectVehicleOf(entry: Locator): Promise<void> {
    await entry.getByRole('button').first().click()
  }
}
