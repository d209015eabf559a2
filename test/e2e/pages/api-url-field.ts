import type { Locator, Page } from '@playwright/test'

/** The login screen's "API" line: which Tagora API the desk signs in to, with its inline editor. */
export class ApiUrlField {
  constructor(private readonly page: Page) {}

  get value(): Locator {
    return this.page.getByTestId('api-url')
  }

  /** Where the address comes from when not from the settings ("set for this run by TAGORA_API_URL"). */
  get source(): Locator {
    return this.page.getByTestId('api-url-source')
  }

  /** The warning under an address that would carry a password over plain http to another computer. */
  get insecureWarning(): Locator {
    return this.page.getByTestId('api-url-insecure')
  }

  get input(): Locator {
    return this.page.getByTestId('api-url-input')
  }

  /** The editor's own refusal (the form checks the address before main does). */
  get error(): Locator {
    return this.page.locator('.api-url-error')
  }

  /** Presses one of the field's buttons by the words on it, in whichever language the desk shows. */
  async press(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click()
  }
}
