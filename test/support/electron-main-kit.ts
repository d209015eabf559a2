import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'
import type { Command, Report } from '../fakes/fake-electron/protocol'
import { FAKE_ENV } from '../fakes/fake-electron/protocol'

const ROOT = resolve(import.meta.dirname, '../..')
/**
 * The built main bundle: the harness tests what electron-vite built (npm test builds first).
 * FLEET_ELECTRON_MAIN points it at another build, e.g. an older commit's, to see a test fail there.
 */
export const BUILT_MAIN = process.env.FLEET_ELECTRON_MAIN ?? join(ROOT, 'out/main/index.js')
const REGISTER = join(ROOT, 'test/fakes/fake-electron/register.ts')
const TSX = createRequire(import.meta.url).resolve('tsx')

/** Chromium's, Electron's and Playwright's switches as a workstation's argv carries them. */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--ozone-platform=wayland',
  '--inspect=0',
  '--remote-debugging-port=0',
  '--squirrel-firstrun',
]

/** Omit over each member of a union (plain Omit would merge them into one shape). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

export interface ElectronMainOptions {
  args?: string[]
  dataDir?: string
  /** Electron's appData for a userData nobody moved; shared by the instances of one test. */
  appData?: string
  env?: Record<string, string>
  /** Another built main folder (a copy missing a file). */
  main?: string
}

export interface ElectronMain {
  dataDir: string
  reports: Report[]
  output(): string
  /** Resolves with the first report (past or future) that matches. */
  waitFor<K extends Report['kind']>(
    kind: K,
    match?: (report: Extract<Report, { kind: K }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<Report, { kind: K }>>
  /** Resolves when stderr has a line matching. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>
  send(command: Command): void
  /** Sends a command that answers, and resolves with the answer. */
  ask(command: WithoutId<Extract<Command, { id: number }>>): Promise<unknown>
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): void
}

// A test that times out never reaches its cleanup: the worker's exit ends the children it started.
const running = new Set<ChildProcess>()
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')))

/**
 * Runs the built Electron main bundle under plain Node with the fake `electron` module
 * (test/fakes/fake-electron), in its own process and data folder, as a workstation would start it.
 */
export function startElectronMain(options: ElectronMainOptions = {}): ElectronMain {
  const mainFile = options.main ?? BUILT_MAIN
  if (!existsSync(mainFile)) throw new Error(`${mainFile} is missing: run npm run build first`)
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fleet-electron-data-'))
  const appData = options.appData ?? mkdtempSync(join(tmpdir(), 'fleet-electron-appdata-'))
  const child = fork(mainFile, options.args ?? [], {
    execArgv: ['--import', TSX, '--import', REGISTER],
    env: {
      ...process.env,
      FLEET_DATA_DIR: dataDir,
      [FAKE_ENV.appData]: appData,
      FLEET_LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  running.add(child)
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      running.delete(child)
      done({ code, signal })
    }),
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const reports: Report[] = []
  const watchers = new Set<(report: Report) => void>()
  child.on('message', (message: Report) => {
    reports.push(message)
    watchers.forEach((watch) => watch(message))
  })
  let nextId = 1

  const until = <T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => {
        cleanup()
        fail(new Error(`waited ${timeoutMs} ms for ${what}; reports:\n${JSON.stringify(reports)}\n${output}`))
      }, timeoutMs)
      const attempt = (): void => {
        const found = check()
        if (found === undefined) return
        cleanup()
        done(found)
      }
      const onExit = (): void => {
        attempt()
        cleanup()
        fail(
          new Error(`main exited while waiting for ${what}; reports:\n${JSON.stringify(reports)}\n${output}`),
        )
      }
      const cleanup = (): void => {
        clearTimeout(timer)
        watchers.delete(attempt)
        child.stderr?.off('data', attempt)
        child.off('exit', onExit)
      }
      watchers.add(attempt)
      child.stderr?.on('data', attempt)
      child.once('exit', onExit)
      attempt()
    })

  return {
    dataDir,
    reports,
    output: () => output,
    waitFor: (kind, match = () => true, timeoutMs = 15_000) =>
      until(kind, timeoutMs, () =>
        reports.find(
          (r): r is Extract<Report, { kind: typeof kind }> => r.kind === kind && match(r as never),
        ),
      ),
    waitForLog: (pattern, timeoutMs = 15_000) =>
      until(String(pattern), timeoutMs, () => (pattern.test(output) ? true : undefined)).then(
        () => undefined,
      ),
    send: (command) => child.send(command),
    async ask(command) {
      const id = nextId++
      child.send({ ...command, id })
      const reply = await until(`reply ${id}`, 15_000, () =>
        reports.find((r) => r.kind === 'reply' && r.id === id),
      )
      return (reply as Extract<Report, { kind: 'reply' }>).value
    },
    exited: () => exit,
    kill: (signal = 'SIGKILL') => void child.kill(signal),
  }
}

/** A launcher for one test file: every main it starts is killed after each test, whatever happened. */
export function electronMainLauncher(): (options?: ElectronMainOptions) => ElectronMain {
  const started: ElectronMain[] = []
  afterEach(() => started.splice(0).forEach((main) => main.kill()))
  return (options) => {
    const main = startElectronMain(options)
    started.push(main)
    return main
  }
}
