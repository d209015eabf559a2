import type { Locator } from '@playwright/test'

/** One vehicle in the device list: data-status live, stale, offline or no-fix; click selects it. */
export class DeviceRow {
  constructor(readonly root: Locator) {}

  async assetId(): Promise<string> {
    return (await this.root.getAttribute('data-asset-id')) ?? ''
  }

  async serial(): Promise<string> {
    return (await this.root.getAttribute('data-serial')) ?? ''
  }

  /** km/h; 0 when the vehicle has no speed yet. */
  async speed(): Promise<number> {
    return Number((await this.root.getAttribute('data-speed')) || 0)
  }

  /** live, stale, offline or no-fix. */
  async status(): Promise<string> {
    return (await this.root.getAttribute('data-status')) ?? ''
  }

  /** Epoch ms of the latest fix (a restored one after a restart); NaN without one. */
  async fixTime(): Promise<number> {
    return Number((await this.root.getAttribute('data-fix-time')) || Number.NaN)
  }

  /** How old a stale or offline vehicle's last position is ("12 s ago"). */
  get age(): Locator {
    return this.root.getByTestId('device-row-age')
  }

  async select(): Promise<void> {
    await this.root.click()
  }
}
