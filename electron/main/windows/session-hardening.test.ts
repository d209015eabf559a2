import { describe, expect, it } from 'vitest'
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron'
import type { Logger } from '../../../core/logging/logger'
import { isPermissionGranted } from './permission-policy'
import type { HardenedSession } from './session-hardening'
import { documentHeaders, hardenSession } from './session-hardening'
import { isRendererEntry, rendererEntryUrl } from './renderer-entry'

const entry = rendererEntryUrl(null, '/app/out/main')
const isRenderer = (url: string): boolean => isRendererEntry(url, entry)

type RequestHandler = Parameters<HardenedSession['setPermissionRequestHandler']>[0]
type CheckHandler = Parameters<HardenedSession['setPermissionCheckHandler']>[0]
type DeviceHandler = Parameters<HardenedSession['setDevicePermissionHandler']>[0]
type HeadersListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void

/** A session that keeps what was installed on it, so the test can play Chromium's part. */
function fakeSession() {
  const installed: {
    request?: RequestHandler
    check?: CheckHandler
    device?: DeviceHandler
    headers?: HeadersListener
  } = {}
  const session: HardenedSession = {
    setPermissionRequestHandler: (handler) => void (installed.request = handler),
    setPermissionCheckHandler: (handler) => void (installed.check = handler),
    setDevicePermissionHandler: (handler) => void (installed.device = handler),
    webRequest: { onHeadersReceived: (listener) => void (installed.headers = listener) },
  }
  return { session, installed }
}

function documentResponse(
  resourceType: OnHeadersReceivedListenerDetails['resourceType'],
  responseHeaders?: Record<string, string[]>,
): OnHeadersReceivedListenerDetails {
  return {
    id: 1,
    url: entry,
    method: 'GET',
    resourceType,
    referrer: '',
    timestamp: 0,
    statusLine: 'HTTP/1.1 200 OK',
    statusCode: 200,
    ...(responseHeaders ? { responseHeaders } : {}),
  }
}

function recordingLogger(): Logger & { warnings: Array<Record<string, unknown> | undefined> } {
  const warnings: Array<Record<string, unknown> | undefined> = []
  const none = (): void => undefined
  return { debug: none, info: none, error: none, warn: (_m, fields) => void warnings.push(fields), warnings }
}

function request(handler: RequestHandler | undefined, permission: string, requestingUrl: string): boolean {
  let answer: boolean | null = null
  handler?.({} as never, permission as never, (granted) => void (answer = granted), {
    requestingUrl,
    isMainFrame: true,
  })
  if (answer === null) throw new Error('the request handler never answered')
  return answer
}

describe('isPermissionGranted', () => {
  it('grants our page what its features use, and nothing else', () => {
    expect(isPermissionGranted({ permission: 'notifications', requestingUrl: entry }, isRenderer)).toBe(true)
    expect(
      isPermissionGranted(
        { permission: 'clipboard-sanitized-write', requestingUrl: `${entry}?view=map` },
        isRenderer,
      ),
    ).toBe(true)
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'display-capture',
      'hid',
    ]) {
      expect(isPermissionGranted({ permission, requestingUrl: entry }, isRenderer), permission).toBe(false)
    }
  })

  it('grants nothing to another page, even for a permission our page holds', () => {
    for (const requestingUrl of ['file:///tmp/evil.html', 'https://evil.test/', undefined]) {
      expect(
        isPermissionGranted(
          { permission: 'notifications', requestingUrl, requestingOrigin: 'file:///' },
          isRenderer,
        ),
      ).toBe(false)
    }
  })

  it('matches an origin entry by exact origin, from the URL or, failing that, the origin Electron gives', () => {
    const grants = [{ origin: 'https://video-agent.8x8.com', permission: 'media', feature: 'test' }] as const
    const ask = (requestingUrl?: string, requestingOrigin?: string) =>
      isPermissionGranted({ permission: 'media', requestingUrl, requestingOrigin }, isRenderer, grants)
    expect(ask('https://video-agent.8x8.com/room/1')).toBe(true)
    expect(ask(undefined, 'https://video-agent.8x8.com')).toBe(true)
    expect(ask('http://video-agent.8x8.com/room/1')).toBe(false)
    expect(ask('https://video-agent.8x8.com.evil.test/')).toBe(false)
    expect(ask(entry)).toBe(false)
  })
})

describe('hardenSession', () => {
  it('denies permission requests and checks off the list, logs refusals, and never grants a device', () => {
    const { session, installed } = fakeSession()
    const logger = recordingLogger()
    hardenSession(session, { isRenderer, pagePolicy: () => 'p', logger })

    expect(request(installed.request, 'notifications', entry)).toBe(true)
    expect(request(installed.request, 'media', entry)).toBe(false)
    expect(request(installed.request, 'notifications', 'https://evil.test/page?token=abc')).toBe(false)
    expect(logger.warnings).toEqual([
      { permission: 'media', url: entry },
      { permission: 'notifications', url: 'https://evil.test/page' },
    ])

    const check = (permission: string, requestingUrl: string | undefined) =>
      installed.check?.(null, permission as never, 'file:///', { requestingUrl, isMainFrame: true })
    expect(check('notifications', entry)).toBe(true)
    expect(check('geolocation', entry)).toBe(false)
    expect(check('notifications', undefined)).toBe(false)

    expect(installed.device?.({ deviceType: 'usb', origin: 'file:///', device: {} as never })).toBe(false)
  })

  it('puts the current page policy on every document and leaves other responses alone', () => {
    const { session, installed } = fakeSession()
    let policy = "img-src 'self' https://a.example.com"
    hardenSession(session, { isRenderer, pagePolicy: () => policy, logger: recordingLogger() })
    const answer = (resourceType: OnHeadersReceivedListenerDetails['resourceType']) => {
      let response: HeadersReceivedResponse | null = null
      installed.headers?.(
        documentResponse(resourceType, { 'content-security-policy': ['*'] }),
        (r) => void (response = r),
      )
      return response
    }
    expect(answer('mainFrame')).toEqual({ responseHeaders: { 'Content-Security-Policy': [policy] } })
    policy = "img-src 'self' https://b.example.com"
    expect(answer('subFrame')).toEqual({ responseHeaders: { 'Content-Security-Policy': [policy] } })
    expect(answer('image')).toEqual({})
  })

  it('leaves documents’ headers alone when given no policy (the dev server)', () => {
    const { session, installed } = fakeSession()
    hardenSession(session, { isRenderer, pagePolicy: null, logger: recordingLogger() })
    let response: HeadersReceivedResponse | null = null
    installed.headers?.(documentResponse('mainFrame'), (r) => void (response = r))
    expect(response).toEqual({})
  })
})

describe('documentHeaders', () => {
  it('replaces a policy the server sent under any spelling and keeps the other headers', () => {
    expect(
      documentHeaders(
        {
          resourceType: 'mainFrame',
          responseHeaders: { 'Content-Type': ['text/html'], 'CONTENT-SECURITY-POLICY': ['default-src *'] },
        },
        "default-src 'self'",
      ),
    ).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] },
    })
  })
})
