import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { Settings } from '../../shared/schemas/settings'
import { defaultSettings, settingsSchema } from '../../shared/schemas/settings'
import type { Logger } from '../logging/logger'
import { writeFileAtomic } from './atomic-write'
import { ensurePrivateFile, ensurePrivateFolder } from './private-folder'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { describe } from '../../shared/errors/describe'

export const SETTINGS_FILE = 'settings.json'

/** Why a settings file was set aside. */
type SettingsProblem = 'settings-unreadable' | 'settings-not-json' | 'settings-bad-shape'

export interface SettingsLoadResult {
  settings: Settings
  /** Set when the file could not be used and defaults were taken: shown to the user once. */
  /** Why the file was set aside (code and facts: where the old file went, why), or null. */
  notice: AppErrorInfo | null
}

/**
 * The one settings file in the data folder. Parsed by the schema where it enters (design rule 6);
 * a corrupt file is moved aside so the user's data is never silently overwritten.
 */
export class SettingsStore {
  private current: Settings = defaultSettings()
  private writes: Promise<void> = Promise.resolve()
  private readonly listeners = new Set<(settings: Settings) => void>()

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {}

  get path(): string {
    return join(this.dataDir, SETTINGS_FILE)
  }

  async load(): Promise<SettingsLoadResult> {
    await ensurePrivateFolder(this.dataDir, this.logger)
    await ensurePrivateFile(this.path, this.logger)
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: this.current, notice: null }
      return this.recoverFrom('settings-unreadable', (error as Error).message)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return this.recoverFrom('settings-not-json')
    }
    const parsed = settingsSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const detail = `${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}`
      return this.recoverFrom('settings-bad-shape', detail)
    }
    this.current = parsed.data
    return { settings: this.current, notice: null }
  }

  get(): Settings {
    return this.current
  }

  /** Applies a change, validates the result, persists it atomically, and notifies listeners. */
  async update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = settingsSchema.parse(change(structuredClone(this.current)))
    this.current = next
    this.writes = this.writes.then(() => writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n'))
    await this.writes
    this.listeners.forEach((listener) => listener(next))
    return next
  }

  /** Resolves when every update so far is on disk (or failed): quit waits for it. */
  written(): Promise<void> {
    return this.writes.catch(() => undefined)
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async recoverFrom(code: SettingsProblem, detail?: string): Promise<SettingsLoadResult> {
    const asidePath = `${this.path}.corrupt-${Date.now()}`
    try {
      await rename(this.path, asidePath)
    } catch (error) {
      this.logger.warn('could not move the unusable settings file aside', { error })
    }
    this.current = defaultSettings()
    const notice: AppErrorInfo = {
      code,
      facts: detail === undefined ? { target: asidePath } : { target: asidePath, detail },
    }
    this.logger.warn('settings file unusable, defaults in use', { problem: describe(notice, 'en') })
    return { settings: this.current, notice }
  }
}
