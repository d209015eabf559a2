import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import WebSocket from 'ws'
import { startSimulator } from '../../tools/simulator/simulator'
import type { Simulator } from '../../tools/simulator/simulator'
import { launchChromium } from '../support/chromium'
import { startWebHostProcess } from '../support/web-host-process'

test('a wrong password shows the server message and request id, and stores nothing', async () => {
  const sim: Simulator = await startSimulator({ vehicles: 3 })
  const host = await startWebHostProcess({ env: { TAGORA_API_URL: sim.apiBaseUrl } })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByTestId('login-email').fill(sim.credentials.email)
    await page.getByTestId('login-password').fill('not-the-password')
    await page.getByTestId('login-remember').check()
    await page.getByTestId('login-submit').click()
    const error = page.getByTestId('login-error')
    await expect(error).toBeVisible()
    await expect(error).toContainText(/request [0-9a-f]{8}/i)
    await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-out')
    await expect(page.getByTestId('login-email')).toHaveValue(sim.credentials.email)
    const settings = await readFile(join(host.dataDir, 'settings.json'), 'utf8').catch(() => '')
    expect(settings).not.toContain(sim.credentials.email)
  } finally {
    await context.close()
    await host.stop()
    await sim.close()
  }
})

test('an unreachable API gives a clear message naming the URL', async () => {
  const apiUrl = 'http://127.0.0.1:9/integration/v1'
  const host = await startWebHostProcess({ env: { TAGORA_API_URL: apiUrl } })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByTestId('login-email').fill('dispatch@example.com')
    await page.getByTestId('login-password').fill('whatever')
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('login-error')).toContainText('127.0.0.1:9')
    await expect(page.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-out')

    // A Spanish desk reads the same facts in Spanish: main sends the error's code and params.
    await page.getByTestId('language-es-MX').click()
    await page.getByTestId('login-submit').click()
    await expect(page.getByTestId('login-error')).toHaveText(
      'No se puede conectar con la API de Tagora en http://127.0.0.1:9/integration/v1: ' +
        'ese puerto está bloqueado para solicitudes web; usa otro puerto. ' +
        'Revisa la dirección de la API y tu conexión de red.',
    )
  } finally {
    await context.close()
    await host.stop()
  }
})

test('a listener port already in use is reported as an error and the app keeps running', async () => {
  const blocker: Server = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const port = (blocker.address() as { port: number }).port
  const host = await startWebHostProcess({ args: ['--listener-port', String(port)] })
  const context = await launchChromium()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    const status = page.getByTestId('listener-status')
    await expect(status).toHaveAttribute('data-state', 'error')
    await expect(page.getByTestId('login-email')).toBeVisible()
    await page.getByTestId('demo-start').click()
    await expect(page.getByTestId('login-error')).toContainText(/listener/i)
  } finally {
    await context.close()
    await host.stop()
    blocker.close()
  }
})

test('the contract socket refuses connections without the secret or from another origin', async () => {
  const host = await startWebHostProcess()
  try {
    const wsBase = host.origin.replace('http', 'ws') + '/contract'
    const secret = new URL(host.url).hash.replace('#secret=', '')
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
