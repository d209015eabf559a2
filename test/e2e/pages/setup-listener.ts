import type { Locator, Page } from '@playwright/test'

/** Fleet setup → Local listener: where deliveries land, what was refused, and its settings. */
export class SetupListener {
  constructor(private readonly page: Page) {}

  /** data-state listening or error. */
  get details(): Locator {
    return this.page.getByTestId('listener-details')
  }

  get localUrl(): Locator {
    return this.page.getByTestId('listener-local-url')
  }

  async localUrlText(): Promise<string> {
    return (await this.localUrl.textContent()) ?? ''
  }

  /** The listener's own failure (it is not running). */
  get error(): Locator {
    return this.page.getByTestId('listener-error')
  }

  /** Refused deliveries by reason ("no signature: 1"). */
  get rejected(): Locator {
    return this.page.getByTestId('listener-rejected')
  }

  get port(): Locator {
    return this.page.getByTestId('listener-port')
  }

  get saveButton(): Locator {
    return this.page.getByTestId('listener-save')
  }

  /** Why saving the listener settings changed nothing (a busy port). */
  get settingsError(): Locator {
    return this.page.getByTestId('listener-settings-error')
  }

  async usePort(port: number): Promise<void> {
    await this.port.fill(String(port))
    await this.save()
  }

  async save(): Promise<void> {
    await this.saveButton.click()
  }

  /** Chooses "all interfaces" (saving then waits for a confirmation). */
  async chooseAllInterfaces(): Promise<void> {
    await this.page.getByTestId('listener-bind-all').check()
  }

  async chooseLoopback(): Promise<void> {
    await this.page.getByTestId('listener-bind-loopback').check()
  }
}
