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

  async select(): Promise<void> {
    await this.root.click()
  }
}
