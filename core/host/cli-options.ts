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
  /** Whether `--port` was given at all (Electron reads it as the listener port). */
  portGiven: boolean
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

/** The data folder's name: the same for Electron (its userData) and the browser host. */
export const DATA_FOLDER_NAME = 'fleet-monitor'

/** What was wrong on the command line, as facts a host can put in the user's language. */
export type HostOptionProblem = 'bad-port' | 'bad-resolve' | 'bad-api-url' | 'bad-relay' | 'unknown-option'

/** A command-line mistake: `option` and `value` are what the user typed (credentials never kept). */
export class HostOptionError extends Error {
  constructor(
    readonly problem: HostOptionProblem,
    readonly option: string,
    readonly value: string,
    message: string,
  ) {
    super(message)
    this.name = 'HostOptionError'
  }
}

export interface ParseOptions {
  /**
   * 'refuse' (the browser host: a typo must not pass silently) or 'ignore' (Electron, whose argv also
   * carries its own and Chromium's switches: --no-sandbox, --inspect=0, --squirrel-firstrun…).
   */
  unknown: 'refuse' | 'ignore'
}

function readPort(value: string | undefined, flag: string): number {
  const port = Number(value)
  if (value === undefined || value === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new HostOptionError(
      'bad-port',
      flag,
      value ?? '',
      `${flag} needs a port number from 0 to 65535, got "${value ?? ''}"`,
    )
  return port
}

/** TAGORA_API_URL: https, or plain http to this computer only (the simulator); the same rule as the form. */
function readApiUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (!isSecureUrl(value)) {
    const shown = originOf(value) ?? 'something that is not a URL'
    throw new HostOptionError(
      'bad-api-url',
      'TAGORA_API_URL',
      originOf(value) ?? '',
      `TAGORA_API_URL must be an https:// address (plain http:// only for this computer: localhost, 127.0.0.1, ::1), got ${shown}`,
    )
  }
  return value.trim()
}

function readResolve(value: string | undefined): ResolveRule {
  try {
    return parseResolveRule(value ?? '')
  } catch (error) {
    throw new HostOptionError('bad-resolve', '--resolve', value ?? '', (error as Error).message)
  }
}

/**
 * Where the app keeps its files when FLEET_DATA_DIR does not say: Electron's own `appData` folder
 * for this platform plus DATA_FOLDER_NAME, so the Electron app (which sets its `userData` to this)
 * and the browser host read and write the same settings.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), DATA_FOLDER_NAME)
}

/**
 * Both or neither; the address may carry a key only where a password may go (relay-url.ts). The key
 * itself is never kept in the error: a mistake there names the option, not what was typed.
 */
function readRelay(url: string | undefined, key: string | undefined): HostOptions['relay'] {
  if (!url && !key) return undefined
  if (!url || !key)
    throw new HostOptionError(
      'bad-relay',
      url ? '--relay-key' : '--relay-url',
      '',
      '--relay-url and --relay-key (or FLEET_RELAY_URL and FLEET_RELAY_KEY) go together',
    )
  if (!isRelayUrl(url))
    throw new HostOptionError(
      'bad-relay',
      '--relay-url',
      originOf(url) ?? '',
      `--relay-url must be an https:// or wss:// address (plain http:// or ws:// only for this computer), got ${originOf(url) ?? 'something that is not a URL'}`,
    )
  if (!DESK_KEY_PATTERN.test(key.trim()))
    throw new HostOptionError(
      'bad-relay',
      '--relay-key',
      '',
      '--relay-key is not a desk key: it reads name.secret, as `relay keys add` printed it',
    )
  return { url: url.trim(), key: key.trim() }
}

/**
 * Reads `--port N`, `--demo`, `--listener-port N`, `--resolve H:P:A`, `--relay-url URL --relay-key KEY`
 * (each also as `--flag=value`) and the TAGORA_API_URL / FLEET_DATA_DIR / FLEET_RELAY_* variables. Throws HostOptionError on a mistake in the app's own
 * flags; other switches are refused or skipped as `parse.unknown` says, and so are bare words (the
 * app path Electron passes, `.`).
 */
export function parseHostOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  parse: ParseOptions = { unknown: 'refuse' },
): HostOptions {
  let port: number | undefined
  let demo = false
  let listenerPort: number | undefined
  const resolve: ResolveRule[] = []
  let relayUrl = env.FLEET_RELAY_URL
  let relayKey = env.FLEET_RELAY_KEY
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const equals = arg.indexOf('=')
    const [flag, inline] = equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)]
    const value = (): string | undefined => inline ?? argv[++i]
    if (flag === '--port') port = readPort(value(), '--port')
    else if (flag === '--listener-port') listenerPort = readPort(value(), '--listener-port')
    else if (flag === '--demo') demo = true
    else if (flag === '--resolve') resolve.push(readResolve(value()))
    else if (flag === '--relay-url') relayUrl = value()
    else if (flag === '--relay-key') relayKey = value()
    else if (arg.startsWith('--') && parse.unknown === 'refuse')
      throw new HostOptionError(
        'unknown-option',
        flag,
        '',
        `Unknown option ${flag}. Options: --port N, --demo, --listener-port N, --resolve HOST:PORT:ADDRESS, --relay-url URL --relay-key KEY`,
      )
  }
  return {
    port: port ?? DEFAULT_WEB_PORT,
    portGiven: port !== undefined,
    demo,
    listenerPort,
    apiUrl: readApiUrl(env.TAGORA_API_URL),
    dataDir: env.FLEET_DATA_DIR || defaultDataDir(env),
    resolve,
    relay: readRelay(relayUrl, relayKey),
  }
}
