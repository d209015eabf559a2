import { AppError } from '../../../shared/domain/errors'

/** Turns anything thrown into an AppError so the UI can always show message and request id. */
export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  return new AppError({ code: 'unexpected', message: cause instanceof Error ? cause.message : String(cause) })
}
