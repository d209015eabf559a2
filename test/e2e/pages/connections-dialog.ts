import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { ConnectionForm } from './connection-form'
import { ConnectionRow } from './connection-row'

/** The Connections dialog: other vendors' connections (Agora, 8x8, Nugios, Tavio). */
export class ConnectionsDialog {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('open-connections').click()
  }

  async close(): Promise<void> {
    await this.page.getByTestId('connections-close').click()
  }

  get root(): Locator {
    return this.page.getByTestId('connections-dialog')
  }

  get form(): ConnectionForm {
    return new ConnectionForm(this.page)
  }

  /** The row of the connection named `name`. */
  row(name: string): ConnectionRow {
    return new ConnectionRow(this.page.getByTestId('connection-row').filter({ hasText: name }))
  }

  /** Opens the form for a new connection of `scheme` and fills these fields and the secret (not saved). */
  async fillNew(scheme: string, fields: Record<string, string>, secret: string): Promise<void> {
    await this.page.getByTestId('connection-add').click()
    await this.form.chooseScheme(scheme)
    for (const [key, value] of Object.entries(fields)) await this.form.field(key).fill(value)
    await this.form.secret.fill(secret)
  }

  /** Adds a connection of `scheme` with these fields and secret, and waits for the form to close. */
  async add(scheme: string, fields: Record<string, string>, secret: string): Promise<void> {
    await this.fillNew(scheme, fields, secret)
    await this.form.save()
    await expect(this.form.root).toHaveCount(0)
  }
}
