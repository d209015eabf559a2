import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_MAIN, CHROMIUM_SWITCHES, electronMainLauncher } from '../support/electron-main-kit'

/** out/main copied into the repository's scratch folder (its packages still resolve) without out/preload. */
function copyOfMainWithoutPreload(): string {
  const scratch = join(dirname(BUILT_MAIN), '../../.scratch')
  mkdirSync(scratch, { recursive: true })
  const out = join(mkdtempSync(join(scratch, 'no-preload-')), 'out')
  cpSync(dirname(BUILT_MAIN), join(out, 'main'), { recursive: true })
  return join(out, 'main', 'index.js')
}

// The built main bundle under plain Node with a fake `electron` (test/fakes/fake-electron): how a
// workstation starts the app, without the Electron binary this machine cannot download.
describe('Electron main starting on a workstation', () => {
  const launch = electronMainLauncher()

  it('starts with Chromium’s switches in argv and reads --port=N as the listener port', async () => {
    const main = launch({ args: [...CHROMIUM_SWITCHES, '--port=0'] })
    const window = await main.waitFor('window-shown')
    await main.waitForLog(/Fleet Monitor started/)
    const snapshot = (await main.ask({
      cmd: 'invoke',
      windowId: window.id,
      channel: 'app:get-snapshot',
      input: undefined,
    })) as { ok: boolean; value: { listener: { state: string; url: string } } }
    expect(snapshot.value.listener.state).toBe('listening')
    // --port=0 took effect: a free port, not the settings' 8787.
    expect(new URL(snapshot.value.listener.url).port).not.toBe('8787')
    main.send({ cmd: 'quit' })
    expect(await main.exited()).toEqual({ code: 0, signal: null })
  })

  it('shows the window before start finishes (a keychain prompt waits for a person)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleet-electron-data-'))
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ lastEmail: 'dispatch@example.com' }))
    const main = launch({ dataDir, env: { FAKE_KEYCHAIN: 'prompt' } })
    await main.waitFor('keychain-asked')
    await main.waitFor('window-shown')
    expect(main.output()).not.toMatch(/Fleet Monitor started/)
    main.send({ cmd: 'keychain-answer', ok: true })
    await main.waitForLog(/Fleet Monitor started/)
    main.send({ cmd: 'quit' })
    expect((await main.exited()).code).toBe(0)
  })

  it('tells the user when start fails, in their language, and quits', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'fleet-electron-')), 'not-a-folder')
    writeFileSync(blocker, '')
    const dataDir = join(blocker, 'data')
    for (const [locale, title] of [
      ['en-US', 'Fleet Monitor could not start'],
      ['es-MX', 'Fleet Monitor no pudo iniciar'],
    ] as const) {
      const main = launch({ dataDir, env: { FAKE_ELECTRON_LOCALE: locale } })
      await main.waitFor('window-shown')
      const shown = await main.waitFor('dialog')
      expect(shown).toMatchObject({ type: 'message-box', title })
      expect(shown.detail).toContain(dataDir)
      expect(await main.exited()).toEqual({ code: 0, signal: null })
    }
  })

  it('says which of its own options is wrong instead of crashing at load', async () => {
    const main = launch({
      args: ['--no-sandbox', '--listener-port=eighty'],
      env: { FAKE_ELECTRON_LOCALE: 'es-MX' },
    })
    const shown = await main.waitFor('dialog')
    expect(shown).toMatchObject({
      type: 'error-box',
      title: 'Fleet Monitor se abrió con una opción incorrecta',
    })
    expect(shown.message).toContain('--listener-port')
    expect((await main.exited()).code).toBe(2)
  })

  it('moves userData to FLEET_DATA_DIR before taking the single-instance lock', async () => {
    const appData = mkdtempSync(join(tmpdir(), 'fleet-electron-appdata-'))
    const desk = launch({ appData })
    const lock = await desk.waitFor('lock')
    const setPath = desk.reports.findIndex((r) => r.kind === 'set-path' && r.name === 'userData')
    expect(setPath).toBeGreaterThanOrEqual(0)
    expect(setPath).toBeLessThan(desk.reports.indexOf(lock))
    expect(lock).toEqual({ kind: 'lock', userData: desk.dataDir, granted: true })

    // A test instance with its own data folder runs beside the desk's app…
    const test = launch({ appData })
    expect(await test.waitFor('lock')).toMatchObject({ userData: test.dataDir, granted: true })
    await test.waitFor('window-shown')
    // …while a second launch on the same folder hands over to the first and quits.
    const second = launch({ appData, dataDir: desk.dataDir })
    expect(await second.waitFor('lock')).toMatchObject({ granted: false })
    expect((await second.exited()).code).toBe(0)
  })

  it('installs the permission handlers: our page gets its allow-list, nothing else gets anything', async () => {
    const main = launch()
    const window = await main.waitFor('window-loaded')
    const handlers = await main.waitFor('permission-handlers', (r) => r.installed.length === 4)
    expect(handlers.installed).toEqual(['check', 'device', 'headers', 'request'])
    const ask = (permission: string, url: string) => main.ask({ cmd: 'ask-permission', permission, url })
    expect(await ask('notifications', window.url)).toBe(true)
    expect(await ask('media', window.url)).toBe(false)
    expect(await ask('notifications', 'https://evil.test/')).toBe(false)
  })

  it('opens a sandboxed window with the preload, and says so when the preload is missing', async () => {
    const main = launch()
    const created = await main.waitFor('window-created')
    expect(created).toMatchObject({ sandbox: true, show: false })
    expect(created.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/)

    // A build without out/preload: the app says the install is damaged instead of a silent window.
    const broken = launch({ main: copyOfMainWithoutPreload() })
    expect(await broken.waitFor('dialog')).toMatchObject({
      type: 'error-box',
      title: 'Fleet Monitor is damaged',
    })
    expect(broken.reports.filter((r) => r.kind === 'window-created')).toEqual([])
    expect((await broken.exited()).code).toBe(0)
  })
})
