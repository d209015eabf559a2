// Pure on purpose (no Node, no DOM): the browser host's static handler and Electron's header hook
// build the page's policy with the same function, so both hosts allow exactly the same things.

export interface PagePolicyInput {
  /**
   * The http(s) origins the page is served from (browser host: `http://127.0.0.1:PORT` and
   * `http://localhost:PORT`; Electron's dev server). Empty when the page is a file:// build, which
   * talks to main over IPC and needs no network connection at all.
   */
  hostOrigins: readonly string[]
  /** The map's tile URL template from settings (Leaflet `{s}`, `{z}`, `{x}`, `{y}`, `{r}`); '' = offline only. */
  tileUrl: string
}

const ORIGIN = /^(https?):\/\/[a-z0-9.-]+(?::\d{1,5})?$/
const CSP_HOST = /^[a-z0-9.-]+$/

/**
 * The CSP source that admits a tile template's images: its scheme, host and port, with a
 * placeholder in the leftmost label (`{s}.tile.openstreetmap.org`) widened to `*.` (CSP wildcards
 * exist only there). Null when no source can express it (not absolute http(s), credentials, IPv6,
 * a placeholder elsewhere in the host): the page then allows no tile server, the probe tile fails
 * and the map stays on its offline basemap rather than widening the policy.
 */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#\\]*)/i.exec(template.trim())
  if (!match) return null
  const scheme = (match[1] ?? '').toLowerCase()
  const authority = match[2] ?? ''
  if (authority.includes('@') || authority.startsWith('[')) return null
  const colon = authority.lastIndexOf(':')
  const host = colon === -1 ? authority : authority.slice(0, colon)
  const port = colon === -1 ? '' : authority.slice(colon + 1)
  if (!/^\d*$/.test(port)) return null
  const [first = '', ...rest] = host.split('.')
  if (rest.some((label) => /[{}]/.test(label))) return null
  const wildcard = /[{}]/.test(first)
  // A lone placeholder host ("https://{s}/…") would become `*`: every server. Refuse it.
  if (wildcard && rest.length === 0) return null
  let parsed: URL
  try {
    parsed = new URL(`${scheme}://${[wildcard ? 'x' : first, ...rest].join('.')}${port ? `:${port}` : ''}`)
  } catch {
    return null
  }
  if (!CSP_HOST.test(parsed.hostname)) return null
  const hostname = wildcard ? `*${parsed.hostname.slice(parsed.hostname.indexOf('.'))}` : parsed.hostname
  return `${scheme}://${hostname}${parsed.port ? `:${parsed.port}` : ''}`
}

/** The WebSocket origin beside an http(s) origin (`http://h:1` → `ws://h:1`). */
function socketOrigin(origin: string): string {
  return origin.replace(/^http/, 'ws')
}

/**
 * The one Content-Security-Policy of the renderer page. Network reach is what the app uses and no
 * more: connections only to the host's own origin (the browser host's contract socket; nothing
 * under file://, where calls go over IPC), images only from the app itself, data:/blob: (Leaflet,
 * the canvas layers) and the configured tile server. Callers build it per page load from current
 * settings, so a changed tile URL takes effect at the next load of the page.
 */
export function contentSecurityPolicy(input: PagePolicyInput): string {
  for (const origin of input.hostOrigins) {
    if (!ORIGIN.test(origin)) throw new Error(`Not an http(s) origin for the page policy: ${origin}`)
  }
  const connect = input.hostOrigins.length
    ? ["'self'", ...input.hostOrigins.flatMap((origin) => [origin, socketOrigin(origin)])]
    : ["'none'"]
  const tiles = tileSource(input.tileUrl)
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])].join(' '),
    ['connect-src', ...connect].join(' '),
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
