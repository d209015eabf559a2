/** A port to suggest beside a busy one (the default's neighbour when the busy one is unknown). */
export function nextPort(busy: number | null): number {
  return busy === null || busy === 0 || busy >= 65535 ? 8788 : busy + 1
}
