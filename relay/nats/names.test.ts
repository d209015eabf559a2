import { describe, expect, it } from 'vitest'
import { fixStream, fixSubject, latestBucket, token } from './names'

describe('NATS names', () => {
  it('keeps plain ids and encodes the rest one-to-one, never with a dot, wildcard or space', () => {
    expect(token('asset-17_b')).toBe('asset-17_b')
    const odd = ['a.b', 'a b', '*', '>', 'ñandú', '=x', '']
    const tokens = odd.map(token)
    expect(new Set(tokens).size).toBe(odd.length)
    for (const t of tokens) expect(t).toMatch(/^=[A-Za-z0-9_-]*$/)
    expect(fixSubject('org 1', 'a.b')).toBe(`fleet.${token('org 1')}.fix.${token('a.b')}`)
  })

  it('names streams and buckets with characters JetStream accepts', () => {
    expect(fixStream('4f1c-org')).toBe('FLEET_4f1c-org')
    expect(latestBucket('org.1')).toMatch(/^fleet_latest_[0-9a-f]+$/)
  })
})
