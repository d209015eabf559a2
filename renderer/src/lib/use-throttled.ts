import { useEffect, useState } from 'react'

/**
 * `value`, but changing at most once per `intervalMs`: the last change always lands. For values that
 * change with every telemetry batch (ten times a second) and feed work that need not be that fresh.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value)
  const [shownAt, setShownAt] = useState(0)
  useEffect(
    function catchUp() {
      if (Object.is(value, shown)) return
      const wait = Math.max(0, shownAt + intervalMs - Date.now())
      const timer = setTimeout(() => {
        setShown(value)
        setShownAt(Date.now())
      }, wait)
      return () => clearTimeout(timer)
    },
    [value, shown, shownAt, intervalMs],
  )
  return shown
}
