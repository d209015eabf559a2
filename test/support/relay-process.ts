import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

export interface RelayProcess {
  url: string
  port: number
  pid: number
  output(): string
  /** SIGKILL: a node that dies mid-stream, with no goodbye to its desks. */
  kill(): void
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>
}

const READY_LINE = /^Fleet relay is listening at (\S+)$/m

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts the built relay (`out/main/relay.js`) as an operator would, on a free port. */
export async function startRelayProcess(options: {
  nats: string
  publicUrl: string
  node: string
  env: Record<string, string>
}): Promise<RelayProcess> {
  const child = spawn(
    process.execPath,
    [
      'out/main/relay.js',
      '--nats',
      options.nats,
      '--public-url',
      options.publicUrl,
      '--port',
      '0',
      '--node',
      options.node,
    ],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 30_000)
    child.stdout?.on('data', () => {
      const match = READY_LINE.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`relay exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid ?? -1,
    output: () => output,
    kill: () => void child.kill('SIGKILL'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** `relay --nats URL keys …`: resolves with what it printed and its exit code. */
export function runRelayKeys(
  nats: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['out/main/relay.js', '--nats', nats, 'keys', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The key `keys add` printed: its last line. */
export async function addDeskKey(nats: string, name: string): Promise<string> {
  const result = await runRelayKeys(nats, ['add', name])
  const key = result.stdout.trim().split('\n').at(-1) ?? ''
  if (result.code !== 0 || !key.startsWith(`${name}.`)) throw new Error(`keys add failed:\n${result.stderr}`)
  return key
}
