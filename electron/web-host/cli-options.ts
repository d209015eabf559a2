import { homedir } from 'node:os'
import { join } from 'node:path'

export interface HostOptions {
  /** Port the browser host serves on (0 picks a free one). */
  port: number
  /** Start straight into demo mode. */
  demo: boolean
  /** Overrides the listener port from settings for this run. */
  listenerPort: number | undefined
  apiUrl: string | undefined
  dataDir: string
}

export const DEFAULT_WEB_PORT = 4317

function readPort(value: string | undefined, flag: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${flag} needs a port number from 0 to 65535, got "${value ?? ''}"`)
  return port
}

/** Reads `--port N`, `--demo`, `--listener-port N` and the TAGORA_API_URL / FLEET_DATA_DIR variables. */
export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptions {
  let port = DEFAULT_WEB_PORT
  let demo = false
  let listenerPort: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    if (flag === '--port') port = readPort(value(), '--port')
    else if (flag === '--listener-port') listenerPort = readPort(value(), '--listener-port')
    else if (flag === '--demo') demo = true
    else if (arg.startsWith('--'))
      throw new Error(`Unknown option ${arg}. Options: --port N, --demo, --listener-port N`)
  }
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return {
    port,
    demo,
    listenerPort,
    apiUrl: env.TAGORA_API_URL || undefined,
    dataDir: env.FLEET_DATA_DIR || join(configHome, 'fleet-monitor'),
  }
}
