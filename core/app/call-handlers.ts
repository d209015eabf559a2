import type { z } from 'zod'
import type { CallName, CallResult } from '../../shared/ipc/contract'
import { callContract } from '../../shared/ipc/contract'

/** One handler per contract call: receives the validated argument, returns plain data. */
export type CallHandlers = {
  [K in CallName]: (input: z.output<(typeof callContract)[K]['input']>) => Promise<CallResult<K>>
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(callContract, name)
}
