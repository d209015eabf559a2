import type { IncomingMessage } from 'node:http'

/**
 * Checks the browser host makes on every request line and Host header, before any handler runs:
 * HTTP requests and the WebSocket upgrade alike.
 */

/** Longest request target read: the host's own URLs are short paths, plus `?secret=` on the socket. */
export const MAX_URL_LENGTH = 2048

/**
 * The Host values this host answers to. A web page on a name it controls can point that name at
 * 127.0.0.1 (DNS rebinding) and then read this host as "same origin"; its requests still carry that
 * name, so anything but the loopback address and `localhost` on our own port is refused.
 */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

/** True when the request carries exactly one Host header and it is one of `allowed`. */
export function isAllowedHost(req: IncomingMessage, allowed: readonly string[]): boolean {
  // Node keeps the first of two Host headers; a proxy may have read the other, so two are refused.
  let count = 0
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'host') count++
  const host = req.headers.host
  return count === 1 && host !== undefined && allowed.includes(host.toLowerCase())
}

export type TargetCheck = { ok: true; pathname: string; query: string } | { ok: false; reason: string }

/**
 * Reads an origin-form request target (`/path?query`): the decoded path and the raw query. Anything
 * else (absolute-form, `*`, overlong, bad percent-encoding, an encoded NUL) is a malformed request.
 */
export function readRequestTarget(url: string | undefined): TargetCheck {
  const target = url ?? ''
  if (target.length > MAX_URL_LENGTH) return { ok: false, reason: 'request target too long' }
  // `//name/...` would read as a host to a URL parser: never a path this host serves.
  if (!target.startsWith('/') || target.startsWith('//'))
    return { ok: false, reason: 'not an origin-form target' }
  const queryAt = target.indexOf('?')
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt)
  let pathname: string
  try {
    pathname = decodeURIComponent(rawPath)
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' }
  }
  if (pathname.includes('\0')) return { ok: false, reason: 'NUL in path' }
  return { ok: true, pathname, query: queryAt === -1 ? '' : target.slice(queryAt + 1) }
}
