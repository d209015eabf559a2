import type { Download, Locator, Page } from '@playwright/test'
import { DeviceRow } from './device-row'

export type StatusFilter = 'all' | 'live' | 'stale' | 'offline' | 'no-fix'

/** The fleet beside the map: search, status chips, sort, the rows, and the CSV export. */
export class DeviceList {
  constructor(private readonly page: Page) {}

  /** data-total: every device of the organization; data-shown: those the filters leave. */
  get count(): Locator {
    return this.page.getByTestId('device-count')
  }

  async total(): Promise<number> {
    return Number(await this.count.getAttribute('data-total'))
  }

  /** The rows drawn now (the list is virtual: only those near the viewport). */
  get rows(): Locator {
    return this.page.getByTestId('device-row')
  }

  row(index: number): DeviceRow {
    return new DeviceRow(this.rows.nth(index))
  }

  /** Every row drawn now, in list order. */
  async allRows(): Promise<DeviceRow[]> {
    return (await this.rows.all()).map((row) => new DeviceRow(row))
  }

  get liveRows(): Locator {
    return this.page.locator('[data-testid="device-row"][data-status="live"]')
  }

  /** The `index`th vehicle that reports live right now. */
  liveRow(index: number): DeviceRow {
    return new DeviceRow(this.liveRows.nth(index))
  }

  /** Vehicles no registered webhook's scope carries: Tagora would never deliver their positions. */
  get outOfScopeRows(): Locator {
    return this.page.locator('[data-testid="device-row"][data-out-of-scope="true"]')
  }

  get search(): Locator {
    return this.page.getByTestId('device-search')
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }

  async clearSearch(): Promise<void> {
    await this.search.fill('')
  }

  async sortBy(key: 'name' | 'speed'): Promise<void> {
    await this.page.getByTestId('device-sort').selectOption(key)
  }

  /** A status chip: data-count is how many vehicles have that status. */
  statusChip(status: StatusFilter): Locator {
    return this.page.getByTestId(`status-filter-${status}`)
  }

  async countOf(status: StatusFilter): Promise<number> {
    return Number(await this.statusChip(status).getAttribute('data-count'))
  }

  async filterBy(status: StatusFilter): Promise<void> {
    await this.statusChip(status).click()
  }

  /** "N devices skipped (malformed)" after a sync that met rows it could not read. */
  get skipped(): Locator {
    return this.page.getByTestId('sync-skipped')
  }

  async scrollToEnd(): Promise<void> {
    await this.page.locator('.device-viewport').evaluate('el => { el.scrollTop = el.scrollHeight }')
  }

  /** Exports the filtered list; resolves with the download the browser received. */
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-csv').click(),
    ])
    return download
  }
}
