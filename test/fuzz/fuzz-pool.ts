import fc from 'fast-check'

/** What one family of inputs did: how many were sent and how the host answered them. */
export class FamilyTally {
  sent = 0
  readonly outcomes: Record<string, number> = {}
  /** Answers that break a rule of the run (a 500, an accepted forgery, a socket opened without the secret). */
  readonly violations: string[] = []

  count(outcome: string): void {
    this.sent++
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1
  }

  violate(what: string): void {
    // Keep a sample, not 100k copies of the same complaint.
    if (this.violations.length < 20) this.violations.push(what)
    else this.outcomes['violations (more)'] = (this.outcomes['violations (more)'] ?? 0) + 1
  }

  get violationCount(): number {
    return this.violations.length + (this.outcomes['violations (more)'] ?? 0)
  }
}

/** Shared by every family: the run stops sending as soon as the host is gone. */
export interface RunControl {
  seed: number
  stopped(): boolean
}

/** Runs `count` jobs, at most `concurrency` at a time, until done or the run is stopped. */
export async function runPool(
  count: number,
  concurrency: number,
  control: RunControl,
  job: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count && !control.stopped()) await job(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

/**
 * Inputs drawn from an arbitrary in chunks (a 100k-input family never sits in memory at once), each
 * chunk seeded from the run's seed, so a run is reproduced by its seed.
 */
export function sampler<T>(arbitrary: fc.Arbitrary<T>, seed: number, chunk = 500): (index: number) => T {
  let start = -1
  let values: T[] = []
  return (index) => {
    const chunkStart = index - (index % chunk)
    if (chunkStart !== start) {
      start = chunkStart
      values = fc.sample(arbitrary, { numRuns: chunk, seed: seed + chunkStart })
    }
    return values[index - chunkStart]!
  }
}

/** A small seeded PRNG (mulberry32) for choices made outside fast-check. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
