/**
 * The `X-nugios-timezone` value: minutes EAST of UTC, as the document's example reads (240 = UTC+4).
 * JavaScript's Date.getTimezoneOffset counts the other way (UTC+4 → -240; Mexico City, UTC-6 → 360), hence
 * the minus. A configured offset wins; otherwise it is this computer's offset at `now`, so a daylight-
 * saving change follows. Shared: main sends it, the form shows the value it will send.
 */
export function nugiosTimezoneMinutes(configured: number | null, now: Date = new Date()): number {
  const minutes = configured ?? -now.getTimezoneOffset()
  return minutes === 0 ? 0 : minutes // never "-0"
}

/** "UTC+04:00", "UTC-06:00", "UTC+05:30": the offset in the form people read it. */
export function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `UTC${sign}${hh}:${mm}`
}
