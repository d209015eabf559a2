/**
 * Per-computer display preferences (theme, clustering, motion) kept in the renderer's localStorage, like
 * the language: they describe this screen, not the account, so they stay out of the settings file.
 */
export function readPreference<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const stored = globalThis.localStorage?.getItem(`fleet-monitor.${key}`)
  return allowed.find((value) => value === stored) ?? fallback
}

export function writePreference(key: string, value: string): void {
  globalThis.localStorage?.setItem(`fleet-monitor.${key}`, value)
}

/** A JSON preference, or undefined when missing, unreadable or not of the expected shape. */
export function readJsonPreference<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
  const stored = globalThis.localStorage?.getItem(`fleet-monitor.${key}`)
  if (!stored) return undefined
  try {
    const value: unknown = JSON.parse(stored)
    return value !== null && isValid(value) ? value : undefined
  } catch {
    return undefined
  }
}
