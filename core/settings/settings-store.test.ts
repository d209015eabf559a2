import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { describe as describeError } from '../../shared/errors/describe'
import { silentLogger } from '../logging/logger'
import { SETTINGS_FILE, SettingsStore } from './settings-store'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleet-settings-'))
})

describe('SettingsStore', () => {
  it('uses defaults when there is no file yet, without a notice', async () => {
    const result = await new SettingsStore(dir, silentLogger).load()
    expect(result.notice).toBeNull()
    expect(result.settings.listener.port).toBe(8787)
    expect(result.settings.listener.bindAddress).toBe('127.0.0.1')
  })

  it('persists an update and reads it back in a new store', async () => {
    const store = new SettingsStore(dir, silentLogger)
    await store.load()
    await store.update((s) => ({ ...s, listener: { ...s.listener, port: 9999 } }))
    const again = await new SettingsStore(dir, silentLogger).load()
    expect(again.settings.listener.port).toBe(9999)
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it.each([
    ['truncated', '{"version":1,"apiUrl":"https://x', 'settings-not-json'],
    ['not JSON', 'hello', 'settings-not-json'],
    ['of a wrong shape', JSON.stringify({ version: 1, listener: { port: 'eighty' } }), 'settings-bad-shape'],
  ])('moves a %s file aside, uses defaults and says so', async (_label, content, code) => {
    await writeFile(join(dir, SETTINGS_FILE), content)
    const result = await new SettingsStore(dir, silentLogger).load()
    expect(describeError(result.notice!, 'en')).toMatch(/could not be used because/)
    expect(result.settings.listener.port).toBe(8787)
    const names = await readdir(dir)
    const aside = names.find((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`))
    expect(aside).toBeDefined()
    // The facts the notice is said from: why, and where the old file went.
    expect(result.notice).toMatchObject({ code, facts: { target: join(dir, aside!) } })
    expect(await readFile(join(dir, aside!), 'utf8')).toBe(content)
  })

  it('moves an unreadable file aside (here: a folder where the file should be) and says so', async () => {
    await mkdir(join(dir, SETTINGS_FILE))
    const result = await new SettingsStore(dir, silentLogger).load()
    expect(result.notice?.code).toBe('settings-unreadable')
    expect(describeError(result.notice!, 'en')).toMatch(/could not be read/)
    expect(result.notice?.facts?.detail).toMatch(/EISDIR/)
    expect(result.settings.deviceSync).toEqual({ refreshMinutes: 5, statusFilter: '' })
  })

  it('fills new sections with defaults when an older file lacks them', async () => {
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ version: 1, webhooks: [] }))
    const result = await new SettingsStore(dir, silentLogger).load()
    expect(result.notice).toBeNull()
    expect(result.settings.deviceSync.refreshMinutes).toBe(5)
  })

  it('keeps the file whole under back-to-back updates (temp file + rename)', async () => {
    const store = new SettingsStore(dir, silentLogger)
    await store.load()
    await Promise.all(
      [1, 2, 3, 4, 5].map((minutes) =>
        store.update((s) => ({ ...s, deviceSync: { ...s.deviceSync, refreshMinutes: minutes } })),
      ),
    )
    const saved = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as {
      deviceSync: { refreshMinutes: number }
    }
    expect(saved.deviceSync.refreshMinutes).toBe(5)
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('refuses an update that breaks the schema and keeps the previous settings', async () => {
    const store = new SettingsStore(dir, silentLogger)
    await store.load()
    await expect(store.update((s) => ({ ...s, listener: { ...s.listener, port: 70000 } }))).rejects.toThrow()
    expect(store.get().listener.port).toBe(8787)
  })

  it('reads a file whose apiUrl is plain http to another computer, without setting it aside', async () => {
    // The token engine refuses to send credentials there instead (secure-url.ts); the file stays in use.
    const apiUrl = 'http://tagora.example.com/integration/v1'
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ version: 1, apiUrl }))
    const result = await new SettingsStore(dir, silentLogger).load()
    expect(result.notice).toBeNull()
    expect(result.settings.apiUrl).toBe(apiUrl)
  })
})

const posix = process.platform !== 'win32'
const modeOf = async (path: string) => (await stat(path)).mode & 0o7777

describe.runIf(posix)('the data folder is private to this user', () => {
  it('is created 0700, nested folders included, and settings.json is written 0600', async () => {
    const dataDir = join(dir, 'config', 'fleet-monitor')
    const store = new SettingsStore(dataDir, silentLogger)
    await store.load()
    expect(await modeOf(dataDir)).toBe(0o700)
    expect(await modeOf(join(dir, 'config'))).toBe(0o700)
    await store.update((s) => ({ ...s, lastEmail: 'dispatch@example.com' }))
    expect(await modeOf(join(dataDir, SETTINGS_FILE))).toBe(0o600)
  })

  it('narrows an existing folder of ours, and an old settings file, that others could read', async () => {
    await chmod(dir, 0o755)
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ version: 1 }), { mode: 0o644 })
    await new SettingsStore(dir, silentLogger).load()
    expect(await modeOf(dir)).toBe(0o700)
    expect(await modeOf(join(dir, SETTINGS_FILE))).toBe(0o600)
  })

  it('leaves a shared sticky folder (like /tmp) as it is, and says so in the log', async () => {
    await chmod(dir, 0o1777)
    const warnings: string[] = []
    await new SettingsStore(dir, { ...silentLogger, warn: (message) => void warnings.push(message) }).load()
    expect(await modeOf(dir)).toBe(0o1777)
    expect(warnings.join('\n')).toMatch(/readable by other users/)
  })
})
