import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBetterSqlite3 } from '../adapters/better-sqlite3-database'
import { HistoryEngine } from './history-engine'
import { HISTORY_FILE, openHistoryFile } from './history-file'
import type { AppendBatch } from './worker-protocol'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0)
const POLICY = { maxAgeMs: 30 * DAY, maxBytes: 2 * 1024 ** 3 }

type Row = [assetId: string, t: number, lat: number, lng: number, speed?: number]

let engines: HistoryEngine[] = []
afterEach(() => {
  for (const engine of engines) engine.close()
  engines = []
})

function openEngine(dir = mkdtempSync(join(tmpdir(), 'history-')), policy = POLICY) {
  const path = join(dir, HISTORY_FILE)
  const opened = openHistoryFile(path, openBetterSqlite3, T0)
  const engine = new HistoryEngine(opened.db, path, policy)
  engines.push(engine)
  return { engine, dir, path, opened }
}

/** One write of the recorder. */
function batch(scope: string, rows: Row[]): AppendBatch {
  const assets = [...new Set(rows.map((r) => r[0]))]
  return {
    scope,
    assets,
    asset: Uint32Array.from(rows.map((r) => assets.indexOf(r[0]))),
    t: Float64Array.from(rows.map((r) => r[1])),
    lat: Float64Array.from(rows.map((r) => r[2])),
    lng: Float64Array.from(rows.map((r) => r[3])),
    speed: Float32Array.from(rows.map((r) => r[4] ?? Number.NaN)),
    heading: Float32Array.from(rows.map(() => 90)),
  }
}

function times(engine: HistoryEngine, scope: string, assetId: string): number[] {
  return Array.from(engine.tracks({ scope, assetIds: [assetId], from: 0, to: T0 + DAY }).tracks[0]!.t)
}

