import i18next from 'i18next'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Alarm, AlarmsChange } from '../../../../shared/domain/alarms'
import { defaultSettings } from '../../../../shared/schemas/settings'
import { I18N_OPTIONS } from '../../lib/i18n'
import { createAppStore } from '../../store'
import { GROUP_WINDOW_MS, SOUND_GAP_MS, startAlarmAnnouncer } from './alarm-announcer'

function alarm(id: number, kind: Alarm['kind'], assetId: string): Alarm {
  return {
    id,
    kind,
    assetId,
    raisedAt: 0,
    speed: kind === 'speeding' ? 130 : null,
    state: 'new',
    endedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    clearedAt: null,
  }
}

function change(alarms: Alarm[], raised = alarms.map((a) => a.id)): AlarmsChange {
  return { alarms, raised, counts: { new: alarms.length, acknowledged: 0, cleared: 0 } }
}

/** The desk's listener last accepted a position at `at`. */
function heard(store: ReturnType<typeof createAppStore>, at: number | null): void {
  store.getState().setListener({
    state: 'listening',
    url: null,
    problem: null,
    accepted: 1,
    rejected: {},
    lastEventAt: at,
  })
}

function setup(alarms: Partial<ReturnType<typeof defaultSettings>['alarms']> = {}) {
  const store = createAppStore()
  const settings = defaultSettings()
  store.getState().setSettings({ ...settings, alarms: { ...settings.alarms, ...alarms } })
  // The feed is alive: a position arrived a moment ago.
  heard(store, Date.now())
  const shown: string[] = []
  const played: number[] = []
  const announcer = startAlarmAnnouncer(
    store,
    { show: (title, body) => shown.push(`${title}: ${body}`) },
    { play: (volume) => played.push(volume) },
    () => Date.now(),
  )
  return { store, shown, played, announcer }
}

describe('the alarm announcer', () => {
  beforeAll(async () => {
    await i18next.init({ ...I18N_OPTIONS, lng: 'en' })
  })
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('plays the chime at once for a chosen kind, at the chosen volume, at most every SOUND_GAP_MS', () => {
    const { played, announcer } = setup({ soundKinds: ['offline'], soundVolume: 0.4 })
    announcer.announce(change([alarm(1, 'stale', 'a')]))
    expect(played).toEqual([])
    announcer.announce(change([alarm(2, 'offline', 'a')]))
    announcer.announce(change([alarm(3, 'offline', 'b')]))
    expect(played).toEqual([0.4])
    vi.advanceTimersByTime(SOUND_GAP_MS)
    announcer.announce(change([alarm(4, 'offline', 'c')]))
    expect(played).toEqual([0.4, 0.4])
  })

  it('stays silent when muted, and never for alarms that were only updated', () => {
    const muted = setup({ soundKinds: ['offline'], soundMuted: true })
    muted.announcer.announce(change([alarm(1, 'offline', 'a')]))
    expect(muted.played).toEqual([])
    const updated = setup({ soundKinds: ['offline'] })
    updated.announcer.announce(change([{ ...alarm(1, 'offline', 'a'), state: 'acknowledged' }], []))
    expect(updated.played).toEqual([])
    vi.advanceTimersByTime(GROUP_WINDOW_MS)
    expect(updated.shown).toEqual([])
  })

  it('groups a burst of one kind into one notification, and none when notifications are off', () => {
    const { shown, announcer } = setup()
    announcer.announce(change([alarm(1, 'offline', 'a'), alarm(2, 'offline', 'b')]))
    announcer.announce(change([alarm(3, 'offline', 'c')]))
    vi.advanceTimersByTime(GROUP_WINDOW_MS)
    expect(shown).toEqual(['Offline: 3 vehicles went offline'])
    const quiet = setup({ notify: false })
    quiet.announcer.announce(change([alarm(1, 'offline', 'a')]))
    vi.advanceTimersByTime(GROUP_WINDOW_MS)
    expect(quiet.shown).toEqual([])
  })

  it('says the feed may be down when vehicles go stale and nothing has arrived from any of them for a while', () => {
    const { store, shown, announcer } = setup()
    // Stale after 120 s: a minute without any position is the feed gone quiet, not one vehicle.
    heard(store, Date.now() - 60_000)
    announcer.announce(change([alarm(1, 'stale', 'a'), alarm(2, 'stale', 'b')]))
    announcer.announce(change([alarm(3, 'speeding', 'c')]))
    vi.advanceTimersByTime(GROUP_WINDOW_MS)
    expect(shown).toEqual([
      'Stale: 2 vehicles stopped reporting, and no position has arrived from any vehicle for a while: the feed itself may be down. Check Health.',
      'Speeding: c is speeding at 130 km/h',
    ])
  })

  it('keeps the plain words for a vehicle that stops while the others still report', () => {
    const { store, shown, announcer } = setup()
    heard(store, Date.now() - 50_000)
    announcer.announce(change([alarm(1, 'stale', 'a')]))
    vi.advanceTimersByTime(GROUP_WINDOW_MS)
    expect(shown).toEqual(['Stale: a stopped reporting (stale)'])
  })
})
