import type { AlarmKind } from '../../../../shared/domain/alarms'

/** One vehicle's alarm as the announcer hears of it. */
export interface AlarmRaised {
  kind: AlarmKind
  assetId: string
  at: number
  /** km/h, for speeding. */
  speed?: number
}

/** What one notification says: one alarm, or a burst of the same kind grouped together. */
export interface AlarmBurst {
  id: number
  kind: AlarmKind
  assetIds: string[]
  at: number
  /** Highest speed in the group, for speeding. */
  speed?: number
}

/**
 * Collects alarms per kind for `windowMs` after the first one, then hands them over as one burst:
 * when a depot's router dies, the dispatcher gets "12 vehicles went offline" once, not 12 popups.
 * Pure and clock-driven (the caller passes `now`) so it is testable without timers.
 */
export class AlertGrouper {
  private readonly open = new Map<
    AlarmKind,
    { startedAt: number; events: AlarmRaised[]; seen: Set<string> }
  >()
  private nextId = 1

  constructor(private readonly windowMs: number) {}

  add(event: AlarmRaised): void {
    const group = this.open.get(event.kind)
    if (group) {
      // The same vehicle twice in one burst (a flapping speed is one kind): count it once. A set, as a
      // whole fleet going stale together (the tunnel died) is 10,000 alarms in one burst.
      if (group.seen.has(event.assetId)) return
      group.seen.add(event.assetId)
      group.events.push(event)
    } else {
      this.open.set(event.kind, { startedAt: event.at, events: [event], seen: new Set([event.assetId]) })
    }
  }

  /** Bursts whose window has closed by `now`, oldest first. */
  flush(now: number): AlarmBurst[] {
    const out: AlarmBurst[] = []
    for (const [kind, group] of this.open) {
      if (now - group.startedAt < this.windowMs) continue
      this.open.delete(kind)
      const speeds = group.events.map((e) => e.speed ?? 0)
      out.push({
        id: this.nextId++,
        kind,
        assetIds: group.events.map((e) => e.assetId),
        at: group.startedAt,
        ...(kind === 'speeding' ? { speed: Math.max(...speeds) } : {}),
      })
    }
    return out.sort((a, b) => a.at - b.at)
  }

  /** When the next group closes, or null when none is open. */
  nextFlushAt(): number | null {
    let next: number | null = null
    for (const group of this.open.values()) {
      const at = group.startedAt + this.windowMs
      if (next === null || at < next) next = at
    }
    return next
  }
}
