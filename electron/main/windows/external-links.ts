/**
 * The sites the app links out to, one entry per feature that needs it. Links open in the system
 * browser only when they are https, on the default port, without credentials, to one of these
 * hosts; anything else is dropped (a compromised page must not reach `shell.openExternal` with
 * `file:`, `smb:`, a custom scheme handler, or a site of its choosing).
 *
 * This is the only way out. There is no `shell:open-external` contract call any more: the
 * renderer's links are plain `<a target="_blank">` (AssetActions' "open in OpenStreetMap"), which
 * Electron hands to the window-open handler and the browser host's browser opens itself, so a
 * call would only have been a second door around this rule.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  // renderer/src/features/assets/map-links.ts: a vehicle's position on openstreetmap.org.
  'www.openstreetmap.org',
]

/** The URL to hand to the system browser, normalized, or null when the rule refuses it. */
export function externalLinkTarget(
  url: string,
  hosts: readonly string[] = EXTERNAL_LINK_HOSTS,
): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null
  return hosts.includes(parsed.hostname) ? parsed.href : null
}
