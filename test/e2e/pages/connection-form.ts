import type { Locator, Page } from '@playwright/test'

/** The add/edit form of the Connections dialog. */
export class ConnectionForm {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('connection-form')
  }

  async chooseScheme(scheme: string): Promise<void> {
    await this.page.getByTestId('connection-scheme').selectOption(scheme)
  }

  /** A field of the scheme's form by its key: name, baseUrl, login, appId, … */
  field(key: string): Locator {
    return this.page.getByTestId(`connection-${key}`)
  }

  /** The secret (API key, password): empty on edit keeps the stored one. */
  get secret(): Locator {
    return this.page.getByTestId('connection-secret')
  }

  /** A path the vendor's document leaves blank, asked in the form itself (Nugios' 'login', 'refresh'). */
  requiredPath(name: string): Locator {
    return this.page.getByTestId(`connection-path-${name}`)
  }

  /** The hint under a field, e.g. 'timezone': the X-nugios-timezone value the desk will send. */
  hint(key: string): Locator {
    return this.page.getByTestId(`connection-${key}-hint`)
  }

  /** "Remove “Bearer”": offered when a bare key was pasted with its scheme word. */
  async removeSchemeWord(): Promise<void> {
    await this.page.getByTestId('connection-secret-fix').click()
  }

  /** "Enter the secret again": shown once an edit points the connection at another server. */
  get secretAgain(): Locator {
    return this.page.getByTestId('connection-secret-again')
  }

  /** The path overrides (a <details>: `open` once expanded, and kept open while one is set). */
  get advanced(): Locator {
    return this.page.getByTestId('connection-advanced')
  }

  async openAdvanced(): Promise<void> {
    await this.advanced.locator('summary').click()
  }

  /** The override of one documented path, e.g. 'login' (placeholder: the documented path). */
  pathOverride(name: string): Locator {
    return this.page.getByTestId(`connection-override-path-${name}`)
  }

  get error(): Locator {
    return this.page.getByTestId('connection-form-error')
  }

  async save(): Promise<void> {
    await this.page.getByTestId('connection-save').click()
  }
}
