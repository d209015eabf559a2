/** Checks made on the request line and headers, before a byte of the body is read. */

/**
 * The Host values a request may carry. A web page can point a hostname it controls at 127.0.0.1 (DNS
 * rebinding) and POST here from the browser; its requests still carry that hostname, so only the
 * bind address, loopback names and the configured public host (the tunnel's) are let through.
 */
export function createHostCheck(
  bindHost: string,
  port: number,
  extraHosts: readonly string[],
): (host: string | undefined) => boolean {
  const local = [bindHost, 'localhost', '127.0.0.1', '::1'].map((name) =>
    `${bracket(name)}:${port}`.toLowerCase(),
  )
  const exact = new Set([...local, ...extraHosts.map((h) => h.trim().toLowerCase())])
  // A configured name without a port matches on any port: tunnels and proxies differ on whether they send one.
  const names = new Set(extraHosts.map((h) => h.trim().toLowerCase()).filter((h) => !hasPort(h)))
  return (host) => {
    if (host === undefined) return false
    const value = host.trim().toLowerCase()
    return exact.has(value) || names.has(hostname(value))
  }
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
