import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, Session } from 'electron'
import type { Logger } from '../../../core/logging/logger'
import { isPermissionGranted } from './permission-policy'

/** The parts of an Electron session this module sets (a fake stands in for it in tests). */
export type HardenedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: OnHeadersReceivedListenerDetails,
        callback: (response: HeadersReceivedResponse) => void,
      ) => void,
    ): void
  }
}

export interface SessionHardeningOptions {
  /** The exact index.html test (renderer-entry.ts): only our page may hold a granted permission. */
  isRenderer: (url: string) => boolean
  /**
   * The page's Content-Security-Policy, read at each document load so it follows the tile setting.
   * Null leaves documents' headers alone (the dev server, whose React refresh preamble is inline).
   */
  pagePolicy: (() => string) | null
  logger: Logger
}

/** What a document response's headers become: our policy in place of any the server sent. */
export function documentHeaders(
  details: Pick<OnHeadersReceivedListenerDetails, 'resourceType' | 'responseHeaders'>,
  policy: string,
): HeadersReceivedResponse {
  if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') return {}
  const headers = Object.fromEntries(
    Object.entries(details.responseHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    ),
  )
  return { responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } }
}

/** A URL for the log: what asked, without a query or fragment that could carry someone's data. */
function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/s, '')
}

/**
 * Locks down the session our windows use (the default one): every permission request and check
 * is denied unless permission-policy.ts lists it, device access (HID, serial, USB) is always denied,
 * and each document gets the page policy as a header (the meta tag in index.html is the outer bound).
 */
export function hardenSession(session: HardenedSession, options: SessionHardeningOptions): void {
  const { isRenderer, pagePolicy, logger } = options
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted({ permission, requestingUrl: details.requestingUrl }, isRenderer)
    if (!granted)
      logger.warn('refused a permission request', { permission, url: withoutQuery(details.requestingUrl) })
    callback(granted)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requestingUrl: details.requestingUrl, requestingOrigin }, isRenderer),
  )
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) =>
    callback(pagePolicy ? documentHeaders(details, pagePolicy()) : {}),
  )
}
