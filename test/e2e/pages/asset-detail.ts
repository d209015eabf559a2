import type { Locator, Page } from '@playwright/test'
import { VideoCall } from './video-call'

/** The selected vehicle's panel: data-asset-id, data-status, data-lat/-lng, data-fix-time. */
export class AssetDetail {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('asset-detail')
  }

  async position(): Promise<{ lat: string | null; lng: string | null }> {
    return { lat: await this.root.getAttribute('data-lat'), lng: await this.root.getAttribute('data-lng') }
  }

  async fixTime(): Promise<string | null> {
    return this.root.getAttribute('data-fix-time')
  }

  async assetId(): Promise<string | null> {
    return this.root.getAttribute('data-asset-id')
  }

  /** Keeps the map centred on this vehicle. */
  async follow(): Promise<void> {
    await this.page.getByTestId('asset-follow').click()
  }

  get videoCall(): VideoCall {
    return new VideoCall(this.root)
  }
}
