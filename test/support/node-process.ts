import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

/** A built entry point (`out/main/…`) running under Node, as a user or an operator starts it. */
export interface NodeProcess {
  pid: number
  // Function properties, not methods: they are handed on alone (web-host-process.ts).
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string
  /** How it ended, or null while it runs: a crash is seen, not taken down with the test. */
  exitStatus: () => { code: number | null; signal: NodeJS.Signals | null } | null
  /** SIGKILL: gone without a goodbye. */
  kill: () => void
  /** SIGTERM, and waits for the exit. */
  stop: () => Promise<void>
}

// A test that times out never reaches its `finally`: the worker's exit ends the processes it started,
// so none lingers holding ports and CPU after the run.
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/**
 * Starts `node <args>` and resolves with the process and the first capture of `readyLine` on its
 * stdout; rejects with everything it wrote when it exits first or stays silent for 30 s.
 */
export async function startNodeProcess(
  args: string[],
  options: { env: Record<string, string>; readyLine: RegExp; name: string },
): Promise<{ process: NodeProcess; ready: string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start:\n${output}`)), 30_000)
    child.stdout.on('data', () => {
      const match = options.readyLine.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${options.name} exited with ${code}:\n${output}`))
    })
  })
  const ended = (): boolean => child.exitCode !== null || child.signalCode !== null
  return {
    ready,
    process: {
      pid: child.pid ?? -1,
      output: () => output,
      exitStatus: () => (ended() ? { code: child.exitCode, signal: child.signalCode } : null),
      kill: () => void child.kill('SIGKILL'),
      stop: () =>
        new Promise<void>((resolve) => {
          if (ended()) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    },
  }
}
