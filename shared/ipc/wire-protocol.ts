import type { CallOutcome } from '../domain/errors'

/** Messages of the browser host's WebSocket: the same contract as Electron IPC, framed. */
export type ClientMessage = { t: 'call'; id: number; name: string; input: unknown }

export type ServerMessage =
  { t: 'result'; id: number; outcome: CallOutcome<unknown> } | { t: 'event'; name: string; payload: unknown }

/** Path of the WebSocket endpoint; the per-launch secret travels as `?secret=`. */
export const WIRE_PATH = '/contract'
