import type { AppErrorInfo } from '../../../../shared/domain/errors'

/**
 * A failure as the facts kept in pushed state (device sync, webhook scope, token engines): TagoraApiError
 * and ConnectionError give their code and params, so the renderer can say them in the user's language;
 * anything else is its message, shown as written.
 */
export function problemOf(error: unknown, message?: string): AppErrorInfo {
  const withInfo = error as { toInfo?: () => AppErrorInfo } | null
  if (typeof withInfo?.toInfo === 'function') {
    const info = withInfo.toInfo()
    return message === undefined ? info : { ...info, message }
  }
  return { code: 'internal', message: message ?? (error instanceof Error ? error.message : String(error)) }
}
