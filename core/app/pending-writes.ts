import { setImmediate as nextTurn } from 'node:timers/promises'
import type { SecretStore } from '../ports/secret-store'

/**
 * Writes that must land before the process ends (a keychain update of a rotated renew token, a
 * window's bounds): each is tracked while in flight, and `settled()` waits until none is left.
 */
export class PendingWrites {
  private readonly inFlight = new Set<Promise<unknown>>()

  /** Tracks the write and hands it back unchanged. */
  track<T>(write: Promise<T>): Promise<T> {
    const entry = write.then(
      () => undefined,
      () => undefined,
    )
    this.inFlight.add(entry)
    void entry.then(() => this.inFlight.delete(entry))
    return write
  }

  get count(): number {
    return this.inFlight.size
  }

  /**
   * Resolves once nothing is in flight. After each round it lets a turn of the event loop pass, so
   * the code awaiting a write (which may start the next one: a forget after a save) runs first.
   */
  async settled(): Promise<void> {
    do {
      await Promise.all(this.inFlight)
      await nextTurn()
    } while (this.inFlight.size > 0)
  }
}

/** The same keychain, with every change tracked: quit waits for them instead of cutting them off. */
export function trackedSecretStore(store: SecretStore, writes: PendingWrites): SecretStore {
  return {
    availability: () => store.availability(),
    get: (account) => store.get(account),
    set: (account, secret) => writes.track(store.set(account, secret)),
    delete: (account) => writes.track(store.delete(account)),
  }
}
