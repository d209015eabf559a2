import { useEffect, useState } from 'react'
import { errorText } from './error-text'

/**
 * Calls `load` now and every `intervalMs` while mounted; keeps the last good value and the last
 * error. For panels that show main-side state nobody pushes (API probe, raw events).
 */
export function usePolledCall<T>(
  load: () => Promise<T>,
  intervalMs: number,
): { value: T | null; error: string | null } {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(
    function poll() {
      let stopped = false
      const run = () =>
        load().then(
          (next) => {
            if (stopped) return
            setValue(next)
            setError(null)
          },
          (cause: unknown) => {
            if (!stopped) setError(errorText(cause))
          },
        )
      void run()
      const timer = setInterval(() => void run(), intervalMs)
      return () => {
        stopped = true
        clearInterval(timer)
      }
    },
    [load, intervalMs],
  )
  return { value, error }
}
