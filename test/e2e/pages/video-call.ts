import type { Locator } from '@playwright/test'

/** "Video call driver" in the asset detail panel (an 8x8 connection creates the room). */
export class VideoCall {
  constructor(private readonly panel: Locator) {}

  get root(): Locator {
    return this.panel.getByTestId('video-call')
  }

  get phone(): Locator {
    return this.panel.getByTestId('video-phone')
  }

  get reference(): Locator {
    return this.panel.getByTestId('video-reference')
  }

  get error(): Locator {
    return this.panel.getByTestId('video-error')
  }

  /** The room created: for which phone, and how long it stays valid. */
  get room(): Locator {
    return this.panel.getByTestId('video-room')
  }

  /** Types what is given (the rest stays as it was) and presses "Call driver". */
  async callDriver(fields: { reference?: string; phone?: string } = {}): Promise<void> {
    if (fields.reference !== undefined) await this.reference.fill(fields.reference)
    if (fields.phone !== undefined) await this.phone.fill(fields.phone)
    await this.panel.getByTestId('video-call-driver').click()
  }
}
