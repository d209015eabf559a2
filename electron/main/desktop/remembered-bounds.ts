import type { BrowserWindow } from 'electron'
import { screen } from 'electron'
import type { Logger } from '../../../core/logging/logger'
import type { PendingWrites } from '../../../core/app/pending-writes'
import { loadWindowState, placeOnDisplays, saveWindowState } from './window-state'

/** Saved bounds for a window named `name`, placed on a display that exists now; null for defaults. */
export async function restoredBounds(
  dataDir: string,
  name: string,
): Promise<{ bounds: Electron.Rectangle; maximized: boolean } | null> {
  const saved = await loadWindowState(dataDir, name)
  if (!saved) return null
  const areas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea)
  return { bounds: placeOnDisplays(saved, areas), maximized: saved.maximized }
}

/** Saves the window's normal bounds (not the maximized ones) when it closes; quit waits for the write. */
export function rememberBounds(
  window: BrowserWindow,
  place: { dataDir: string; name: string; writes: PendingWrites },
  logger: Logger,
): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    const { dataDir, name, writes } = place
    writes
      .track(saveWindowState(dataDir, name, { ...bounds, maximized: window.isMaximized() }))
      .catch((error: unknown) => logger.warn('could not save the window position', { error }))
  })
}
