import { describe, expect, it } from 'vitest'
import { parseResolveRule, resolveOverrideOf } from './resolve-override'

describe('--resolve HOST:PORT:ADDRESS', () => {
  it('maps exactly that host and port, like curl', () => {
    const resolve = resolveOverrideOf([parseResolveRule('Desk3.example.net:443:127.0.0.1')])!
    expect(resolve('desk3.example.net', 443)).toBe('127.0.0.1')
    expect(resolve('desk3.example.net', 8443)).toBeUndefined()
    expect(resolve('other.example.net', 443)).toBeUndefined()
    expect(parseResolveRule('h.example:8443:[::1]')).toEqual({
      host: 'h.example',
      port: 8443,
      address: '::1',
    })
  })

  it('refuses anything that is not HOST:PORT:IP', () => {
    for (const bad of [
      'desk3',
      'desk3:443',
      'desk3:443:not-an-ip',
      'desk3:0:127.0.0.1',
      'desk3:99999:127.0.0.1',
    ]) {
      expect(() => parseResolveRule(bad)).toThrow(/HOST:PORT:ADDRESS/)
    }
    expect(resolveOverrideOf([])).toBeUndefined()
  })
})
