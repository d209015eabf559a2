import type { ListenerState } from '../../../shared/domain/listener'
import type { SessionState } from '../../../shared/domain/session'
import type { MainStringKey } from '../locales/en'

/** What the tray icon shows at a glance. */
export type TrayStatus = 'signed-out' | 'listening' | 'signed-in' | 'problem'

/** A problem wins: a failing listener or renewal is what the dispatcher must notice. */
export function trayStatus(session: SessionState, listener: ListenerState): TrayStatus {
  if (listener.state === 'error' || session.lastRenewalProblem !== null) return 'problem'
  if (session.phase === 'signed-out' || session.phase === 'signing-in') return 'signed-out'
  return listener.state === 'listening' ? 'listening' : 'signed-in'
}

const TOOLTIPS: Record<Exclude<TrayStatus, 'problem'>, MainStringKey> = {
  'signed-out': 'tray.signedOut',
  'signed-in': 'tray.signedIn',
  listening: 'tray.listening',
}

/**
 * The tooltip's words (main-strings key). A problem says which part needs attention, not the
 * English sentence core wrote for the log: the Health panel says it in the desk's language.
 */
export function trayTooltipKey(status: TrayStatus, listener: ListenerState): MainStringKey {
  if (status !== 'problem') return TOOLTIPS[status]
  return listener.state === 'error' ? 'tray.listenerProblem' : 'tray.renewalProblem'
}

const COLOURS: Record<TrayStatus, [number, number, number]> = {
  'signed-out': [148, 163, 184],
  'signed-in': [14, 116, 144],
  listening: [22, 163, 74],
  problem: [220, 38, 38],
}

/**
 * A size×size BGRA bitmap of a round dot in the status colour, anti-aliased at the edge, for
 * Electron's nativeImage.createFromBitmap: no icon files to ship for four states.
 */
export function trayIconBitmap(status: TrayStatus, size = 16): Buffer {
  const [r, g, b] = COLOURS[status]
  const pixels = Buffer.alloc(size * size * 4)
  const centre = (size - 1) / 2
  const radius = size / 2 - 1
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre)
      const alpha = Math.max(0, Math.min(1, radius - distance + 0.5))
      const at = (y * size + x) * 4
      pixels[at] = b
      pixels[at + 1] = g
      pixels[at + 2] = r
      pixels[at + 3] = Math.round(alpha * 255)
    }
  }
  return pixels
}
