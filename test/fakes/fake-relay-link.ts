import type { ConnectRelay, RelayLinkEvents, RelayLinkTarget } from '../../core/ports/relay-link'
import type { RelayFix } from '../../shared/domain/relay-wire'

/** One connection the desk opened: what it asked for, and the relay's side of it for the test to play. */
export interface FakeConnection {
  target: RelayLinkTarget
  events: RelayLinkEvents
  closedByDesk: boolean
  /** Opens and sends hello (resumed when the desk gave a place to resume from). */
  accept(organizationId?: string): void
  send(message: object): void
}

/**
 * Stands in for the ws adapter: every connect() is recorded, and the test answers it (accept, refuse,
 * fail, close) as a relay node would.
 */
export class FakeRelayLink {
  readonly connections: FakeConnection[] = []

  readonly connect: ConnectRelay = (target, events) => {
    const connection: FakeConnection = {
      target,
      events,
      closedByDesk: false,
      accept(organizationId = 'org-1') {
        events.opened()
        this.send({ t: 'hello', organizationId, node: 'fake', resumed: target.resumeAfter !== null })
      },
      send(message) {
        events.message(JSON.stringify(message))
      },
    }
    this.connections.push(connection)
    return { close: () => void (connection.closedByDesk = true) }
  }

  get last(): FakeConnection {
    const last = this.connections.at(-1)
    if (!last) throw new Error('the desk has not connected')
    return last
  }
}

/** A fix as the relay sends it. */
export function relayFix(assetId: string, fixTime: number, lat = 19.43, lng = -99.13): RelayFix {
  return {
    assetId,
    lat,
    lng,
    speed: null,
    heading: null,
    altitude: null,
    fixTime,
    receivedAt: fixTime,
    timeMissing: false,
    futureFix: false,
    extra: {},
  }
}
