import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { fakeFix } from '../../test/fakes/fake-fixes'
import { sourceHistoryWorker } from '../../test/support/history-worker-kit'
import { silentLogger } from '../logging/logger'
import { systemClock } from '../ports/clock'
import { ShiftHistory } from './shift-history'

const RETENTION = { maxAgeMs: 30 * 86_400_000, maxBytes: 2 * 1024 ** 3 }

const fix = (assetId: string, fixTime: number, lat: number) => fakeFix(assetId, fixTime, { lat, speed: 30 })

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read()
    if (done(value) || i > 100) return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('ShiftHistory through its worker thread', () => {
  it('records off the calling thread, restores the fleet, and keeps it across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shift-history-'))
    const notices: AppErrorInfo[] = []
    const open = async () => {
      const history = new ShiftHistory({
        worker: sourceHistoryWorker(),
        clock: systemClock,
        logger: silentLogger,
        onNotice: (notice) => notices.push(notice),
      })
      await history.start(dataDir, RETENTION)
      return history
    }
    const now = Date.now()
    const history = await open()
    expect((await history.health()).state).toBe('ready')
    history.useScope('demo ')
    history.record([fix('a', now - 5000, 19.1), fix('b', now - 4000, 19.2)])
    history.record([fix('a', now - 1000, 19.3)])
    const frame = await eventually(
      () => history.restore('demo '),
      (f) => f.assetIds.length === 2,
    )
    expect(frame.lat[frame.assetIds.indexOf('a')]).toBeCloseTo(19.3, 6)
    const health = await history.health()
    expect(health.fixes).toBe(3)
    expect(health.fileBytes).toBeGreaterThan(0)
    await history.stop()

    const again = await open()
    const restored = await again.restore('demo ')
    expect([...restored.assetIds].sort()).toEqual(['a', 'b'])
    const { tracks } = await again.tracks('demo ', ['a'], now - 10_000, now)
    expect(Array.from(tracks[0]!.t)).toEqual([now - 5000, now - 1000])
    await again.stop()
    expect(notices).toEqual([])
  })

  it('without a worker, says so on every call and records nothing', async () => {
    const history = new ShiftHistory({ clock: systemClock, logger: silentLogger, onNotice: () => undefined })
    await history.start(mkdtempSync(join(tmpdir(), 'shift-history-')), RETENTION)
    history.useScope('demo ')
    history.record([fix('a', Date.now(), 1)])
    await expect(history.restore('demo ')).rejects.toMatchObject({ code: 'history-off' })
    expect((await history.health()).state).toBe('off')
    await history.stop()
  })
})
