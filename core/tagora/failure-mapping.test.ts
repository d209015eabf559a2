import { describe as group, expect, it } from 'vitest'
import { describe } from '../../shared/errors/describe'
import { networkFacts, timeoutFailure, unreachableFailure } from './failure-mapping'

const fetchFailed = (cause: Error) => Object.assign(new TypeError('fetch failed'), { cause })

const site = {
  call: 'POST /auth/login',
  url: 'http://127.0.0.1:1/auth/login',
  baseUrl: 'http://127.0.0.1:1',
}

/** The network failure in English, as the catalog says it in an unreachable error. */
function reasonOf(error: Error): string {
  const words = describe(unreachableFailure(site, error).toInfo(), 'en')
  return words.replace('Cannot reach the Tagora API at http://127.0.0.1:1: ', '').replace(/\. Check .*$/, '')
}

group('network failures', () => {
  it('turns socket error codes into words a dispatcher understands', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(reasonOf(fetchFailed(refused))).toBe('connection refused')
  })

  it('explains a port that fetch refuses to call', () => {
    expect(reasonOf(fetchFailed(new Error('bad port')))).toMatch(/port is blocked/)
  })

  it('falls back to the innermost message, never to "fetch failed"', () => {
    expect(reasonOf(fetchFailed(new Error('something odd')))).toBe('something odd')
    expect(reasonOf(new TypeError('fetch failed'))).toBe('the request failed before any response')
  })
})

group('facts', () => {
  it('gives the network failure as a key and the address it went to', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(networkFacts(fetchFailed(new Error('bad port')))).toEqual({ network: 'bad-port' })
    expect(networkFacts(fetchFailed(new Error('something odd')))).toEqual({
      network: 'other',
      detail: 'something odd',
    })
    expect(unreachableFailure(site, fetchFailed(refused)).toInfo().facts).toEqual({
      service: 'Tagora',
      call: 'POST /auth/login',
      target: 'http://127.0.0.1:1',
      network: 'ECONNREFUSED',
    })
  })

  it('gives a timeout its seconds', () => {
    expect(timeoutFailure(site, 15_000).toInfo().facts).toMatchObject({ seconds: 15, target: site.baseUrl })
  })
})
