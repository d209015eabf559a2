import type { Logger } from '../../../core/logging/logger'

/** How long quit waits for cleanup before it exits anyway: a hung keychain must not keep a zombie. */
export const QUIT_DEADLINE_MS = 10_000

/** The part of Electron's `app` the hold uses (a fake stands in for it in tests). */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown
  exit(code: number): void
}

/**
 * Holds the quit once, when every window has closed ('will-quit': their bounds writes have started),
 * runs `cleanup` (stop the app, await every pending write) and then exits. A second quit while
 * cleaning changes nothing; cleanup that fails or outlasts the deadline is logged, and the app exits
 * all the same.
 */
export function holdQuitForCleanup(
  app: QuittingApp,
  cleanup: () => Promise<void>,
  logger: Logger,
  deadlineMs = QUIT_DEADLINE_MS,
): void {
  let phase: 'running' | 'cleaning' | 'done' = 'running'
  app.on('will-quit', (event) => {
    if (phase === 'done') return
    event.preventDefault()
    if (phase === 'cleaning') return
    phase = 'cleaning'
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn('quit did not finish its cleanup in time; exiting anyway', { deadlineMs })
        resolve()
      }, deadlineMs)
    })
    const cleaned = cleanup().catch((error: unknown) => logger.error('cleanup at quit failed', { error }))
    void Promise.race([cleaned, deadline]).then(() => {
      clearTimeout(timer)
      phase = 'done'
      app.exit(0)
    })
  })
}
