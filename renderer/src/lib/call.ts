import { AppError } from '../../../shared/domain/errors'
import type { CallInput, CallName, CallResult } from '../../../shared/ipc/contract'
import { desktopApi } from './desktop-api'

/**
 * Invokes a contract call and unwraps its outcome envelope: resolves with the value or throws an
 * `AppError` carrying the error's code, facts, status and request id.
 */
export async function callApi<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<K>> {
  let outcome
  try {
    outcome = await desktopApi.call(name, input)
  } catch (cause) {
    // The transport itself failed (window closing, socket dropped): say which call it was.
    const detail = cause instanceof Error ? cause.message : String(cause)
    throw new AppError({ code: 'transport', facts: { call: name, detail } })
  }
  if (outcome.ok) return outcome.value
  throw new AppError(outcome.error)
}
