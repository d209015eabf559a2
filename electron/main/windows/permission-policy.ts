/**
 * The one allow-list of web permissions. Everything not listed is denied: a compromised or
 * navigated page gets no camera, microphone, location, MIDI, HID/USB/serial, screen capture,
 * external protocol handlers or clipboard reads. A feature that needs a permission adds one entry
 * naming who may have it and why.
 */
export interface PermissionGrant {
  /**
   * `'renderer'` is our own index.html (rendererEntryUrl): a file:// page has no origin of its own
   * to name, and every local file would share it. Anything else is an exact https origin.
   */
  origin: 'renderer' | `https://${string}`
  /** Electron's permission name (`setPermissionRequestHandler` / `setPermissionCheckHandler`). */
  permission: string
  /** Which feature needs it, so an entry nobody can account for gets removed. */
  feature: string
}

export const PERMISSION_GRANTS: readonly PermissionGrant[] = [
  {
    origin: 'renderer',
    permission: 'notifications',
    feature: 'alert notifications (renderer/src/features/alerts/notify.ts)',
  },
  {
    origin: 'renderer',
    permission: 'clipboard-sanitized-write',
    feature: 'copy coordinates and setup commands (AssetActions, CopyCommand)',
  },
  {
    // Camera and microphone, nothing else, and only for 8x8's portal (it runs in its own window and
    // session: video-portal-window.ts). The portal window opens only at an origin listed here for media.
    origin: 'https://video-agent.8x8.com',
    permission: 'media',
    feature: '8x8 Agent Portal video call (electron/main/windows/video-portal-window.ts)',
  },
]

export interface PermissionAsk {
  permission: string
  /** The requesting frame's URL; Electron leaves it out for cross-origin sub-frame checks. */
  requestingUrl?: string | undefined
  /** The requesting origin, when that is all Electron gives (permission checks). */
  requestingOrigin?: string | undefined
}

function originOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/** Whether a request or check is on the allow-list; `isRenderer` is the exact index.html test. */
export function isPermissionGranted(
  ask: PermissionAsk,
  isRenderer: (url: string) => boolean,
  grants: readonly PermissionGrant[] = PERMISSION_GRANTS,
): boolean {
  const origin = originOf(ask.requestingUrl) ?? originOf(ask.requestingOrigin)
  return grants.some((grant) => {
    if (grant.permission !== ask.permission) return false
    if (grant.origin === 'renderer') return ask.requestingUrl !== undefined && isRenderer(ask.requestingUrl)
    return origin === grant.origin
  })
}
