/** RFC 4180 quoting, and a leading ' on text that a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A number with fixed decimals, or empty when unknown. */
export function csvNumber(value: number | null | undefined, digits: number): string {
  return value === undefined || value === null || !Number.isFinite(value) ? '' : value.toFixed(digits)
}

/** An epoch-ms time as UTC ISO 8601, or empty. */
export function csvTime(epochMs: number | null | undefined): string {
  return epochMs === undefined || epochMs === null || !Number.isFinite(epochMs)
    ? ''
    : new Date(epochMs).toISOString()
}

/** Lines joined with CRLF, as RFC 4180 says (Excel opens either). */
export function csvText(lines: readonly string[]): string {
  return lines.join('\r\n') + '\r\n'
}

/** "fleet-positions-2026-11-25-0930.csv": sortable, and never overwriting the previous export of the day. */
export function exportFileName(now: Date, prefix = 'fleet-positions', extension = 'csv'): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.${extension}`
}
