export type DataAge = { kind: 'old'; ageMs: number } | { kind: 'none'; ageMs: number } | null

/**
 * Whether the map's data is too old to trust: nothing received for longer than the stale threshold,
 * or nothing at all since signing in that long ago. Null while the data is fresh.
 */
export function dataAge(
  now: number,
  lastEventAt: number | null,
  signedInSince: number | null,
  thresholdMs: number,
): DataAge {
  if (lastEventAt !== null && (signedInSince === null || lastEventAt >= signedInSince)) {
    const ageMs = now - lastEventAt
    return ageMs > thresholdMs ? { kind: 'old', ageMs } : null
  }
  if (signedInSince === null) return null
  const waited = now - signedInSince
  return waited > thresholdMs ? { kind: 'none', ageMs: waited } : null
}
