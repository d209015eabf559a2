import { describe, expect, it } from 'vitest'
import { decodeMessage, encodeMessage } from './wire-codec'

describe('wire codec', () => {
  it('sends plain messages as JSON text', () => {
    const encoded = encodeMessage({ t: 'event', name: 'session:state', payload: { phase: 'signed-in' } })
    expect(typeof encoded).toBe('string')
    expect(decodeMessage(encoded)).toEqual({
      t: 'event',
      name: 'session:state',
      payload: { phase: 'signed-in' },
    })
  })

  it('round-trips typed arrays of every width through one binary frame', () => {
    const payload = {
      newSlots: [{ slot: 0, assetId: 'a' }],
      slot: new Uint32Array([0, 7, 4_000_000_000]),
      lat: new Float64Array([19.4326, -0.5, Number.NaN]),
      speed: new Float32Array([12.5, Number.NaN]),
      status: new Uint8Array([0, 1, 2]),
    }
    const encoded = encodeMessage({ t: 'event', name: 'telemetry:batch', payload })
    expect(encoded).toBeInstanceOf(Uint8Array)
    const decoded = decodeMessage(encoded) as { payload: typeof payload }
    expect(Array.from(decoded.payload.slot)).toEqual([0, 7, 4_000_000_000])
    expect(decoded.payload.lat[0]).toBe(19.4326)
    expect(decoded.payload.lat[2]).toBeNaN()
    expect(decoded.payload.speed).toBeInstanceOf(Float32Array)
    expect(Array.from(decoded.payload.status)).toEqual([0, 1, 2])
    expect(decoded.payload.newSlots).toEqual([{ slot: 0, assetId: 'a' }])
  })

  it('handles typed arrays that are views into a larger buffer', () => {
    const backing = new Float64Array([1, 2, 3, 4])
    const view = backing.subarray(1, 3)
    const decoded = decodeMessage(encodeMessage({ view })) as { view: Float64Array }
    expect(Array.from(decoded.view)).toEqual([2, 3])
  })
})
