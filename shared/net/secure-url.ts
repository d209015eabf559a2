// Pure on purpose (no Node, no DOM): the schemas, main's token engine, the browser host's options and
// the renderer's forms all apply this one rule about where a password, token or key may be sent.

/** Absolute URL, or null. WHATWG parsing normalizes hosts (127.1 → 127.0.0.1, [::ffff:127.0.0.1] → [::ffff:7f00:1]). */
function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when a URL's hostname, as WHATWG parsing normalizes it, names this computer: `localhost`,
 * 127.0.0.0/8, ::1 or an IPv4-mapped 127.x. Sub-names of localhost do not count: a resolver may send
 * them anywhere.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]') return true
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
}

/**
 * Where credentials may go: https anywhere, plain http only to this computer (the bundled simulator,
 * test fakes). Any other scheme, and anything that is not an absolute URL, is refused.
 */
export function isSecureUrl(url: string): boolean {
  const parsed = parse(url.trim())
  if (!parsed || parsed.hostname === '') return false
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && isLoopbackHostname(parsed.hostname)
}

/** Scheme, host and port of a URL (the browser's origin); null when it is not an absolute URL. */
export function originOf(url: string): string | null {
  const parsed = parse(url.trim())
  return parsed && parsed.hostname !== '' ? parsed.origin : null
}

/** True when both URLs reach the same server (scheme, host and port); false when either is not a URL. */
export function sameOrigin(a: string, b: string): boolean {
  const first = originOf(a)
  return first !== null && first === originOf(b)
}

/**
 * True for a path that can only stay on the server it is joined to: one leading slash and no second
 * one after it (`//host` reads as another host), no backslash (URL parsers read `\` as `/`), no
 * whitespace or control characters.
 */
export function isServerPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false
  for (const char of path) {
    const code = char.charCodeAt(0)
    if (char === '\\' || code <= 0x20 || code === 0x7f) return false
  }
  return true
}
