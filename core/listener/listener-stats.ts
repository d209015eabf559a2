import type { ListenerState, RejectReason } from '../../shared/domain/listener'

/** Counters that outlive restarts of the server: the user compares them across a port change. */
export class ListenerStats {
  accepted = 0
  lastEventAt: number | null = null
  private readonly rejected: Partial<Record<RejectReason, number>> = {}

  reject(reason: RejectReason, count = 1): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + count
  }

  accept(count: number, at: number): void {
    if (count === 0) return
    this.accepted += count
    this.lastEventAt = at
  }

  snapshot(lifecycle: Pick<ListenerState, 'state' | 'url' | 'problem'>): ListenerState {
    return {
      ...lifecycle,
      accepted: this.accepted,
      rejected: { ...this.rejected },
      lastEventAt: this.lastEventAt,
    }
  }
}
