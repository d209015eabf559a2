import type { Logger } from '../logging/logger'

/** More uncaught exceptions than this inside STORM_WINDOW_MS is a failure loop, not one bad input. */
export const STORM_LIMIT = 10
export const STORM_WINDOW_MS = 60_000
/** EX_SOFTWARE from sysexits.h: the process ended itself over an internal error. */
export const STORM_EXIT_CODE = 70

/** The part of `process` the guards use, so a test can hand in an emitter of its own. */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
  off(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown
}

export interface ProcessGuardOptions {
  target?: GuardedProcess
  exit?: (code: number) => void
  now?: () => number
}

/**
 * The one policy each host (Electron main, browser host) installs for failures nobody caught.
 *
 * unhandledRejection: logged, and the process carries on. A promise that rejected unobserved has
 * already finished its work; nothing is left half-done by ignoring it.
 *
 * uncaughtException: logged, and the process carries on too, against Node's default of exiting.
 * Node exits because a throw may leave shared state half-updated. Here the state a throw can reach
 * is small and per-request: a socket handler's own connection, one HTTP exchange, one contract call;
 * settings are written whole (temp file + rename) and the telemetry store is updated synchronously
 * per batch. Exiting, by contrast, is certain harm: it ends the listener, the session and every tab
 * of the desk, and nothing restarts it. So one bad input from the network must not end the desk.
 * A burst (STORM_LIMIT within STORM_WINDOW_MS) means the process is stuck failing, not one bad
 * input: then it logs why and exits with STORM_EXIT_CODE, so the failure is seen instead of a desk
 * that looks alive and is not.
 *
 * Every entry goes through the redacting logger; the stack is logged for the developer (it holds
 * code positions and the already-redacted message, no request data). Returns an uninstaller.
 */
export function installProcessGuards(logger: Logger, options: ProcessGuardOptions = {}): () => void {
  const target: GuardedProcess = options.target ?? process
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const now = options.now ?? Date.now
  let recent: number[] = []

  const onRejection = (reason: unknown): void => {
    logger.error('unhandled promise rejection (carrying on)', describe(reason))
  }
  const onException = (error: Error, origin: string): void => {
    const at = now()
    recent = [...recent.filter((t) => at - t < STORM_WINDOW_MS), at]
    const storm = recent.length >= STORM_LIMIT
    logger.error(storm ? 'uncaught exception (too many: exiting)' : 'uncaught exception (carrying on)', {
      ...describe(error),
      origin,
      inLastMinute: recent.length,
    })
    if (storm) exit(STORM_EXIT_CODE)
  }
  target.on('unhandledRejection', onRejection)
  target.on('uncaughtException', onException)
  return () => {
    target.off('unhandledRejection', onRejection)
    target.off('uncaughtException', onException)
  }
}

function describe(reason: unknown): Record<string, unknown> {
  if (reason instanceof Error) return { error: reason, stack: reason.stack }
  return { error: reason }
}
