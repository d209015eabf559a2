/** Monotonic milliseconds shared by every process on this machine (CLOCK_MONOTONIC), sub-ms precise. */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

export interface Spread {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort()
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(percentile(sorted, 100)),
  }
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 50)
}

/** Two decimals for ms, whole numbers for big rates: enough for a report, easy to diff. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
