import type { CallOutcome } from '../../shared/domain/errors'
import { callContract } from '../../shared/ipc/contract'
import type { Logger } from '../logging/logger'
import type { CallHandlers } from './call-handlers'
import { isCallName } from './call-handlers'
import { toErrorInfo } from '../errors/app-errors'

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
    return { ok: false, error: { code: 'unknown-call', facts: { call: String(name) } } }
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
