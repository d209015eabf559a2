import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { MAX_URL_LENGTH, isAllowedHost, loopbackHosts, readRequestTarget } from './request-guards'

function request(rawHeaders: string[]): IncomingMessage {
  const headers: Record<string, string> = {}
  for (let i = 0; i < rawHeaders.length; i += 2) headers[rawHeaders[i]!.toLowerCase()] ??= rawHeaders[i + 1]!
  return { rawHeaders, headers } as unknown as IncomingMessage
}

describe('readRequestTarget', () => {
  it('decodes an origin-form path and keeps the query raw', () => {
    expect(readRequestTarget('/assets/a%20b.js?secret=x%2By')).toEqual({
      ok: true,
      pathname: '/assets/a b.js',
      query: 'secret=x%2By',
    })
    expect(readRequestTarget('/')).toEqual({ ok: true, pathname: '/', query: '' })
  })

  it.each([
    ['/%', 'malformed percent-encoding'],
    ['/%E0%A4%A', 'malformed percent-encoding'],
    ['/%ff', 'malformed percent-encoding'],
    ['/a%00.js', 'NUL in path'],
    ['*', 'not an origin-form target'],
    ['http://evil.example/', 'not an origin-form target'],
    ['//evil.example/x', 'not an origin-form target'],
    ['', 'not an origin-form target'],
    [undefined, 'not an origin-form target'],
    [`/${'a'.repeat(MAX_URL_LENGTH)}`, 'request target too long'],
  ])('refuses %j (%s)', (target, reason) => {
    expect(readRequestTarget(target)).toEqual({ ok: false, reason })
  })

  it('takes a target of exactly the maximum length', () => {
    expect(readRequestTarget(`/${'a'.repeat(MAX_URL_LENGTH - 1)}`).ok).toBe(true)
  })
})

describe('isAllowedHost', () => {
  const allowed = loopbackHosts(4317)

  it('admits the loopback address and localhost on our port, in any letter case', () => {
    expect(isAllowedHost(request(['Host', '127.0.0.1:4317']), allowed)).toBe(true)
    expect(isAllowedHost(request(['host', 'LocalHost:4317']), allowed)).toBe(true)
  })

  it('refuses other names (DNS rebinding), other ports, no Host and two Hosts', () => {
    expect(isAllowedHost(request(['Host', 'rebind.attacker.example:4317']), allowed)).toBe(false)
    expect(isAllowedHost(request(['Host', '127.0.0.1']), allowed)).toBe(false)
    expect(isAllowedHost(request(['Host', '127.0.0.1:4318']), allowed)).toBe(false)
    expect(isAllowedHost(request(['Host', '[::1]:4317']), allowed)).toBe(false)
    expect(isAllowedHost(request([]), allowed)).toBe(false)
    expect(isAllowedHost(request(['Host', '127.0.0.1:4317', 'Host', 'evil.example']), allowed)).toBe(false)
  })
})
