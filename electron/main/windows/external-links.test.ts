import { describe, expect, it } from 'vitest'
import { externalLinkTarget } from './external-links'

describe('externalLinkTarget', () => {
  it('lets the app’s own OpenStreetMap link through, unchanged', () => {
    // What renderer/src/features/assets/map-links.ts builds for a vehicle in Mexico City.
    const link = 'https://www.openstreetmap.org/?mlat=19.432600&mlon=-99.133200#map=17/19.432600/-99.133200'
    expect(externalLinkTarget(link)).toBe(link)
  })

  it('refuses every other scheme, host, port and credential', () => {
    for (const url of [
      'http://www.openstreetmap.org/?mlat=1&mlon=2',
      'https://openstreetmap.org.evil.test/',
      'https://evil.test/?https://www.openstreetmap.org/',
      'https://www.openstreetmap.org:8443/',
      'https://user:pass@www.openstreetmap.org/',
      'file:///etc/passwd',
      'smb://attacker/share',
      'javascript:alert(1)',
      'mailto:someone@example.com',
      'ms-msdt:/id PCWDiagnostic',
      'not a url',
      '',
    ]) {
      expect(externalLinkTarget(url), url).toBeNull()
    }
  })

  it('allows a later feature’s host only once it is added to the list', () => {
    const portal = 'https://video-agent.8x8.com/room/abc'
    expect(externalLinkTarget(portal)).toBeNull()
    expect(externalLinkTarget(portal, ['video-agent.8x8.com'])).toBe(portal)
  })

  it('normalizes what it hands on, so the browser opens the URL that was checked', () => {
    expect(externalLinkTarget('HTTPS://WWW.OpenStreetMap.org:443/?a=1')).toBe(
      'https://www.openstreetmap.org/?a=1',
    )
  })
})
