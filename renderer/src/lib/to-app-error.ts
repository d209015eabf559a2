import { AppError } from '../../../shared/domain/errors'

/** Turns anything thrown into an AppError so the UI can always say it and show the request id. */
export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  return new AppError({
    code: 'unexpected',
    facts: { detail: cause instanceof Error ? cause.message : String(cause) },
  })
}
