import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

// A test that times out never reaches its `finally`: the worker's exit ends the hosts it started,
// so none lingers holding ports and CPU after the run.
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

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
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      'out/main/web-host.js',
      '--port',
      '0',
      '--listener-port',
      '0',
      ...(options.args ?? []),
    ],
    { env: { ...process.env, FLEET_DATA_DIR: dataDir, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000)
    const check = (): void => {
      const match = READY_LINE.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    origin: new URL(url).origin,
    secret: new URLSearchParams(new URL(url).hash.slice(1)).get('secret') ?? '',
    dataDir,
    pid: child.pid ?? -1,
    exitStatus: () =>
      child.exitCode === null && child.signalCode === null
        ? null
        : { code: child.exitCode, signal: child.signalCode },
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
