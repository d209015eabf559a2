import { ZodError } from 'zod'
import type { AppErrorInfo, CallOutcome } from '../../../../shared/domain/errors'
import { callContract } from '../../../../shared/ipc/contract'
import type { Logger } from '../logging/logger'
import type { CallHandlers } from './call-handlers'
import { isCallName } from './call-handlers'
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

/**
 * The single entry point for every call from any host: checks the name against the contract,
 * validates the argument with its zod schema (design rule 6), runs the handler, wraps the outcome.
 */
export async function dispatchCall(
  handlers: CallHandlers,
  name: unknown,
  rawInput: unknown,
  logger: Logger,
): Promise<CallOutcome<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `Unknown call ${String(name)}` } }
  }
  const parsed = callContract[name].input.safeParse(rawInput)
  if (!parsed.success) return { ok: false, error: toErrorInfo(parsed.error) }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    const info = toErrorInfo(error)
    if (info.code === 'internal') logger.error(`call ${name} failed`, { error })
    return { ok: false, error: info }
  }
}
