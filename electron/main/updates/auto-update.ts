import type { Logger } from '../../../core/logging/logger'

/** How often an installed app asks the release feed again while it runs. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000

/** The part of electron-updater's autoUpdater used here (a fake stands in for it in tests). */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<unknown>
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface AutoUpdateOptions {
  /** Only an installed app has a release feed (app-update.yml) and something to replace. */
  isPackaged: boolean
  /** Loads electron-updater on first use: a desk that never turns updates on never loads it. */
  load: () => Promise<Updater>
  /** Tells the person an update waits for the next quit (a notification in their language). */
  notifyReady: (version: string) => void
  logger: Logger
  intervalMs?: number
}

export interface AutoUpdate {
  /** Follows the setting: on starts checking now and every interval, off stops the timer. */
  apply(enabled: boolean): Promise<void>
  stop(): void
}

/**
 * Updates through electron-updater against the release feed electron-builder's `publish` names,
 * off unless the setting turns it on. It downloads in the background and installs when the app
 * quits (never a restart in the middle of a shift); a failed check is logged and tried again later.
 */
export function createAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const { logger } = options
  let updater: Updater | null = null
  let timer: ReturnType<typeof setInterval> | undefined

  const check = (): void => {
    updater?.checkForUpdates().catch((error: unknown) => logger.warn('update check failed', { error }))
  }

  const loaded = async (): Promise<Updater> => {
    if (updater) return updater
    const loadedUpdater = await options.load()
    loadedUpdater.autoDownload = true
    loadedUpdater.autoInstallOnAppQuit = true
    loadedUpdater.on('update-downloaded', (info) => options.notifyReady(info.version))
    loadedUpdater.on('error', (error) => logger.warn('updater error', { error }))
    updater = loadedUpdater
    return loadedUpdater
  }

  const stop = (): void => {
    clearInterval(timer)
    timer = undefined
  }

  return {
    async apply(enabled) {
      if (!enabled) return stop()
      if (!options.isPackaged) {
        logger.info('updates are checked only in the installed app')
        return
      }
      if (timer !== undefined) return
      try {
        await loaded()
      } catch (error) {
        logger.warn('could not load the updater', { error })
        return
      }
      check()
      timer = setInterval(check, options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS)
    },
    stop,
  }
}

/** electron-updater's autoUpdater, imported only when an installed app turns updates on. */
export async function loadElectronUpdater(): Promise<Updater> {
  const module = await import('electron-updater')
  return module.autoUpdater
}
