import { describe, expect, it } from 'vitest'
import { networkReason } from './failure-mapping'

const fetchFailed = (cause: Error) => Object.assign(new TypeError('fetch failed'), { cause })

describe('networkReason', () => {
  it('turns socket error codes into words a dispatcher understands', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(networkReason(fetchFailed(refused))).toBe('connection refused')
  })

  it('explains a port that fetch refuses to call', () => {
    expect(networkReason(fetchFailed(new Error('bad port')))).toMatch(/port is blocked/)
  })

  it('falls back to the innermost message, never to "fetch failed"', () => {
    expect(networkReason(fetchFailed(new Error('something odd')))).toBe('something odd')
    expect(networkReason(new TypeError('fetch failed'))).toBe('the request failed before any response')
  })
})
