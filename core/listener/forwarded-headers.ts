import type { IncomingHttpHeaders } from 'node:http'

const MAX_VALUE_LENGTH = 512

/**
 * The headers a tunnel or proxy adds on its way here (X-Forwarded-For, -Proto, -Host, Forwarded,
 * X-Real-IP…), for the raw-event inspector. Shown to help the user see the route a delivery took,
 * and trusted for nothing: any client can write them, so no decision reads them.
 */
export function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string> | undefined {
  let found: Record<string, string> | undefined
  // Names first: on the hot path no delivery carries these unless a proxy added them.
  for (const name of Object.keys(headers)) {
    if (!isForwarding(name)) continue
    const value = headers[name]
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(', ') : value
    found ??= {}
    found[name] = text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text
  }
  return found
}

function isForwarding(name: string): boolean {
  return name.startsWith('x-forwarded-') || name === 'forwarded' || name === 'x-real-ip' || name === 'via'
}
