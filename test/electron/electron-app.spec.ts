import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

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
  test.skip(!binary, 'No Electron binary is installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); these tests run where one is.')

  test('opens a hardened window, exposes only the typed API, and runs the demo', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleet-electron-'))
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.', '--listener-port', '0', '--demo'],
      env: { ...process.env, FLEET_DATA_DIR: dataDir },
    })
    try {
      const window = await app.firstWindow()
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const win = BrowserWindow.getAllWindows()[0]
        const p = win?.webContents.getLastWebPreferences()
        return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration }
      })
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
      expect(await window.evaluate(() => Object.keys((globalThis as Record<string, object>).fleetDesktop ?? {}).sort())).toEqual([
        'call',
        'on',
      ])
      await expect(window.getByTestId('session-status')).toHaveAttribute('data-state', 'signed-in', { timeout: 30_000 })
      await expect
        .poll(async () => Number(await window.getByTestId('map').getAttribute('data-asset-count')))
        .toBeGreaterThan(0)
    } finally {
      await app.close()
    }
  })
})
