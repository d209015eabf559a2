import { describe, expect, it } from 'vitest'
import { makeDevices } from '../../test/fakes/fake-devices'
import { outOfScopeAssetIds } from './out-of-scope'

const item = (n: number) => ({ deviceId: `dev-${n}`, serial: `s${n}`, assetId: `asset-${n}` })

describe('outOfScopeAssetIds', () => {
  it('is null while no scope is known', () => {
    expect(outOfScopeAssetIds(makeDevices(3), [])).toBeNull()
  })

  it('lists devices no scope carries, across several webhooks', () => {
    expect(outOfScopeAssetIds(makeDevices(5), [[item(1)], [item(2), item(4)]])).toEqual([
      'asset-3',
      'asset-5',
    ])
  })

  it('flags every device when the only scope is empty', () => {
    expect(outOfScopeAssetIds(makeDevices(2), [[]])).toEqual(['asset-1', 'asset-2'])
  })

  it('handles 100,000 devices quickly', () => {
    const devices = makeDevices(100_000)
    const scope = devices.slice(0, 90_000).map((device) => ({ ...device }))
    const started = performance.now()
    expect(outOfScopeAssetIds(devices, [scope])).toHaveLength(10_000)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
