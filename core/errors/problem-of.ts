import type { AppErrorInfo } from '../../shared/domain/errors'

/**
 * A failure as the facts kept in pushed state (device sync, webhook scope, token engines): an AppError
 * (TagoraApiError, ConnectionError, …) gives its code and facts; anything else is 'unexpected', its own
 * words kept as the detail.
 */
export function problemOf(error: unknown): AppErrorInfo {
  if (carriesErrorInfo(error)) return error.toInfo()
  return { code: 'unexpected', facts: { detail: error instanceof Error ? error.message : String(error) } }
}

/** Errors that already carry what the user can act on (AppError and its subclasses). */
export interface ErrorWithInfo {
  toInfo(): AppErrorInfo
}

export function carriesErrorInfo(error: unknown): error is ErrorWithInfo {
  return typeof (error as ErrorWithInfo | null)?.toInfo === 'function'
}
