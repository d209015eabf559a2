import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import { expect, test } from './desk/desk-test'

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

test('a plain-http API URL from an older settings file is kept, flagged, and gets no password', async ({
  openDesk,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleet-insecure-api-'))
  const insecure = 'http://tagora.example.com/integration/v1'
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, apiUrl: insecure }))
  const desk = await openDesk({ dataDir })
  const { login } = desk
  const { apiUrl } = login
  await expect(apiUrl.value).toHaveText(insecure)
  await expect(apiUrl.insecureWarning).toHaveText(SAY.insecureUrl)

  await desk.header.switchLanguage('es-MX')
  await expect(apiUrl.insecureWarning).toHaveText(ES.insecureUrl)
  await login.signIn({ email: 'dispatch@example.com', password: 'the-password' })
  await expect(login.error).toContainText(ES.insecureUrl)

  // Changing it: plain http to another computer is refused in the form; https is taken.
  await apiUrl.press('cambiar')
  await apiUrl.input.fill('http://other.example.com/integration/v1')
  await apiUrl.press('Guardar')
  await expect(apiUrl.error).toHaveText(ES.secureUrl)
  await apiUrl.input.fill('https://tagora.example.com/integration/v1')
  await apiUrl.press('Guardar')
  await expect(apiUrl.value).toHaveText('https://tagora.example.com/integration/v1')
  await expect(apiUrl.insecureWarning).toHaveCount(0)
})

test('moving a connection to another server asks for its secret again; the new server never gets the old one', async ({
  openDesk,
}) => {
  const KEY_A = 'e2e-key-server-a'
  const KEY_B = 'e2e-key-server-b'
  const a = await startEightByEightFake({ apiKey: KEY_A })
  const b = await startEightByEightFake({ apiKey: KEY_B })
  const desk = await openDesk({ args: ['--demo'], alsoClose: [a, b] })
  await expect(desk.header.session).toHaveState('signed-in', { timeout: 30_000 })
  const { connections } = desk
  const { form } = connections
  await connections.open()
  await connections.add('8x8-video', { name: 'Video desk', baseUrl: a.url, agentLogin: 'agent.one' }, KEY_A)
  const row = connections.row('Video desk')
  await row.test()
  await expect(row.root).toHavePhase('connected')

  await row.edit()
  await expect(form.secret).toHaveAttribute('placeholder', 'Leave empty to keep the stored one')
  await expect(form.secretAgain).toHaveCount(0)
  await form.field('baseUrl').fill(b.url)
  await expect(form.secretAgain).toBeVisible()
  await expect(form.secret).toHaveAttribute('placeholder', '')
  await form.save()
  await expect(form.error).toHaveText(SAY.secret)
  expect(b.requests).toHaveLength(0)

  await form.secret.fill(KEY_B)
  await form.save()
  await expect(form.root).toHaveCount(0)
  await row.test()
  await expect(row.root).toHavePhase('connected')
  expect(b.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY_B}`])
  expect(a.requests).toHaveLength(1)
})
