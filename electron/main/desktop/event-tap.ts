import type { EventName, EventPayload } from '../../../shared/ipc/contract'
import type { EventSink } from '../../../core/app/event-hub'

/** An EventSink that only watches one event, for main-process observers such as the tray. */
export function eventTap<K extends EventName>(
  name: K,
  onEvent: (payload: EventPayload<K>) => void,
): EventSink {
  return {
    send(event: EventName, payload: unknown) {
      // The name check makes the payload this event's payload.
      if (event === name) onEvent(payload as EventPayload<K>)
    },
    isBackedUp: () => false,
  }
}
