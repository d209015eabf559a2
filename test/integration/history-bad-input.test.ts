import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../core/app/dispatch-call'
import { silentLogger } from '../../core/logging/logger'
import type { CallName } from '../../shared/ipc/contract'
import type { Simulator } from '../../tools/simulator/simulator'
import { startTestApp, startTestSimulator } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

// Replay, the alarm inbox and their settings, called with what a broken or hostile page could send:
// each is refused with a code, nothing changes, and the next good call works.
describe('history and alarm calls refuse bad input and change nothing', () => {
  let sim: Simulator
  let t: TestApp
  const now = Date.now()

  beforeAll(async () => {
    sim = await startTestSimulator({ vehicles: 2 })
    t = await startTestApp({ apiUrl: sim.apiBaseUrl, history: true })
  })
  afterAll(async () => {
    await t?.close()
    await sim?.close()
  })

  const call = (name: CallName, input: unknown) => dispatchCall(t.app.handlers, name, input, silentLogger)

  it('says "signed out" for replay and the inbox before anyone signs in', async () => {
    for (const [name, input] of [
      ['history:range', undefined],
      ['history:fleet-at', { at: now }],
      ['history:tracks', { assetIds: ['a'], from: now - 1000, to: now }],
      ['alarms:list', {}],
      ['alarms:acknowledge', { kind: 'stale' }],
    ] as const) {
      expect(await call(name, input)).toEqual({ ok: false, error: { code: 'signed-out' } })
    }
  })

  it.each([
    ['history:tracks', { assetIds: ['a'], from: now, to: now - 1 }, 'history-range'],
    ['history:tracks', { assetIds: [], from: now - 1, to: now }, 'invalid-input'],
    [
      'history:tracks',
      { assetIds: Array.from({ length: 201 }, (_, i) => `a${i}`), from: 0, to: 1 },
      'invalid-input',
    ],
    ['history:tracks', { assetIds: ['a'], from: 'yesterday', to: now }, 'invalid-input'],
    ['history:fleet-at', { at: 1e20 }, 'invalid-input'],
    ['history:fleet-at', { at: Number.NaN }, 'invalid-input'],
    ['alarms:acknowledge', { id: 1, kind: 'stale' }, 'invalid-input'],
    ['alarms:acknowledge', { id: -3 }, 'invalid-input'],
    ['alarms:acknowledge', { kind: 'stale', note: 'x'.repeat(501) }, 'invalid-input'],
    ['alarms:list', { state: 'forgotten' }, 'invalid-input'],
    ['alarms:list', { limit: 0 }, 'invalid-input'],
    ['settings:set-history', { retentionDays: 0 }, 'invalid-input'],
    ['settings:set-history', { maxSizeMiB: 1 }, 'invalid-input'],
    ['settings:set-alarms', { soundVolume: 2 }, 'invalid-input'],
    ['settings:set-alarms', { soundKinds: ['fire'] }, 'invalid-input'],
    ['settings:set-alarms', { speedLimitKmh: -10 }, 'invalid-input'],
  ] as [CallName, unknown, string][])('%s %j is refused as %s', async (name, input, code) => {
    const before = structuredClone(t.app.settings.get())
    const outcome = await call(name, input)
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.code).toBe(code)
    expect(t.app.settings.get()).toEqual(before)
  })

  it('takes good input afterwards', async () => {
    expect(await call('settings:set-history', { retentionDays: 7 })).toMatchObject({
      ok: true,
      value: { history: { retentionDays: 7, maxSizeMiB: 2048 } },
    })
    expect(await call('settings:set-alarms', { soundVolume: 0.25, soundKinds: ['stale'] })).toMatchObject({
      ok: true,
      value: { alarms: { soundVolume: 0.25, soundKinds: ['stale'], speedLimitKmh: 110 } },
    })
    await t.app.handlers['session:sign-in']({ ...sim.credentials, remember: false })
    expect(await call('alarms:acknowledge', { kind: 'stale', note: 'nothing to do' })).toEqual({
      ok: true,
      value: { acknowledged: 0 },
    })
    expect(await call('history:range', undefined)).toEqual({
      ok: true,
      value: { oldest: null, newest: null },
    })
  })
})
