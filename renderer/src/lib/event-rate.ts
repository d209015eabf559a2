export interface CounterSample {
  at: number
  count: number
}

/** Samples kept: enough for a ten-second average at one listener update per second. */
const WINDOW_MS = 10_000

/** Adds a sample and drops those older than the window; a counter that went down (restart) starts over. */
export function addSample(samples: readonly CounterSample[], next: CounterSample): CounterSample[] {
  const last = samples[samples.length - 1]
  if (last && next.count < last.count) return [next]
  return [...samples.filter((s) => next.at - s.at <= WINDOW_MS), next]
}

/** Events per second over the samples' span, or 0 with fewer than two samples. */
export function ratePerSecond(samples: readonly CounterSample[], now: number): number {
  const first = samples[0]
  const last = samples[samples.length - 1]
  if (!first || !last || last === first) return 0
  // Measured up to now, not to the last sample: a listener that went quiet decays towards 0.
  const span = Math.max(now, last.at) - first.at
  return span > 0 ? ((last.count - first.count) * 1000) / span : 0
}
