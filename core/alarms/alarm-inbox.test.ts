import { describe, expect, it } from 'vitest'
import type { Alarm, AlarmsChange } from '../../shared/domain/alarms'
import { fakeAlarm } from '../../test/fakes/fake-fixes'
import { AlarmInbox } from './alarm-inbox'

function setup() {
  let now = 1000
  const saved: Alarm[][] = []
  const changes: AlarmsChange[] = []
  const inbox = new AlarmInbox({
    now: () => now,
    save: (alarms) => saved.push(alarms),
    changed: (change) => changes.push(change),
  })
  return { inbox, saved, changes, tick: (ms: number) => (now += ms) }
}

describe('AlarmInbox', () => {
  it('raises one alarm per vehicle and kind while its condition lasts, saved and pushed as raised', () => {
    const { inbox, saved, changes } = setup()
    inbox.apply(
      [
        { kind: 'stale', assetId: 'a' },
        { kind: 'speeding', assetId: 'a', speed: 130 },
      ],
      [],
    )
    inbox.apply([{ kind: 'stale', assetId: 'a' }], [])
    expect(inbox.list()).toHaveLength(2)
    expect(inbox.list({ kind: 'speeding' })[0]).toMatchObject({ state: 'new', speed: 130, endedAt: null })
    expect(saved.flat()).toHaveLength(2)
    expect(changes[0]?.raised).toEqual(changes[0]?.alarms.map((a) => a.id))
    expect(changes[0]?.counts).toEqual({ new: 2, acknowledged: 0, cleared: 0 })
  })

  it('new → acknowledged (who, when, note) → cleared when the condition ends', () => {
    const { inbox, tick, changes } = setup()
    inbox.apply([{ kind: 'offline', assetId: 'a' }], [])
    const [alarm] = inbox.list()
    tick(5000)
    expect(inbox.acknowledge({ id: alarm!.id }, 'dispatcher@example.com', 'Called the driver')).toBe(1)
    expect(inbox.list()[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: 6000,
      acknowledgedBy: 'dispatcher@example.com',
      note: 'Called the driver',
    })
    expect(changes.at(-1)?.raised).toEqual([])
    tick(1000)
    inbox.apply([], [{ kind: 'offline', assetId: 'a' }])
    expect(inbox.list()[0]).toMatchObject({ state: 'cleared', endedAt: 7000, clearedAt: 7000 })
    // Acknowledging again changes nothing.
    expect(inbox.acknowledge({ id: alarm!.id }, 'someone', null)).toBe(0)
  })

  it('keeps an alarm nobody saw as new when its condition ends; acknowledging it then clears it', () => {
    const { inbox } = setup()
    inbox.apply([{ kind: 'stale', assetId: 'a' }], [])
    inbox.apply([], [{ kind: 'stale', assetId: 'a' }])
    expect(inbox.list()[0]).toMatchObject({ state: 'new', endedAt: 1000 })
    // A new episode is a new alarm.
    inbox.apply([{ kind: 'stale', assetId: 'a' }], [])
    expect(inbox.list({ state: 'new' })).toHaveLength(2)
    inbox.acknowledge({ kind: 'stale' }, 'desk', null)
    expect(
      inbox
        .list()
        .map((a) => a.state)
        .sort(),
    ).toEqual(['acknowledged', 'cleared'])
  })

  it('acknowledges all of one kind, or all new, and filters by state, kind and vehicle', () => {
    const { inbox } = setup()
    inbox.apply(
      [
        { kind: 'stale', assetId: 'a' },
        { kind: 'stale', assetId: 'b' },
        { kind: 'speeding', assetId: 'b', speed: 120 },
      ],
      [],
    )
    expect(inbox.acknowledge({ kind: 'stale' }, 'desk', null)).toBe(2)
    expect(inbox.counts()).toEqual({ new: 1, acknowledged: 2, cleared: 0 })
    expect(
      inbox
        .list({ assetId: 'b' })
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['speeding', 'stale'])
    expect(inbox.acknowledge({}, 'desk', null)).toBe(1)
    expect(inbox.list({ state: 'new' })).toEqual([])
  })

  it('starts from the file’s alarms at sign-in, ongoing ones still matched to their condition', () => {
    const { inbox } = setup()
    const stored = fakeAlarm(41, 'offline', 'a', {
      raisedAt: 10,
      state: 'acknowledged',
      acknowledgedAt: 20,
      acknowledgedBy: 'night shift',
    })
    inbox.load([stored], 42)
    inbox.apply([{ kind: 'offline', assetId: 'a' }], [])
    expect(inbox.list()).toHaveLength(1)
    inbox.apply([{ kind: 'stale', assetId: 'b' }], [{ kind: 'offline', assetId: 'a' }])
    expect(inbox.list().map((a) => [a.id, a.state])).toEqual([
      [42, 'new'],
      [41, 'cleared'],
    ])
  })
})
