import { ZodError } from 'zod'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { carriesErrorInfo } from './problem-of'

/** Turns anything thrown by a handler into what crosses the contract: never a stack, never a secret. */
export function toErrorInfo(error: unknown): AppErrorInfo {
  if (carriesErrorInfo(error)) return error.toInfo()
  if (error instanceof ZodError) {
    const issue = error.issues[0]
    return { code: 'validation', message: issue ? issue.message : 'Invalid input' }
  }
  if (error instanceof UserFacingError) return { code: error.code, message: error.message }
  return { code: 'internal', message: 'Something went wrong inside Fleet Monitor. Details are in the log.' }
}

/** A problem main already holds as facts (a listener's bind failure), thrown as a call's error. */
export class ReportedError extends Error {
  constructor(private readonly info: AppErrorInfo) {
    super(info.message)
    this.name = 'ReportedError'
  }

  toInfo(): AppErrorInfo {
    return this.info
  }
}

/** An error whose message is written for the user (thrown by app-level handlers). */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'UserFacingError'
  }
}
