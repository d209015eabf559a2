/** Checks made on the request line and headers, before a byte of the body is read. */

/** A public address Tagora posts to: the host and path of a registered webhook's postUrl. */
export interface PublicRoute {
  /** Lower-case hostname without port, as URL.hostname gives it (IPv6 in brackets). */
  host: string
  path: string
}

export type RouteVerdict = 'ok' | 'bad-host' | 'wrong-path'

/**
 * Which Host and path pairs reach the webhook. A web page can point a hostname it controls at
 * 127.0.0.1 (DNS rebinding) and POST here from the browser; its requests still carry that hostname,
 * so only two kinds of Host get through:
 * - this listener's own names (bind address, localhost, 127.0.0.1, ::1 with the bound port), at the
 *   listener's path: the demo and a tunnel that rewrites Host (ngrok --host-header=rewrite);
 * - the public host of a registered webhook's postUrl, on any port (tunnels and proxies differ on
 *   whether they send one), at that postUrl's path or the listener's own (a proxy that rewrites the path).
 * The routes are read per request: registering a webhook opens its route without a restart.
 */
export function createRouteCheck(
  bindHost: string,
  port: number,
  listenerPath: string,
  publicRoutes: () => readonly PublicRoute[],
): (host: string | undefined, path: string) => RouteVerdict {
  const local = new Set(
    [bindHost, 'localhost', '127.0.0.1', '::1'].map((name) => `${bracket(name)}:${port}`.toLowerCase()),
  )
  return (host, path) => {
    if (host === undefined) return 'bad-host'
    const value = host.trim().toLowerCase()
    if (local.has(value)) return path === listenerPath ? 'ok' : 'wrong-path'
    const name = hostname(value).replace(/\.$/, '')
    const routes = publicRoutes().filter((route) => route.host === name)
    if (routes.length === 0) return 'bad-host'
    return path === listenerPath || routes.some((route) => route.path === path) ? 'ok' : 'wrong-path'
  }
}

/** The routes of webhooks' postUrls; an unreadable URL opens nothing. */
export function publicRoutesOf(postUrls: readonly string[]): PublicRoute[] {
  const routes: PublicRoute[] = []
  for (const postUrl of postUrls) {
    try {
      const url = new URL(postUrl)
      // A fully qualified name may end in a dot; the Host header of a tunnel usually does not.
      routes.push({ host: url.hostname.toLowerCase().replace(/\.$/, ''), path: url.pathname })
    } catch {
      // A record from an old or hand-edited settings file: it simply opens no route.
    }
  }
  return routes
}

function bracket(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name
}

function hasPort(host: string): boolean {
  return /:\d+$/.test(host) && (!host.includes(']') || host.lastIndexOf(':') > host.indexOf(']'))
}

function hostname(host: string): string {
  return hasPort(host) ? host.slice(0, host.lastIndexOf(':')) : host
}

/** application/json, with at most a UTF-8 charset: the body is decoded as UTF-8 and nothing else. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  // What Tagora (and every bench) sends, without splitting it up.
  if (header === 'application/json') return true
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((param) => {
    const [name, value] = param.split('=').map((s) => s.trim().replace(/^"|"$/g, ''))
    return name !== 'charset' || value === 'utf-8' || value === 'utf8'
  })
}

/** The path part of a request target, without the query string. */
export function requestPath(url: string | undefined): string {
  const target = url ?? '/'
  const query = target.indexOf('?')
  return query === -1 ? target : target.slice(0, query)
}
