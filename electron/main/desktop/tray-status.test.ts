import { describe, expect, it } from 'vitest'
import type { ListenerState } from '../../../shared/domain/listener'
import type { SessionState } from '../../../shared/domain/session'
import { trayIconBitmap, trayStatus, trayTooltipKey } from './tray-status'

const BASE_LISTENER: ListenerState = {
  state: 'listening',
  url: null,
  problem: null,
  accepted: 0,
  rejected: {},
  lastEventAt: null,
}
const session = (over: Partial<SessionState> = {}) =>
  ({ phase: 'signed-in', lastRenewalProblem: null, ...over }) as SessionState
const listener = (over: Partial<ListenerState> = {}): ListenerState => ({ ...BASE_LISTENER, ...over })

describe('tray status', () => {
  it('shows signed out, signed in and listening', () => {
    expect(trayStatus(session({ phase: 'signed-out' }), listener())).toBe('signed-out')
    expect(trayStatus(session(), listener({ state: 'off' }))).toBe('signed-in')
    expect(trayStatus(session({ phase: 'renewing' }), listener())).toBe('listening')
  })

  it('puts a problem first, and the tooltip says which part needs attention', () => {
    const busy = listener({ state: 'error', problem: { code: 'port-in-use', facts: { port: 8787 } } })
    expect(trayStatus(session({ phase: 'signed-out' }), busy)).toBe('problem')
    expect(trayTooltipKey('problem', busy)).toBe('tray.listenerProblem')
    const renewal = { ending: null, error: { code: 'timeout' as const, facts: { seconds: 15 } } }
    expect(trayStatus(session({ lastRenewalProblem: renewal }), listener())).toBe('problem')
    expect(trayTooltipKey('problem', listener())).toBe('tray.renewalProblem')
    expect(trayTooltipKey('listening', listener())).toBe('tray.listening')
  })

  it('draws an opaque dot with transparent corners in the status colour', () => {
    const pixels = trayIconBitmap('problem', 16)
    expect(pixels).toHaveLength(16 * 16 * 4)
    const at = (x: number, y: number) => [...pixels.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4)]
    expect(at(8, 8)).toEqual([38, 38, 220, 255])
    expect(at(0, 0)[3]).toBe(0)
  })
})
