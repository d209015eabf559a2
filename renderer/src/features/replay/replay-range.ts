import type { ReplayRange } from '../../store/replay-slice'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** Shifts start at these local hours (three 8-hour shifts, the usual pattern of dispatch centres). */
export const SHIFT_STARTS = [6, 14, 22] as const

/** The [from, to] of a preset range at `now`, in local time; null for 'custom' (the user gives both). */
export function rangeOf(range: ReplayRange, now: number): { from: number; to: number } | null {
  switch (range) {
    case 'last-10-min':
      return { from: now - 10 * MINUTE, to: now }
    case 'last-hour':
      return { from: now - HOUR, to: now }
    case 'shift':
      return { from: shiftStart(now), to: now }
    case 'yesterday': {
      const today = new Date(now)
      today.setHours(0, 0, 0, 0)
      const yesterday = new Date(today)
      yesterday.setDate(today.getDate() - 1)
      return { from: yesterday.getTime(), to: today.getTime() }
    }
    case 'custom':
      return null
  }
}

/** The start of the shift `now` falls in: today at 06:00 or 14:00, or 22:00 (yesterday's before 06:00). */
export function shiftStart(now: number): number {
  const date = new Date(now)
  const hour = date.getHours()
  const start = new Date(now)
  start.setMinutes(0, 0, 0)
  if (hour < SHIFT_STARTS[0]) {
    start.setDate(start.getDate() - 1)
    start.setHours(SHIFT_STARTS[2])
  } else {
    start.setHours([...SHIFT_STARTS].reverse().find((h) => hour >= h) ?? SHIFT_STARTS[0])
  }
  return start.getTime()
}

/** `datetime-local` input text for an epoch-ms time, in local time. */
export function toLocalInput(epochMs: number): string {
  const d = new Date(epochMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Epoch ms of a `datetime-local` value, or null when it is empty or not a time. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(value)) return null
  const ms = new Date(value).getTime()
  return Number.isFinite(ms) ? ms : null
}
