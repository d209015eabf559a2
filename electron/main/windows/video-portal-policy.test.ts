import { describe, expect, it } from 'vitest'
import type { Logger } from '../../../core/logging/logger'
import { isPermissionGranted, PERMISSION_GRANTS } from './permission-policy'
import { isRendererEntry, rendererEntryUrl } from './renderer-entry'
import type { HardenedSession } from './session-hardening'
import { hardenSession } from './session-hardening'
import { notRenderer, portalNavigation, portalRefusal } from './video-portal-policy'

const PORTAL = 'https://video-agent.8x8.com'
const PORTAL_URL = `${PORTAL}/?user=agent.one&token=SECRET-AUTH-TOKEN&mode=embedded`
const entry = rendererEntryUrl(null, '/app/out/main')

describe('which origin gets camera and microphone', () => {
  it('the 8x8 portal gets media, and nothing else', () => {
    const ask = (permission: string) =>
      isPermissionGranted({ permission, requestingUrl: PORTAL_URL }, notRenderer)
    expect(ask('media')).toBe(true)
    for (const permission of [
      'notifications',
      'clipboard-sanitized-write',
      'clipboard-read',
      'geolocation',
      'display-capture',
      'fullscreen',
      'openExternal',
      'midi',
      'hid',
    ])
      expect(ask(permission), permission).toBe(false)
  })

  it('no other origin gets media: not our own page, a look-alike, plain http, another port', () => {
    expect(
      isPermissionGranted({ permission: 'media', requestingUrl: entry }, (u) => isRendererEntry(u, entry)),
    ).toBe(false)
    for (const url of [
      'http://video-agent.8x8.com/',
      'https://video-agent.8x8.com:8443/',
      'https://video-agent.8x8.com.evil.test/',
      'https://evil.test/?https://video-agent.8x8.com',
      'http://127.0.0.1:5173/',
    ])
      expect(isPermissionGranted({ permission: 'media', requestingUrl: url }, notRenderer), url).toBe(false)
    expect(PERMISSION_GRANTS.filter((grant) => grant.permission === 'media').map((g) => g.origin)).toEqual([
      PORTAL,
    ])
  })

  it('the portal session grants media to the portal and logs a refusal without the token', () => {
    const installed: { request?: Parameters<HardenedSession['setPermissionRequestHandler']>[0] } = {}
    const session: HardenedSession = {
      setPermissionRequestHandler: (handler) => void (installed.request = handler),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    }
    const warnings: unknown[] = []
    const none = (): void => undefined
    const logger: Logger = { debug: none, info: none, error: none, warn: (_m, f) => void warnings.push(f) }
    hardenSession(session, { isRenderer: notRenderer, pagePolicy: null, logger })
    const request = (permission: string) => {
      let answer: boolean | null = null
      installed.request?.({} as never, permission as never, (granted) => void (answer = granted), {
        requestingUrl: PORTAL_URL,
        isMainFrame: true,
      })
      return answer
    }
    expect(request('media')).toBe(true)
    expect(request('geolocation')).toBe(false)
    expect(JSON.stringify(warnings)).not.toContain('SECRET-AUTH-TOKEN')
    expect(warnings).toEqual([{ permission: 'geolocation', url: `${PORTAL}/` }])
  })
})

describe('where the portal window opens and may go', () => {
  it('opens only at an https origin the allow-list grants media', () => {
    expect(portalRefusal(PORTAL)).toBeNull()
    for (const origin of [
      'http://video-agent.8x8.com',
      'https://video-agent.8x8.com:8443',
      'https://video-agent.8x8.com.evil.test',
      // The e2e stand-in for the portal: a browser-host tab only, never this window.
      'http://127.0.0.1:40123',
      'null',
    ])
      expect(portalRefusal(origin), origin).toBe('video-portal-origin')
  })

  it('stays on the portal’s origin; everything else leaves through the external-link rule', () => {
    expect(portalNavigation(`${PORTAL}/room/42?x=1`, PORTAL)).toBe('stay')
    expect(portalNavigation(`${PORTAL}/`, PORTAL)).toBe('stay')
    for (const url of [
      'http://video-agent.8x8.com/',
      'https://docs.8x8.com/',
      'https://video-agent.8x8.com.evil.test/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(portalNavigation(url, PORTAL), url).toBe('leave')
  })
})
