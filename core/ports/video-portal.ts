import type { VideoPortalOpening } from '../../shared/domain/connections'

/**
 * How a host shows 8x8's Agent Portal. The URL it is given holds the agent's token: a host opens it and
 * never logs, stores or sends it on. Electron opens its own window (camera and microphone for the portal's
 * origin only); the browser host hands the page a one-time local address that redirects there once.
 */
export interface VideoPortalOpener {
  /** True for a portal inside the app's own window: asked without its left menu and top bar (mode=embedded). */
  readonly embedded: boolean
  /** Why this host would refuse a portal at that origin, checked before a token is asked for; null if it opens. */
  refusal(portalOrigin: string): 'video-portal-origin' | null
  open(portalUrl: string): Promise<VideoPortalOpening>
}
