import type { Alarm, AlarmCounts, AlarmKind, AlarmsChange, AlarmState } from '../../shared/domain/alarms'
import type { AlarmChange } from './alarm-detector'

/** Alarms held in memory: every open one and the newest others (older ones stay in the history file). */
export const MAX_ALARMS_HELD = 5000
/** Rows one list call returns at most. */
export const MAX_ALARMS_LISTED = 5000

export interface AlarmFilter {
  state?: AlarmState
  kind?: AlarmKind
  assetId?: string
  limit?: number
}

export interface AlarmInboxOptions {
  now(): number
  /** Writes changed alarms through to the history file. */
  save(alarms: Alarm[]): void
  /** Tells the windows (pushed as alarms:changed). */
  changed(change: AlarmsChange): void
}

/**
 * The alarm inbox of the signed-in organization: one alarm per vehicle and kind while its condition
 * lasts, then new → acknowledged → cleared. Every change is saved and pushed at once.
 */
export class AlarmInbox {
  private readonly alarms = new Map<number, Alarm>()
  /** `assetId kind` → id of the alarm whose condition still lasts. */
  private readonly ongoing = new Map<string, number>()
  private nextId = 1

  constructor(private readonly options: AlarmInboxOptions) {}

  /** Starts from what the history file holds for this organization (newest first). */
  load(alarms: readonly Alarm[], nextId: number): void {
    this.reset()
    this.nextId = Math.max(nextId, 1)
    for (const alarm of alarms) {
      this.alarms.set(alarm.id, alarm)
      if (alarm.endedAt === null) this.ongoing.set(key(alarm), alarm.id)
    }
    this.options.changed({ alarms: [], raised: [], counts: this.counts() })
  }

  /** Forgets this organization's alarms (signed out); the file keeps them. */
  reset(): void {
    this.alarms.clear()
    this.ongoing.clear()
  }

  /** Conditions that began and ended since the last look. */
  apply(raised: readonly AlarmChange[], ended: readonly AlarmChange[]): void {
    const now = this.options.now()
    const changed: Alarm[] = []
    const fresh: number[] = []
    for (const change of ended) {
      const id = this.ongoing.get(key(change))
      const alarm = id === undefined ? undefined : this.alarms.get(id)
      if (!alarm) continue
      this.ongoing.delete(key(change))
      const next: Alarm = { ...alarm, endedAt: now }
      if (next.state === 'acknowledged') Object.assign(next, { state: 'cleared', clearedAt: now })
      changed.push(this.put(next))
    }
    for (const change of raised) {
      if (this.ongoing.has(key(change))) continue
      const alarm: Alarm = {
        id: this.nextId++,
        kind: change.kind,
        assetId: change.assetId,
        raisedAt: now,
        speed: change.speed ?? null,
        state: 'new',
        endedAt: null,
        acknowledgedAt: null,
        acknowledgedBy: null,
        note: null,
        clearedAt: null,
      }
      this.ongoing.set(key(alarm), alarm.id)
      changed.push(this.put(alarm))
      fresh.push(alarm.id)
    }
    this.publish(changed, fresh)
  }

  /**
   * Acknowledges one alarm (by id) or every new one of a kind (or of every kind): by whom, when, why.
   * An alarm whose condition has already ended is cleared at once. Returns how many it acknowledged.
   */
  acknowledge(target: { id?: number; kind?: AlarmKind }, by: string, note: string | null): number {
    const now = this.options.now()
    const changed: Alarm[] = []
    for (const alarm of this.alarms.values()) {
      if (alarm.state !== 'new') continue
      if (target.id !== undefined ? alarm.id !== target.id : target.kind && alarm.kind !== target.kind)
        continue
      const ended = alarm.endedAt !== null
      changed.push(
        this.put({
          ...alarm,
          state: ended ? 'cleared' : 'acknowledged',
          acknowledgedAt: now,
          acknowledgedBy: by,
          note,
          clearedAt: ended ? now : null,
        }),
      )
    }
    this.publish(changed, [])
    return changed.length
  }

  /** Newest first. */
  list(filter: AlarmFilter = {}): Alarm[] {
    const out: Alarm[] = []
    for (const alarm of this.alarms.values()) {
      if (filter.state && alarm.state !== filter.state) continue
      if (filter.kind && alarm.kind !== filter.kind) continue
      if (filter.assetId && alarm.assetId !== filter.assetId) continue
      out.push(alarm)
    }
    out.sort((a, b) => b.raisedAt - a.raisedAt || b.id - a.id)
    return out.slice(0, Math.min(filter.limit ?? MAX_ALARMS_LISTED, MAX_ALARMS_LISTED))
  }

  counts(): AlarmCounts {
    const counts: AlarmCounts = { new: 0, acknowledged: 0, cleared: 0 }
    for (const alarm of this.alarms.values()) counts[alarm.state]++
    return counts
  }

  private put(alarm: Alarm): Alarm {
    this.alarms.set(alarm.id, alarm)
    return alarm
  }

  private publish(changed: Alarm[], raised: number[]): void {
    if (changed.length === 0) return
    this.trim()
    this.options.save(changed)
    this.options.changed({ alarms: changed, raised, counts: this.counts() })
  }

  /** Past the cap, the oldest cleared alarms leave memory first (the file keeps them). */
  private trim(): void {
    if (this.alarms.size <= MAX_ALARMS_HELD) return
    const cleared = [...this.alarms.values()].filter((a) => a.state === 'cleared')
    cleared.sort((a, b) => a.raisedAt - b.raisedAt)
    for (const alarm of cleared.slice(0, this.alarms.size - MAX_ALARMS_HELD)) this.alarms.delete(alarm.id)
  }
}

function key(alarm: { assetId: string; kind: AlarmKind }): string {
  return `${alarm.assetId} ${alarm.kind}`
}
