import { mkdtempSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, test } from '@playwright/test'
import { expect } from '../e2e/desk/matchers'
import { Desk } from '../e2e/pages/desk'

/** The electron package throws on require when its binary was never downloaded (as on CI here). */
function electronBinary(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as string
  } catch {
    return null
  }
}

const binary = electronBinary()

test.describe('Electron app', () => {
  test.skip(
    !binary,
    'No Electron binary is installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); these tests run where one is.',
  )

  test('opens a hardened window, exposes only the typed API, and runs the demo', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleet-electron-'))
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      // Playwright adds its own switches (--inspect=0, --remote-debugging-port=0): main must ignore them.
      args: ['.', '--listener-port=0', '--demo'],
      env: { ...process.env, FLEET_DATA_DIR: dataDir },
    })
    try {
      const window = await app.firstWindow()
      // Sandboxed, isolated and without Node: the page sees neither require nor process.
      const pageGlobals = await window.evaluate(() => {
        const page = globalThis as unknown as Record<string, unknown>
        return { require: typeof page.require, process: typeof page.process, module: typeof page.module }
      })
      expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' })
      const exposed = await window.evaluate(() =>
        Object.keys((globalThis as unknown as { fleetDesktop?: object }).fleetDesktop ?? {}).sort(),
      )
      expect(exposed).toEqual(['call', 'on'])
      const desk = new Desk(window)
      await expect(desk.header.session).toHaveState('signed-in', { timeout: 30_000 })
      await expect.poll(() => desk.map.assetCount()).toBeGreaterThan(0)
      // better-sqlite3 loaded in Electron's history worker: rebuilt for Electron's ABI, or this says 'error'.
      await desk.health.open()
      await expect(desk.health.history).toHaveAttribute('data-state', 'ready')
      await expect
        .poll(async () => Number(await desk.health.historyFixes.getAttribute('data-count')))
        .toBeGreaterThan(0)
    } finally {
      await app.close()
    }
    // Quit waited for its writes: the window's bounds are saved and no temp file was left behind.
    const files = readdirSync(dataDir)
    expect(files).toContain('window-main.json')
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
