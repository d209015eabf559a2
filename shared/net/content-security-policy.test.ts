import { describe, expect, it } from 'vitest'
import { mapSettingsSchema } from '../schemas/settings'
import { contentSecurityPolicy, tileSource } from './content-security-policy'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ')
      return [name, values]
    }),
  )
}

describe('tileSource', () => {
  it('keeps the default template’s exact origin', () => {
    expect(tileSource(mapSettingsSchema.parse({}).tileUrl)).toBe('https://tile.openstreetmap.org')
  })

  it('widens a placeholder in the leftmost label to a CSP wildcard, keeping scheme and port', () => {
    expect(tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.openstreetmap.org',
    )
    expect(tileSource('  HTTP://Tiles-{s}.Example.COM:8080/{z}/{x}/{y}{r}.png ')).toBe(
      'http://*.example.com:8080',
    )
    expect(tileSource('https://tiles.example.com:443/{z}/{x}/{y}.png')).toBe('https://tiles.example.com')
    expect(tileSource('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080')
  })

  it('gives no source for templates a CSP source cannot hold, rather than a wider policy', () => {
    for (const template of [
      '',
      'tile.openstreetmap.org/{z}/{x}/{y}.png',
      '//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
      'ftp://tiles.example.com/{z}/{x}/{y}.png',
      'file:///tiles/{z}/{x}/{y}.png',
      'https://{s}/{z}/{x}/{y}.png',
      'https://tiles.{s}.example.com/{z}/{x}/{y}.png',
      'https://tiles.example.com:{port}/{z}/{x}/{y}.png',
      'https://user:pass@tiles.example.com/{z}/{x}/{y}.png',
      'https://[::1]:8080/{z}/{x}/{y}.png',
      "https://tiles.example.com;script-src 'unsafe-inline'/{z}.png",
      'https://tiles example.com/{z}.png',
      'https://tiles_x.example.com/{z}.png',
    ]) {
      expect(tileSource(template), template).toBeNull()
    }
  })
})

describe('contentSecurityPolicy', () => {
  it('lets the browser host page connect only to its own origin, over http and WebSocket', () => {
    const policy = directives(
      contentSecurityPolicy({
        hostOrigins: ['http://127.0.0.1:4317', 'http://localhost:4317'],
        tileUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
      }),
    )
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:4317',
      'ws://127.0.0.1:4317',
      'http://localhost:4317',
      'ws://localhost:4317',
    ])
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org'])
  })

  it('allows no connections at all for the file:// page, which calls main over IPC', () => {
    const policy = directives(contentSecurityPolicy({ hostOrigins: [], tileUrl: '' }))
    expect(policy.get('connect-src')).toEqual(["'none'"])
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it('follows the tile setting and never allows every https image', () => {
    const a = contentSecurityPolicy({ hostOrigins: [], tileUrl: 'https://a.example.com/{z}/{x}/{y}.png' })
    const b = contentSecurityPolicy({ hostOrigins: [], tileUrl: 'https://b.example.org/{z}/{x}/{y}.png' })
    expect(directives(a).get('img-src')).toContain('https://a.example.com')
    expect(directives(b).get('img-src')).toContain('https://b.example.org')
    expect(directives(b).get('img-src')).not.toContain('https://a.example.com')
    for (const policy of [a, b]) {
      expect(policy).not.toMatch(/(^|\s)(https?:|\*)(\s|;|$)/)
      expect(directives(policy).get('script-src')).toEqual(["'self'"])
      expect(directives(policy).get('frame-ancestors')).toEqual(["'none'"])
      expect(directives(policy).get('object-src')).toEqual(["'none'"])
    }
  })

  it('refuses a host origin that is not a bare http(s) origin', () => {
    for (const origin of ['ws://127.0.0.1:1', 'http://127.0.0.1:1/', "http://x; script-src 'unsafe-eval'"]) {
      expect(() => contentSecurityPolicy({ hostOrigins: [origin], tileUrl: '' })).toThrow(/origin/)
    }
  })
})
