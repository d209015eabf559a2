/**
 * Data-driven paints may use at most this share of the main thread, so 50k vehicles updating every
 * second leave room for panning, clicks and the list.
 */
export const DATA_PAINT_SHARE = 0.5

/**
 * How long (ms) new data should wait before it is painted: after a paint of P ms that ended at
 * `lastEnd`, the next may start P·(1/share − 1) ms later. Paints cheaper than `cheapMs` are never held
 * back; 10k vehicles (~26 ms) wait a few ms at most at the 50 ms batch beat. 0 or less: paint now.
 */
export function dataPaintDelay(lastMs: number, lastEnd: number, now: number, cheapMs: number): number {
  if (lastMs < cheapMs) return 0
  return lastEnd + lastMs * (1 / DATA_PAINT_SHARE - 1) - now
}
