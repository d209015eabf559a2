import { describe, expect, it } from 'vitest'
import { relayFix } from '../../test/fakes/fake-relay-link'
import { RelayFrameReader } from './relay-frame-reader'

const frame = (message: object): string => JSON.stringify(message)
const hello = (resumed: boolean): string => frame({ t: 'hello', organizationId: 'org', node: 'n', resumed })

describe('RelayFrameReader', () => {
  it('applies a snapshot, then resumes after the sequence the snapshot stands for', () => {
    const reader = new RelayFrameReader(null)
    expect(reader.read(hello(false))).toMatchObject({
      kind: 'hello',
      organizationId: 'org',
      lastSequence: null,
    })
    const snapshot = reader.read(frame({ t: 'snapshot', items: [{ seq: 9, fix: relayFix('a', 1) }] }))
    expect(snapshot).toMatchObject({ kind: 'data', lastSequence: null })
    expect(reader.read(frame({ t: 'snapshot-end', seq: 7 }))).toMatchObject({ lastSequence: 7 })
    const stream = reader.read(frame({ t: 'fixes', items: [{ seq: 8, fix: relayFix('b', 2) }] }))
    expect(stream).toMatchObject({ lastSequence: 8, events: [{ assetId: 'b' }] })
  })

  it('never applies a stream message at or below its place twice', () => {
    const reader = new RelayFrameReader(5)
    reader.read(hello(true))
    const items = [4, 5, 6, 6, 7].map((seq) => ({ seq, fix: relayFix(`a${seq}`, seq) }))
    const read = reader.read(frame({ t: 'fixes', items }))
    expect(read).toMatchObject({ lastSequence: 7 })
    expect(read.kind === 'data' && read.events.map((event) => event.assetId)).toEqual(['a6', 'a7'])
  })

  it('starts over from a snapshot when the relay says its place is gone', () => {
    const reader = new RelayFrameReader(40)
    expect(reader.read(hello(false))).toMatchObject({ lastSequence: null })
    const read = reader.read(frame({ t: 'snapshot-end', seq: 90 }))
    expect(read).toMatchObject({ lastSequence: 90 })
  })

  it.each([
    ['not JSON', '{"t":'],
    ['an unknown type', frame({ t: 'gossip' })],
    ['a fix without a position', frame({ t: 'fixes', items: [{ seq: 1, fix: { assetId: 'a' } }] })],
    ['a latitude out of range', frame({ t: 'fixes', items: [{ seq: 1, fix: relayFix('a', 1, 91) }] })],
    ['a negative sequence', frame({ t: 'snapshot-end', seq: -1 })],
    ['a snapshot nobody announced', frame({ t: 'snapshot', items: [] })],
  ])('refuses %s, applying nothing', (_name, text) => {
    const reader = new RelayFrameReader(3)
    const read = reader.read(text)
    expect(read.kind).toBe('bad')
  })

  it('refuses stream messages before the snapshot ended', () => {
    const reader = new RelayFrameReader(null)
    reader.read(hello(false))
    expect(reader.read(frame({ t: 'fixes', items: [] })).kind).toBe('bad')
  })
})
