import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'

// Issue 13 point 6 in the browser host: a stored secret never follows an edit to another server, and
// an address that would carry a password over plain http to another computer is refused, in words.

/** The catalog's words (shared/errors/catalog-*), spelled out so the test checks them, not reads them back. */
const SAY = {
  insecureUrl:
    'This address uses plain http:// to another computer, so Fleet Monitor does not send passwords, tokens or keys to it. Change it to https://.',
  secret: 'Enter the secret',
}
const ES = {
  insecureUrl:
    'Esta dirección usa http:// sin cifrar hacia otro equipo, así que Fleet Monitor no le envía contraseñas, tokens ni claves. Cámbiala a https://.',
  secureUrl: 'Usa una dirección https:// (http:// solo para este equipo: localhost, 127.0.0.1, ::1)',
}

test('a plain-http API URL from an older settings file is kept, flagged, and gets no password', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-insecure-api-'))
  const insecure = 'http://tagora.example.com/integration/v1'
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, apiUrl: insecure }))
  const host = await startWebHostProcess({ dataDir })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await expect(page.getByTestId('api-url')).toHaveText(insecure)
    await expect(page.getByTestId('api-url-insecure')).toHaveText(SAY.insecureUrl)

    await page.getByTestId('language-es-MX').click()
    await expect(page.getByTestId('api-url-insecure')).toHaveText(ES.insecureUrl)
    await page.getByTestId('login-email').fill('dispatch@example.com')
    await page.getByTestId('login-password').fill('the-password')
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('login-error')).toContainText(ES.insecureUrl)

    // Changing it: plain http to another computer is refused in the form; https is taken.
    await page.getByRole('button', { name: 'cambiar' }).click()
    await page.getByTestId('api-url-input').fill('http://other.example.com/integration/v1')
    await page.getByRole('button', { name: 'Guardar' }).click()
    await expect(page.locator('.api-url-error')).toHaveText(ES.secureUrl)
    await page.getByTestId('api-url-input').fill('https://tagora.example.com/integration/v1')
    await page.getByRole('button', { name: 'Guardar' }).click()
    await expect(page.getByTestId('api-url')).toHaveText('https://tagora.example.com/integration/v1')
    await expect(page.getByTestId('api-url-insecure')).toHaveCount(0)
  } finally {
    await context.close()
    await host.stop()
  }
})

test('moving a connection to another server asks for its secret again; the new server never gets the old one', async () => {
  const KEY_A = 'e2e-key-server-a'
  const KEY_B = 'e2e-key-server-b'
  const fakes: EightByEightFake[] = [
    await startEightByEightFake({ apiKey: KEY_A }),
    await startEightByEightFake({ apiKey: KEY_B }),
  ]
  const [a, b] = fakes as [EightByEightFake, EightByEightFake]
  const host = await startWebHostProcess({ args: ['--demo'] })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in', {
      timeout: 30_000,
    })
    await page.getByTestId('open-connections').click()
    await page.getByTestId('connection-add').click()
    await page.getByTestId('connection-scheme').selectOption('8x8-video')
    await page.getByTestId('connection-name').fill('Video desk')
    await page.getByTestId('connection-baseUrl').fill(a.url)
    await page.getByTestId('connection-secret').fill(KEY_A)
    await page.getByTestId('connection-save').click()
    const row = page.getByTestId('connection-row').filter({ hasText: 'Video desk' })
    await row.getByTestId('connection-test').click()
    await expect(row).toHaveAttribute('data-phase', 'connected')

    await row.getByTestId('connection-edit').click()
    const secret = page.getByTestId('connection-secret')
    await expect(secret).toHaveAttribute('placeholder', 'Leave empty to keep the stored one')
    await expect(page.getByTestId('connection-secret-again')).toHaveCount(0)
    await page.getByTestId('connection-baseUrl').fill(b.url)
    await expect(page.getByTestId('connection-secret-again')).toBeVisible()
    await expect(secret).toHaveAttribute('placeholder', '')
    await page.getByTestId('connection-save').click()
    await expect(page.getByTestId('connection-form-error')).toHaveText(SAY.secret)
    expect(b.requests).toHaveLength(0)

    await secret.fill(KEY_B)
    await page.getByTestId('connection-save').click()
    await expect(page.getByTestId('connection-form')).toHaveCount(0)
    await row.getByTestId('connection-test').click()
    await expect(row).toHaveAttribute('data-phase', 'connected')
    expect(b.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY_B}`])
    expect(a.requests).toHaveLength(1)
  } finally {
    await context.close()
    await host.stop()
    for (const fake of fakes) await fake.close()
  }
})