describe('HistoryEngine', () => {
  it('answers tracks and fleet frames the same before and after the tail is compacted', () => {
    const { engine } = openEngine()
    const rows: Row[] = []
    for (let s = 0; s < 600; s++) {
      rows.push(['a', T0 + s * 1000, 19.4 + s * 1e-5, -99.1, 40])
      if (s % 10 === 0) rows.push(['b', T0 + s * 1000, 20.6, -103.3 + s * 1e-5])
    }
    engine.append(batch('demo ', rows), T0)
    const check = () => {
      const { tracks } = engine.tracks({
        scope: 'demo ',
        assetIds: ['a', 'b', 'nobody'],
        from: T0,
        to: T0 + 599_000,
      })
      expect(tracks.map((t) => t.t.length)).toEqual([600, 60, 0])
      expect(tracks[0]!.lat[599]).toBeCloseTo(19.4 + 599e-5, 6)
      expect(tracks[0]!.speed[10]).toBeCloseTo(40, 1)
      expect(Number.isNaN(tracks[1]!.speed[0]!)).toBe(true)
      const frame = engine.fleetAt('demo ', T0 + 295_500)
      expect([...frame.assetIds].sort()).toEqual(['a', 'b'])
      expect(frame.fixTime[frame.assetIds.indexOf('a')]).toBe(T0 + 295_000)
      expect(frame.fixTime[frame.assetIds.indexOf('b')]).toBe(T0 + 290_000)
      expect(engine.fleetAt('demo ', T0 - 1).assetIds).toEqual([])
    }
    check()
    expect(engine.compact().fixes).toBe(660)
    check()
    expect(engine.stats(T0).fixes).toBe(660)
  })

  it('keeps each time once: a body delivered twice, and a late fix, land in order', () => {
    const { engine } = openEngine()
    engine.append(
      batch('s', [
        ['a', T0, 1, 1],
        ['a', T0 + 2000, 3, 3],
      ]),
      T0,
    )
    engine.compact()
    // The same fix again, and one that arrives late, between the two stored.
    engine.append(
      batch('s', [
        ['a', T0, 1, 1],
        ['a', T0 + 1000, 2, 2],
        ['a', T0 + 1000, 2, 2],
      ]),
      T0,
    )
    expect(times(engine, 's', 'a')).toEqual([T0, T0 + 1000, T0 + 2000])
    engine.compact()
    expect(times(engine, 's', 'a')).toEqual([T0, T0 + 1000, T0 + 2000])
    const track = engine.tracks({ scope: 's', assetIds: ['a'], from: 0, to: T0 + DAY }).tracks[0]!
    expect(Array.from(track.lat)).toEqual([1, 2, 3])
    expect(engine.stats(T0).fixes).toBe(3)
  })

  it('keeps scopes apart: the demo never shows in an organization’s history', () => {
    const { engine } = openEngine()
    engine.append(batch('demo ', [['a', T0, 1, 1]]), T0)
    engine.append(batch('https://api.example/v1 org-1', [['a', T0 + 1, 2, 2]]), T0)
    engine.compact()
    expect(engine.fleetAt('demo ', T0 + 10).lat[0]).toBe(1)
    expect(engine.fleetAt('https://api.example/v1 org-1', T0 + 10).lat[0]).toBe(2)
    expect(engine.fleetAt('https://api.example/v1 org-2', T0 + 10).assetIds).toEqual([])
  })

  it('survives a reopen: what was written is there, tail and chunks', () => {
    const first = openEngine()
    first.engine.append(batch('s', [['a', T0, 1, 1]]), T0)
    first.engine.compact()
    first.engine.append(batch('s', [['a', T0 + 1000, 2, 2]]), T0)
    first.engine.close()
    engines = []
    const { engine } = openEngine(first.dir)
    expect(times(engine, 's', 'a')).toEqual([T0, T0 + 1000])
    expect(engine.range('s')).toEqual({ oldest: T0, newest: T0 + 1000 })
  })

  it('prunes by age, and the oldest first past the size cap', () => {
    const { engine } = openEngine(undefined, { maxAgeMs: DAY, maxBytes: 2 * 1024 ** 3 })
    engine.append(
      batch('s', [
        ['old', T0 - 3 * DAY, 1, 1],
        ['new', T0, 2, 2],
      ]),
      T0,
    )
    engine.compact()
    expect(engine.prune(T0)).toBe(false)
    expect(engine.fleetAt('s', T0).assetIds).toEqual(['new'])
    expect(engine.stats(T0).fixes).toBe(1)

    engine.setRetention({ maxAgeMs: 30 * DAY, maxBytes: 1 })
    engine.prune(T0)
    expect(engine.fleetAt('s', T0).assetIds).toEqual([])
    expect(engine.stats(T0).fixes).toBe(0)
  })

  it('moves a damaged file aside with a notice and starts a new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-'))
    writeFileSync(join(dir, HISTORY_FILE), 'this is not a database, it is a shopping list '.repeat(200))
    const { engine, opened } = openEngine(dir)
    expect(opened.state).toBe('ready')
    expect(opened.notice?.code).toBe('history-damaged')
    expect(opened.notice?.facts?.target).toMatch(/history\.sqlite\.corrupt-\d+$/)
    expect(readdirSync(dir).some((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`))).toBe(true)
    engine.append(batch('s', [['a', T0, 1, 1]]), T0)
    expect(engine.fleetAt('s', T0).assetIds).toEqual(['a'])
  })

  it('leaves a file from a newer version alone and keeps this run in memory', () => {
    const first = openEngine()
    first.engine.close()
    engines = []
    const raw = openBetterSqlite3(first.path)
    raw.exec('PRAGMA user_version = 99')
    raw.close()
    const { opened } = openEngine(first.dir)
    expect(opened.state).toBe('memory')
    expect(opened.notice?.code).toBe('history-newer')
    expect(readdirSync(first.dir).filter((name) => name.includes('corrupt'))).toEqual([])
  })
})
