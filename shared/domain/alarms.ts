import type { z } from 'zod'
import { alarmKindSchema } from '../schemas/settings'

/** What happened to a vehicle that a dispatcher must hear about. */
export type AlarmKind = z.infer<typeof alarmKindSchema>
export const ALARM_KINDS: readonly AlarmKind[] = alarmKindSchema.options

/**
 * new → acknowledged (by whom, when, an optional note) → cleared. An alarm is cleared once it is
 * acknowledged and its condition has ended (the vehicle reported again, or slowed down); one whose
 * condition ends before anyone saw it stays new, so nothing is missed.
 */
export type AlarmState = 'new' | 'acknowledged' | 'cleared'
export const ALARM_STATES: readonly AlarmState[] = ['new', 'acknowledged', 'cleared']

export interface Alarm {
  id: number
  kind: AlarmKind
  assetId: string
  /** Epoch ms. */
  raisedAt: number
  /** km/h when it was raised, for speeding; null otherwise. */
  speed: number | null
  state: AlarmState
  /** When the condition ended, or null while it lasts. */
  endedAt: number | null
  acknowledgedAt: number | null
  /** The signed-in user who acknowledged it. */
  acknowledgedBy: string | null
  note: string | null
  clearedAt: number | null
}

export type AlarmCounts = Record<AlarmState, number>

/** Pushed when alarms are raised or change: the changed alarms, which of them are new, and the totals. */
export interface AlarmsChange {
  alarms: Alarm[]
  /** Ids among `alarms` raised just now (notifications and sound follow these, never a restored list). */
  raised: number[]
  counts: AlarmCounts
}

/** Notes longer than this are refused: a note says what was done, it is not a report. */
export const MAX_ALARM_NOTE = 500
