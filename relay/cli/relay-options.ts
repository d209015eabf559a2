import { hostname } from 'node:os'
import { AppError } from '../../shared/domain/errors'
import { RELAY_FEED_PATH, RELAY_HEALTH_PATH } from '../../shared/domain/relay-wire'
import { checkPostUrl } from '../../shared/domain/webhook'
import { DESK_KEY_NAME_PATTERN } from '../../shared/schemas/feed'
import { isSecureUrl } from '../../shared/net/secure-url'
import { DEFAULT_TAGORA_API_URL } from '../../core/tagora/tagora-client'
import type { RelayCredentials } from '../tagora/relay-sign-in'

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222'
export const DEFAULT_RELAY_PORT = 8080

export interface ServeCommand {
  kind: 'serve'
  nats: string
  /** The one port: Tagora's deliveries at the public URL's path, the desks' WebSocket, /health. */
  port: number
  /** Loopback by default; 0.0.0.0 behind a reverse proxy on another machine (or in a container). */
  bind: string
  /** The https address Tagora posts to (the reverse proxy's), registered as the webhook's postUrl. */
  publicUrl: string
  /** Names this node in logs, claims and the desks' hello. */
  node: string
  credentials: RelayCredentials
}

export interface KeysCommand {
  kind: 'keys'
  nats: string
  action: 'add' | 'revoke' | 'list'
  name: string | null
}

export type RelayCommand = ServeCommand | KeysCommand

/** Environment the relay reads; TAGORA_PASSWORD_FILE lets a container take the password from a secret. */
export interface RelayEnv {
  TAGORA_EMAIL?: string | undefined
  TAGORA_PASSWORD?: string | undefined
  TAGORA_PASSWORD_FILE?: string | undefined
  TAGORA_API_URL?: string | undefined
  FLEET_RELAY_NODE?: string | undefined
}

const usage = (detail: string): AppError => new AppError({ code: 'relay-usage', facts: { detail } })

/** Reads the relay's command line; every refusal is an AppError the catalog can say in en and es-MX. */
export function parseRelayCommand(
  argv: readonly string[],
  env: RelayEnv,
  readSecretFile: (path: string) => string,
): RelayCommand {
  const flags = new Map<string, string>()
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (!arg.startsWith('--')) {
      words.push(arg)
      continue
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined]
    if (!['--port', '--bind', '--nats', '--public-url', '--node'].includes(flag)) throw usage(arg)
    const value = inline ?? argv[++i]
    if (value === undefined) throw usage(arg)
    flags.set(flag, value)
  }
  const nats = flags.get('--nats') ?? DEFAULT_NATS_URL
  if (words[0] === 'keys') return keysCommand(words.slice(1), nats)
  if (words.length > 0) throw usage(words.join(' '))
  return {
    kind: 'serve',
    nats,
    port: readPort(flags.get('--port')),
    bind: flags.get('--bind') ?? '127.0.0.1',
    publicUrl: readPublicUrl(flags.get('--public-url')),
    node: flags.get('--node') ?? env.FLEET_RELAY_NODE ?? `${hostname()}-${process.pid}`,
    credentials: readCredentials(env, readSecretFile),
  }
}

function keysCommand(words: string[], nats: string): KeysCommand {
  const [action, name, extra] = words
  if (action === 'list' && name === undefined) return { kind: 'keys', nats, action, name: null }
  if ((action === 'add' || action === 'revoke') && name !== undefined && extra === undefined) {
    // Checked before NATS is asked anything: a typo is said at once, whatever the network does.
    if (!DESK_KEY_NAME_PATTERN.test(name)) throw new AppError({ code: 'relay-key-name', facts: { name } })
    return { kind: 'keys', nats, action, name }
  }
  throw usage(['keys', ...words].join(' '))
}

function readPort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RELAY_PORT
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new AppError({ code: 'relay-bad-port', facts: { name: '--port', detail: value } })
  }
  return port
}

/** The same rule as a desk's webhook form (shared/domain/webhook.ts), and a path of its own. */
function readPublicUrl(value: string | undefined): string {
  if (value === undefined) throw new AppError({ code: 'relay-needs-public-url' })
  const check = checkPostUrl(value)
  if (!check.ok) throw new AppError({ code: `post-url-${check.problem}` })
  const path = new URL(check.url).pathname
  if (path === RELAY_FEED_PATH || path === RELAY_HEALTH_PATH) {
    throw new AppError({ code: 'relay-path-taken', facts: { detail: path } })
  }
  return check.url
}

function readCredentials(env: RelayEnv, readSecretFile: (path: string) => string): RelayCredentials {
  const apiUrl = env.TAGORA_API_URL?.trim() || DEFAULT_TAGORA_API_URL
  if (!isSecureUrl(apiUrl)) throw new AppError({ code: 'needs-https' })
  const email = env.TAGORA_EMAIL?.trim()
  const file = env.TAGORA_PASSWORD_FILE?.trim()
  // A secrets file ends with a newline more often than not; a password never does.
  const password = env.TAGORA_PASSWORD || (file ? readSecretFile(file).replace(/\r?\n$/, '') : '')
  if (!email || !password) throw new AppError({ code: 'relay-needs-credentials' })
  return { apiUrl, email, password }
}
