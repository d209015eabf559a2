import type { CallHandlers } from './call-handlers'
import type { ShiftMemory } from './shift-memory'

type MemoryCall = Extract<keyof CallHandlers, `history:${string}` | `alarms:${string}`>

/** The shift's memory as calls: the history (range, tracks, the fleet at a minute, health) and the alarm inbox. */
export function memoryHandlers(memory: ShiftMemory): Pick<CallHandlers, MemoryCall> {
  return {
    'history:range': () => memory.range(),
    'history:tracks': ({ assetIds, from, to }) => memory.tracks(assetIds, from, to),
    'history:fleet-at': ({ at }) => memory.fleetAt(at),
    'history:health': () => memory.history.health(),
    'alarms:list': (filter) => Promise.resolve(memory.listAlarms(filter)),
    'alarms:acknowledge': ({ id, kind, note }) =>
      Promise.resolve(memory.acknowledgeAlarms({ id, kind }, note?.trim() || null)),
  }
}
