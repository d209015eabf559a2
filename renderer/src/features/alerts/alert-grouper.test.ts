import { describe, expect, it } from 'vitest'
import { AlertGrouper } from './alert-grouper'

describe('AlertGrouper', () => {
  it('groups a burst of one kind into one entry after the window', () => {
    const grouper = new AlertGrouper(3000)
    for (let i = 0; i < 12; i++) grouper.add({ kind: 'offline', assetId: `a${i}`, at: 1000 + i * 100 })
    expect(grouper.flush(3999)).toEqual([])
    expect(grouper.nextFlushAt()).toBe(4000)
    const [entry, ...rest] = grouper.flush(4000)
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ kind: 'offline', at: 1000 })
    expect(entry?.assetIds).toHaveLength(12)
    expect(grouper.nextFlushAt()).toBeNull()
  })

  it('keeps kinds apart, counts a vehicle once per burst, and reports the top speed', () => {
    const grouper = new AlertGrouper(1000)
    grouper.add({ kind: 'stale', assetId: 'a', at: 0 })
    grouper.add({ kind: 'speeding', assetId: 'b', at: 100, speed: 120 })
    grouper.add({ kind: 'speeding', assetId: 'b', at: 200, speed: 130 })
    grouper.add({ kind: 'speeding', assetId: 'c', at: 300, speed: 140 })
    const entries = grouper.flush(5000)
    expect(entries.map((e) => [e.kind, e.assetIds])).toEqual([
      ['stale', ['a']],
      ['speeding', ['b', 'c']],
    ])
    expect(entries[1]?.speed).toBe(140)
    expect(new Set(entries.map((e) => e.id)).size).toBe(2)
  })

  it('starts a new group after a flush', () => {
    const grouper = new AlertGrouper(1000)
    grouper.add({ kind: 'stale', assetId: 'a', at: 0 })
    grouper.flush(1000)
    grouper.add({ kind: 'stale', assetId: 'a', at: 1500 })
    expect(grouper.flush(2499)).toEqual([])
    expect(grouper.flush(2500)[0]?.assetIds).toEqual(['a'])
  })
})
