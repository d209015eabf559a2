import type { AppErrorInfo } from '../../../../shared/domain/errors'

/**
 * A port to try when the listener's port is taken (the failure names it), or null for any other
 * failure. Used for both the listener's own state and a refused change in the form.
 */
export function suggestedPort(problem: AppErrorInfo | null | undefined): number | null {
  if (problem?.code !== 'port-in-use') return null
  const busy = problem.facts?.port
  return busy === undefined || busy === 0 || busy >= 65535 ? 8788 : busy + 1
}
