import { homedir } from 'node:os'
import { join } from 'node:path'
import { isSecureUrl, originOf } from '../../shared/net/secure-url'
import { isRelayUrl } from '../../shared/net/relay-url'
import { DESK_KEY_PATTERN } from '../../shared/schemas/feed'
import { parseResolveRule } from '../webhooks/resolve-override'
import type { ResolveRule } from '../webhooks/resolve-override'

export interface HostOptions {
  /** Port the browser host serves on (0 picks a free one). */
  port: number
  /** Start straight into demo mode. */
  demo: boolean
  /** Overrides the listener port from settings for this run. */
  listenerPort: number | undefined
  apiUrl: string | undefined
  dataDir: string
  /** `--resolve HOST:PORT:ADDRESS` (repeatable): where "Test the public URL" (and a relay) is reached. */
  resolve: ResolveRule[]
  /** `--relay-url URL --relay-key KEY` (or FLEET_RELAY_URL / FLEET_RELAY_KEY): follow a Fleet Relay this run. */
  relay: { url: string; key: string } | undefined
}

export const DEFAULT_WEB_PORT = 4317

function readPort(value: string | undefined, flag: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${flag} needs a port number from 0 to 65535, got "${value ?? ''}"`)
  return port
}

/** TAGORA_API_URL: https, or plain http to this computer only (the simulator); the same rule as the form. */
function readApiUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (!isSecureUrl(value))
    throw new Error(
      `TAGORA_API_URL must be an https:// address (plain http:// only for this computer: localhost, 127.0.0.1, ::1), got ${originOf(value) ?? 'something that is not a URL'}`,
    )
  return value.trim()
}

/** Both or neither; the address may carry a key only where a password may go (relay-url.ts). */
function readRelay(url: string | undefined, key: string | undefined): HostOptions['relay'] {
  if (!url && !key) return undefined
  if (!url || !key)
    throw new Error('--relay-url and --relay-key (or FLEET_RELAY_URL and FLEET_RELAY_KEY) go together')
  if (!isRelayUrl(url))
    throw new Error(
      `--relay-url must be an https:// or wss:// address (plain http:// or ws:// only for this computer), got ${originOf(url) ?? 'something that is not a URL'}`,
    )
  if (!DESK_KEY_PATTERN.test(key.trim()))
    throw new Error('--relay-key is not a desk key: it reads name.secret, as `relay keys add` printed it')
  return { url: url.trim(), key: key.trim() }
}

/** Reads `--port N`, `--demo`, `--listener-port N` and the TAGORA_API_URL / FLEET_DATA_DIR variables. */
export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptions {
  let port = DEFAULT_WEB_PORT
  let demo = false
  let listenerPort: number | undefined
  const resolve: ResolveRule[] = []
  let relayUrl = env.FLEET_RELAY_URL
  let relayKey = env.FLEET_RELAY_KEY
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    if (flag === '--port') port = readPort(value(), '--port')
    else if (flag === '--listener-port') listenerPort = readPort(value(), '--listener-port')
    else if (flag === '--demo') demo = true
    else if (flag === '--resolve') resolve.push(parseResolveRule(value() ?? ''))
    else if (flag === '--relay-url') relayUrl = value()
    else if (flag === '--relay-key') relayKey = value()
    else if (arg.startsWith('--'))
      throw new Error(
        `Unknown option ${arg}. Options: --port N, --demo, --listener-port N, --resolve HOST:PORT:ADDRESS, --relay-url URL --relay-key KEY`,
      )
  }
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return {
    port,
    demo,
    listenerPort,
    apiUrl: readApiUrl(env.TAGORA_API_URL),
    dataDir: env.FLEET_DATA_DIR || join(configHome, 'fleet-monitor'),
    resolve,
    relay: readRelay(relayUrl, relayKey),
  }
}
