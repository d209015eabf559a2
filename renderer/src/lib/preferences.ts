/**
 * Per-computer display preferences (theme, clustering) kept in the renderer's localStorage, like
 * the language: they describe this screen, not the account, so they stay out of the settings file.
 */
export function readPreference<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const stored = globalThis.localStorage?.getItem(`fleet-monitor.${key}`)
  return allowed.find((value) => value === stored) ?? fallback
}

export function writePreference(key: string, value: string): void {
  globalThis.localStorage?.setItem(`fleet-monitor.${key}`, value)
}
