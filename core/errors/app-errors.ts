import { ZodError } from 'zod'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { infoOfIssues } from '../../shared/errors/zod-issue'
import { carriesErrorInfo } from './problem-of'

/**
 * Turns anything thrown by a handler into what crosses the contract: a code and its facts, never a
 * stack, never a secret. Handlers throw AppError (shared/domain/errors.ts) or its subclasses.
 */
export function toErrorInfo(error: unknown): AppErrorInfo {
  if (carriesErrorInfo(error)) return error.toInfo()
  if (error instanceof ZodError) return infoOfIssues(error.issues)
  return { code: 'internal' }
}
