import type { AppErrorInfo } from '../../shared/domain/errors'

/**
 * A failure as the facts kept in pushed state (device sync, webhook scope, token engines): TagoraApiError
 * and ConnectionError give their code and params, so the renderer can say them in the user's language;
 * anything else is its message, shown as written.
 */
export function problemOf(error: unknown, message?: string): AppErrorInfo {
  if (carriesErrorInfo(error)) {
    const info = error.toInfo()
    return message === undefined ? info : { ...info, message }
  }
  return { code: 'internal', message: message ?? (error instanceof Error ? error.message : String(error)) }
}

/** Errors that already carry what the user can act on (TagoraApiError, ConnectionError and friends). */
export interface ErrorWithInfo {
  toInfo(): AppErrorInfo
}

export function carriesErrorInfo(error: unknown): error is ErrorWithInfo {
  return typeof (error as ErrorWithInfo | null)?.toInfo === 'function'
}
