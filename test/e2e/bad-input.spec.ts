import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import WebSocket from 'ws'
import { occupyPort } from '../support/busy-port'
import { startWebHostProcess } from '../support/web-host-process'
import { expect, test } from './desk/desk-test'

test('a wrong password shows the server message and request id, and stores nothing', async ({ openDesk }) => {
  const desk = await openDesk({ simulator: { vehicles: 3 } })
  const { sim, login } = desk
  await login.signIn({ email: sim.credentials.email, password: 'not-the-password' }, { remember: true })
  await expect(login.error).toBeVisible()
  await expect(login.error).toContainText(/request [0-9a-f]{8}/i)
  await expect(desk.header.session).toHaveState('signed-out')
  await expect(login.email).toHaveValue(sim.credentials.email)
  const settings = await readFile(join(desk.host.dataDir, 'settings.json'), 'utf8').catch(() => '')
  expect(settings).not.toContain(sim.credentials.email)
})

test('an unreachable API gives a clear message naming the URL', async ({ openDesk }) => {
  const desk = await openDesk({ apiUrl: 'http://127.0.0.1:9/integration/v1' })
  const { login } = desk
  // The screen names the API it will call: TAGORA_API_URL wins over the settings, and says so.
  await expect(login.apiUrl.value).toHaveText('http://127.0.0.1:9/integration/v1')
  await expect(login.apiUrl.source).toHaveText('set for this run by TAGORA_API_URL')
  await login.signIn({ email: 'dispatch@example.com', password: 'whatever' })
  await expect(login.error).toContainText('127.0.0.1:9')
  await expect(desk.header.session).toHaveState('signed-out')

  // A Spanish desk reads the same facts in Spanish: main sends the error's code and params.
  await desk.header.switchLanguage('es-MX')
  await login.submit()
  await expect(login.error).toHaveText(
    'No se puede conectar con la API de Tagora en http://127.0.0.1:9/integration/v1: ' +
      'ese puerto está bloqueado para solicitudes web; usa otro puerto. ' +
      'Revisa la dirección de la API y tu conexión de red.',
  )
})

test('a listener port already in use is reported as an error and the app keeps running', async ({
  openDesk,
}) => {
  const busy = await occupyPort()
  const desk = await openDesk({ args: ['--listener-port', String(busy.port)], alsoClose: [busy] })
  await expect(desk.header.listener).toHaveState('error')
  await expect(desk.login.email).toBeVisible()
  await desk.login.startDemo()
  await expect(desk.login.error).toContainText(/listener/i)
})

test('the contract socket refuses connections without the secret or from another origin', async () => {
  const host = await startWebHostProcess()
  try {
    const wsBase = host.origin.replace('http', 'ws') + '/contract'
    const { secret } = host
    const attempt = (url: string, origin: string): Promise<string> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url, { origin })
        ws.on('open', () => {
          ws.close()
          resolve('open')
        })
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
        ws.on('error', () => resolve('error'))
      })
    expect(await attempt(wsBase, host.origin)).toBe('401')
    expect(await attempt(`${wsBase}?secret=wrong`, host.origin)).toBe('401')
    expect(await attempt(`${wsBase}?secret=${secret}`, 'http://evil.example')).toBe('403')
    expect(await attempt(`${wsBase}?secret=${secret}`, host.origin)).toBe('open')
  } finally {
    await host.stop()
  }
})
