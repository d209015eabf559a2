import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './app-kit'

/** Debian's nats-server (scripts/install-system-deps.sh installs it), or the first on PATH. */
function findNatsServer(): string | null {
  if (existsSync('/usr/sbin/nats-server')) return '/usr/sbin/nats-server'
  const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' })
  return which.status === 0 && which.stdout.trim() !== '' ? which.stdout.trim() : null
}

export const NATS_SERVER = findNatsServer()
/** Why the NATS suites skip, said once by each of them. */
export const NATS_MISSING =
  'nats-server is not installed (apt-get install nats-server, or bash scripts/install-system-deps.sh): the relay tests need a real one'

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export interface NatsServer {
  url: string
  port: number
  /** The running server's process id (the relay bench reads its CPU time), or -1 while stopped. */
  readonly pid: number
  /** Stops the server (SIGTERM) and waits for it to exit; its data stays for `start`. */
  stop(): Promise<void>
  /** Starts it again on the same port with the same data: streams and buckets come back. */
  start(): Promise<void>
  /** Stops it and removes its data. */
  close(): Promise<void>
}

/** A real nats-server with JetStream, on a free loopback port, with its own store in a temporary folder. */
export async function startNatsServer(): Promise<NatsServer> {
  if (!NATS_SERVER) throw new Error(NATS_MISSING)
  const binary = NATS_SERVER
  const storeDir = mkdtempSync(join(tmpdir(), 'fleet-nats-'))
  const port = await freePort()
  let child: ChildProcess | null = null
  const launch = async (): Promise<void> => {
    const started = spawn(binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    running.add(started)
    started.once('exit', () => running.delete(started))
    child = started
    let log = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), 15_000)
      started.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString()
        if (log.includes('Server is ready')) {
          clearTimeout(timer)
          resolve()
        }
      })
      started.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`nats-server exited with ${code}:\n${log}`))
      })
    })
  }
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const current = child
      child = null
      if (!current || current.exitCode !== null) return resolve()
      current.once('exit', () => resolve())
      current.kill('SIGTERM')
    })
  await launch()
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid ?? -1
    },
    stop,
    start: launch,
    async close() {
      await stop()
      rmSync(storeDir, { recursive: true, force: true })
    },
  }
}
