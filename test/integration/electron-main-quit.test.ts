import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ElectronMain } from '../support/electron-main-kit'
import { electronMainLauncher } from '../support/electron-main-kit'

/** Files a cut-off atomic write leaves behind (temp file + rename: core/settings/atomic-write.ts). */
function leftovers(dataDir: string): string[] {
  return readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))
}

/** A desk whose window is up and whose listener listens (the renderer's own view of "started"). */
async function startedDesk(launch: () => ElectronMain) {
  const main = launch()
  const window = await main.waitFor('window-shown')
  for (let tries = 0; tries < 100; tries++) {
    const snapshot = (await main.ask({
      cmd: 'invoke',
      windowId: window.id,
      channel: 'app:get-snapshot',
      input: undefined,
    })) as { value?: { listener: { state: string } } }
    if (snapshot.value?.listener.state === 'listening') return { main, window }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the desk never listened:\n${main.output()}`)
}

describe('Electron main quitting', () => {
  const launch = electronMainLauncher()

  it('holds the quit until the window bounds and a settings change are on disk', async () => {
    const { main, window } = await startedDesk(() => launch())
    // A settings change still being written when the dispatcher quits.
    main.send({
      cmd: 'invoke',
      id: 99,
      windowId: window.id,
      channel: 'settings:set-telemetry',
      input: { trailPoints: 42 },
    })
    main.send({ cmd: 'quit' })
    expect(await main.exited()).toEqual({ code: 0, signal: null })
    const bounds = JSON.parse(readFileSync(join(main.dataDir, 'window-main.json'), 'utf8')) as object
    expect(bounds).toMatchObject({ width: 1400, height: 900, maximized: false })
    const settings = JSON.parse(readFileSync(join(main.dataDir, 'settings.json'), 'utf8')) as {
      telemetry: { trailPoints: number }
    }
    expect(settings.telemetry.trailPoints).toBe(42)
    expect(leftovers(main.dataDir)).toEqual([])
    // Nothing threw while stopping (a destroyed tray, a disposed session).
    expect(main.output()).not.toMatch(/uncaught|unhandled/i)
  })

  it('quits the same way on SIGTERM and on closing the last window (Linux and Windows)', async () => {
    const terminated = await startedDesk(() => launch())
    terminated.main.kill('SIGTERM')
    expect(await terminated.main.exited()).toEqual({ code: 0, signal: null })
    expect(readdirSync(terminated.main.dataDir)).toContain('window-main.json')

    const closed = await startedDesk(() => launch())
    closed.main.send({ cmd: 'close-window', windowId: closed.window.id })
    expect(await closed.main.exited()).toEqual({ code: 0, signal: null })
    expect(readdirSync(closed.main.dataDir)).toContain('window-main.json')
    expect(leftovers(closed.main.dataDir)).toEqual([])
  })

  it('on macOS hides the main window on close, so its alerts keep running behind the tray', async () => {
    const { main, window } = await startedDesk(() => launch({ env: { FAKE_ELECTRON_PLATFORM: 'darwin' } }))
    main.send({ cmd: 'close-window', windowId: window.id })
    await main.waitFor('window-hidden', (r) => r.id === window.id)
    expect(main.reports.filter((r) => r.kind === 'window-closed')).toEqual([])
    // The Dock icon brings the same window back: same renderer, same alert engine.
    main.send({ cmd: 'activate' })
    await main.waitFor(
      'window-shown',
      (r) => r.id === window.id && main.reports.some((h) => h.kind === 'window-hidden'),
    )
    expect(main.reports.filter((r) => r.kind === 'window-created')).toHaveLength(1)
    main.send({ cmd: 'quit' })
    expect((await main.exited()).code).toBe(0)
    expect(readdirSync(main.dataDir)).toContain('window-main.json')
  })

  it('writes a log file in the data folder, and its menu and tray speak the desk’s language', async () => {
    const { main } = await startedDesk(() => launch({ env: { FAKE_ELECTRON_LOCALE: 'es-MX' } }))
    await main.waitForLog(/Fleet Monitor started/)
    const menu = await main.waitFor('menu')
    expect(menu.labels).toEqual(expect.arrayContaining(['Archivo', 'Ver', 'Abrir la carpeta de registros']))
    expect(menu.labels.filter((label) => label.startsWith('(no label'))).toEqual([])
    const tray = await main.waitFor('tray', (r) => r.menu.length > 0)
    expect(tray.menu).toEqual(['Mostrar Fleet Monitor', 'Salir'])
    expect(tray.tooltip).toMatch(/^Fleet Monitor: /)
    expect(tray.tooltip).not.toMatch(/signed|listener/)
    main.send({ cmd: 'quit' })
    await main.exited()
    const log = readFileSync(join(main.dataDir, 'logs', 'fleet-monitor.log'), 'utf8')
    expect(log).toMatch(/Fleet Monitor started/)
  })

  it('opens one map window for two quick pop-out calls, and a later one is trusted again', async () => {
    const { main, window } = await startedDesk(() => launch())
    const popOut = () =>
      main.ask({ cmd: 'invoke', windowId: window.id, channel: 'window:pop-out-map', input: undefined })
    await Promise.all([popOut(), popOut()])
    const map = await main.waitFor('window-shown', (r) => r.id !== window.id)
    const maps = () => main.reports.filter((r) => r.kind === 'window-created' && r.id !== window.id)
    expect(maps()).toHaveLength(1)
    const snapshotFrom = (windowId: number) =>
      main.ask({ cmd: 'invoke', windowId, channel: 'app:get-snapshot', input: undefined }) as Promise<{
        ok: boolean
      }>
    expect((await snapshotFrom(map.id)).ok).toBe(true)

    main.send({ cmd: 'close-window', windowId: map.id })
    await main.waitFor('window-closed', (r) => r.id === map.id)
    await popOut()
    const again = await main.waitFor('window-shown', (r) => r.id !== window.id && r.id !== map.id)
    expect((await snapshotFrom(again.id)).ok).toBe(true)
    expect((await snapshotFrom(map.id)).ok).toBe(false)
  })
})
