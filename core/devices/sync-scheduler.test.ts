import { describe, expect, it } from 'vitest'
import type { DeviceSyncState } from '../../shared/domain/device'
import { silentLogger } from '../logging/logger'
import { FakeClock, flushPromises } from '../../test/fakes/fake-clock'
import { RETRY_AFTER_FAILURE_MS, SyncScheduler } from './sync-scheduler'

const MINUTE = 60_000

function setup(outcomes: Array<DeviceSyncState['phase']> = []) {
  const clock = new FakeClock()
  let period = 5 * MINUTE
  const runs: number[] = []
  const scheduler = new SyncScheduler({
    clock,
    logger: silentLogger,
    intervalMs: () => period,
    refresh: () => {
      runs.push(clock.now())
      const phase = outcomes.shift() ?? 'idle'
      return Promise.resolve({
        phase,
        fetched: 0,
        lastSyncedAt: null,
        problem: phase === 'error' ? { code: 'internal' } : null,
      })
    },
  })
  return { clock, scheduler, runs, setPeriod: (ms: number) => (period = ms) }
}

describe('SyncScheduler', () => {
  it('syncs every period (5 minutes by default) while started', async () => {
    const { clock, scheduler, runs } = setup()
    scheduler.start()
    clock.advance(5 * MINUTE - 1)
    expect(runs).toHaveLength(0)
    clock.advance(1)
    await flushPromises()
    clock.advance(5 * MINUTE)
    await flushPromises()
    expect(runs).toHaveLength(2)
  })

  it('retries sooner after a failure, then returns to the period', async () => {
    const { clock, scheduler, runs } = setup(['error', 'idle'])
    scheduler.start()
    clock.advance(5 * MINUTE)
    await flushPromises()
    clock.advance(RETRY_AFTER_FAILURE_MS)
    await flushPromises()
    expect(runs).toHaveLength(2)
    clock.advance(RETRY_AFTER_FAILURE_MS)
    await flushPromises()
    expect(runs).toHaveLength(2)
  })

  it('syncs at once on kick (reconnect, resume) and restarts the period from there', async () => {
    const { clock, scheduler, runs } = setup()
    scheduler.start()
    clock.advance(4 * MINUTE)
    await scheduler.kick()
    expect(runs).toHaveLength(1)
    clock.advance(4 * MINUTE)
    await flushPromises()
    expect(runs).toHaveLength(1)
    clock.advance(MINUTE)
    await flushPromises()
    expect(runs).toHaveLength(2)
  })

  it('applies a new period at once and stops cleanly (sign-out)', async () => {
    const { clock, scheduler, runs, setPeriod } = setup()
    scheduler.start()
    setPeriod(MINUTE)
    scheduler.reschedule()
    clock.advance(MINUTE)
    await flushPromises()
    expect(runs).toHaveLength(1)
    scheduler.stop()
    await scheduler.kick()
    clock.advance(60 * MINUTE)
    await flushPromises()
    expect(runs).toHaveLength(1)
  })
})
