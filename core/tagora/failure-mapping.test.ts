import { describe, expect, it } from 'vitest'
import { networkCode, networkReason, timeoutFailure, unreachableFailure } from './failure-mapping'

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

describe('params for other languages', () => {
  const site = {
    call: 'POST /auth/login',
    url: 'http://127.0.0.1:1/auth/login',
    baseUrl: 'http://127.0.0.1:1',
  }

  it('gives the network failure as a key and the address it went to', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(networkCode(fetchFailed(new Error('bad port')))).toBe('bad-port')
    expect(networkCode(fetchFailed(new Error('something odd')))).toBe('other')
    expect(unreachableFailure(site, fetchFailed(refused)).toInfo().params).toEqual({
      service: 'Tagora',
      call: 'POST /auth/login',
      target: 'http://127.0.0.1:1',
      network: 'ECONNREFUSED',
    })
  })

  it('gives a timeout its seconds', () => {
    expect(timeoutFailure(site, 15_000).toInfo().params).toMatchObject({ seconds: 15, target: site.baseUrl })
  })
})
