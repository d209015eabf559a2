import { isPermissionGranted, PERMISSION_GRANTS } from './permission-policy'
import type { PermissionGrant } from './permission-policy'

/**
 * The portal window's session: in memory (no `persist:` prefix), apart from the app's, so the
 * token-bearing URL, the portal's cookies and its cache are never written to disk and end with the app.
 */
export const VIDEO_PORTAL_PARTITION = 'video-portal'

/** Never our own page: the portal's session holds no renderer, so the 'renderer' grants never match. */
export const notRenderer = (): boolean => false

/**
 * Whether the portal window opens at this origin: only one the one permission allow-list grants camera
 * and microphone ('media'), since a portal without them cannot hold a video call. Anything else (a
 * look-alike host, plain http, another port) is refused before a token is asked for.
 */
export function portalRefusal(
  origin: string,
  grants: readonly PermissionGrant[] = PERMISSION_GRANTS,
): 'video-portal-origin' | null {
  const granted = isPermissionGranted({ permission: 'media', requestingOrigin: origin }, notRenderer, grants)
  return granted && origin.startsWith('https://') ? null : 'video-portal-origin'
}

/**
 * Where the portal window may go: anywhere on the portal's own origin ('stay'); anything else leaves it
 * ('leave': handed to the one external-link rule, which opens it in the system browser or drops it).
 */
export function portalNavigation(url: string, portalOrigin: string): 'stay' | 'leave' {
  try {
    return new URL(url).origin === portalOrigin ? 'stay' : 'leave'
  } catch {
    return 'leave'
  }
}
