import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startNodeProcess } from './node-process'

export interface WebHostProcess {
  url: string
  origin: string
  /** The per-launch secret from the URL's fragment: what a tab presents on the contract socket. */
  secret: string
  dataDir: string
  /** The host's process id (the fuzz suite reads its memory from /proc). */
  pid: number
  /** How the host ended, or null while it runs: a crash is seen, not taken down with the test. */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | null
  output(): string
  stop(): Promise<void>
}

const READY_LINE = /^Fleet Monitor is serving at (\S+)$/m

/**
 * Starts the built browser host (`out/main/web-host.js`) as a user would, on free ports, with its own
 * data folder, and resolves once it prints its one ready line.
 */
export async function startWebHostProcess(
  options: {
    args?: string[]
    env?: Record<string, string>
    dataDir?: string
    /** Flags for Node itself, before the script (e.g. --inspect=127.0.0.1:0). */
    nodeArgs?: string[]
  } = {},
): Promise<WebHostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fleet-data-'))
  const args = ['out/main/web-host.js', '--port', '0', '--listener-port', '0', ...(options.args ?? [])]
  const { process: host, ready: url } = await startNodeProcess([...(options.nodeArgs ?? []), ...args], {
    env: { FLEET_DATA_DIR: dataDir, ...options.env },
    readyLine: READY_LINE,
    name: 'web host',
  })
  return {
    url,
    origin: new URL(url).origin,
    secret: new URLSearchParams(new URL(url).hash.slice(1)).get('secret') ?? '',
    dataDir,
    pid: host.pid,
    exitStatus: host.exitStatus,
    output: host.output,
    stop: host.stop,
  }
}
