import { isIP } from 'node:net'
import type { ResolveOverride } from './public-url-probe'

export interface ResolveRule {
  host: string
  port: number
  address: string
}

/**
 * Reads `HOST:PORT:ADDRESS` as curl's --resolve does: "Test the public URL" reaches HOST:PORT at
 * ADDRESS instead of asking DNS, so a desk can test its reverse proxy before DNS points at it. The
 * certificate is still checked against HOST. Throws a sentence for the command line.
 */
export function parseResolveRule(text: string): ResolveRule {
  const match = /^([^:\s]+):(\d{1,5}):(\[?[0-9a-fA-F:.]+\]?)$/.exec(text.trim())
  const address = match?.[3]?.replace(/^\[|\]$/g, '')
  const port = Number(match?.[2])
  if (!match || !address || isIP(address) === 0 || port < 1 || port > 65535) {
    throw new Error(
      `--resolve needs HOST:PORT:ADDRESS with an IP address, e.g. desk3.example.net:443:127.0.0.1, got "${text}"`,
    )
  }
  return { host: match[1]!.toLowerCase(), port, address }
}

export function resolveOverrideOf(rules: readonly ResolveRule[]): ResolveOverride | undefined {
  if (rules.length === 0) return undefined
  return (hostname, port) =>
    rules.find((rule) => rule.host === hostname.toLowerCase() && rule.port === port)?.address
}
