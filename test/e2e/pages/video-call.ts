import type { Locator, Page } from '@playwright/test'

/** "Video call" in the asset detail panel: 8x8's Agent Portal, with a room for the driver. */
export class VideoCall {
  constructor(private readonly panel: Locator) {}

  get root(): Locator {
    return this.panel.getByTestId('video-call')
  }

  /** "Agent Portal signs in: <agent login>" (the connection's agent). */
  get agentLogin(): Locator {
    return this.panel.getByTestId('video-agent-login')
  }

  /** "Create a room": unticked is agent sign-in only (the document's empty body). */
  get createRoom(): Locator {
    return this.panel.getByTestId('video-create-room')
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

  /** What happened: where the portal opened, who gets the link, the room's countdown. */
  get room(): Locator {
    return this.panel.getByTestId('video-room')
  }

  /** The room's validity counting down (data-left-ms). */
  get countdown(): Locator {
    return this.panel.getByTestId('video-room-countdown')
  }

  /** Types what is given (the rest stays as it was) and presses "Video call". */
  async call(fields: { reference?: string; phone?: string } = {}): Promise<void> {
    if (fields.reference !== undefined) await this.reference.fill(fields.reference)
    if (fields.phone !== undefined) await this.phone.fill(fields.phone)
    await this.panel.getByTestId('video-open-portal').click()
  }

  /** Presses "Video call" and returns the tab the browser host opens for the Agent Portal. */
  async callAndOpenPortal(fields: { reference?: string; phone?: string } = {}): Promise<Page> {
    const [tab] = await Promise.all([this.panel.page().context().waitForEvent('page'), this.call(fields)])
    return tab
  }
}
