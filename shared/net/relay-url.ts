import { isSecureUrl } from './secure-url'

// A desk key may only travel where a password may (secure-url.ts): wss anywhere, plain ws only to this
// computer. The user enters the relay's address as the relay printed it (http(s)://host:port) or as
// the proxy publishes it; ws(s):// is accepted too.

const TO_HTTP: Record<string, string> = {
  'ws:': 'http:',
  'wss:': 'https:',
  'http:': 'http:',
  'https:': 'https:',
}

/** The relay's address as http(s), or null when it is not a URL of a known scheme. */
function asHttp(url: string): URL | null {
  try {
    const parsed = new URL(url.trim())
    const protocol = TO_HTTP[parsed.protocol]
    if (!protocol || parsed.search !== '' || parsed.hash !== '') return null
    return new URL(`${protocol}//${parsed.host}${parsed.pathname}`)
  } catch {
    return null
  }
}

/** True when a desk key may be sent to this relay address. */
export function isRelayUrl(url: string): boolean {
  const http = asHttp(url)
  return http !== null && isSecureUrl(http.toString())
}

/**
 * The WebSocket URL of a relay's feed: its path is appended to the address's own (a proxy may publish
 * the relay under a prefix). Null for an address `isRelayUrl` refuses.
 */
export function relaySocketUrl(url: string, feedPath: string): string | null {
  if (!isRelayUrl(url)) return null
  const http = asHttp(url)!
  const base = http.pathname.replace(/\/+$/, '')
  const scheme = http.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${http.host}${base}${feedPath}`
}
