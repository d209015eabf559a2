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

/** The webhook list reaches the window a moment after sign-in: the hint must not flash before it. */
const WEBHOOKS_SETTLE_MS = 3000

/**
 * A desk on its own listener with no webhook registered: Tagora sends it nothing, so a new user's map
 * stays empty with no reason given. Said at once (not after the stale threshold), until a position
 * arrives or a webhook is registered. A desk on the relay needs no webhook of its own.
 */
export function needsWebhook(input: {
  now: number
  signedInSince: number | null
  lastEventAt: number | null
  webhooks: number
  onRelay: boolean
}): boolean {
  const { now, signedInSince, lastEventAt } = input
  if (input.onRelay || input.webhooks > 0 || signedInSince === null) return false
  if (lastEventAt !== null && lastEventAt >= signedInSince) return false
  return now - signedInSince >= WEBHOOKS_SETTLE_MS
}
