/** Fixes written per second over a sliding window, from one-second buckets. */
export class WriteRate {
  private readonly buckets = new Map<number, number>()

  constructor(private readonly windowMs: number) {}

  add(now: number, fixes: number): void {
    const second = Math.floor(now / 1000)
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + fixes)
    this.forget(now)
  }

  perSecond(now: number): number {
    this.forget(now)
    let total = 0
    for (const count of this.buckets.values()) total += count
    return total / (this.windowMs / 1000)
  }

  private forget(now: number): void {
    const oldest = Math.floor((now - this.windowMs) / 1000)
    for (const second of this.buckets.keys()) if (second <= oldest) this.buckets.delete(second)
  }
}
