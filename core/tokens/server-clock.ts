/**
 * The server's clock as seen from ours: `offset` is server time minus local time, measured from each
 * response's Date header. Token times are judged on it, so a desktop clock minutes off cannot make a
 * renewal late (docs/tagora-api.md, "Clocks").
 */
export class ServerClock {
  private offset = 0

  constructor(private readonly localNow: () => number) {}

  /** Records a Date header; returns how far (ms) the estimate moved, 0 when there was no header. */
  observe(serverDate: number | null): number {
    if (serverDate === null) return 0
    const next = serverDate - this.localNow()
    const moved = Math.abs(next - this.offset)
    this.offset = next
    return moved
  }

  now(): number {
    return this.localNow() + this.offset
  }

  toLocal(serverMs: number): number {
    return serverMs - this.offset
  }
}
