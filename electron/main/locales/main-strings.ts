import { en } from './en'
import type { MainStringKey, MainStrings } from './en'
import { esMX } from './es-mx'

export type MainLanguage = 'en' | 'es-MX'

/** Says one native string, with `{name}` filled from params. */
export type Say = (key: MainStringKey, params?: Readonly<Record<string, string | number>>) => string

const TABLES: Record<MainLanguage, MainStrings> = { en, 'es-MX': esMX }

/**
 * The language of the native parts: the system's first preferred language, by the renderer's own
 * rule (any Spanish is es-MX, anything else English), so menu and page agree on a fresh desk.
 */
export function mainLanguage(preferred: readonly string[], locale: string): MainLanguage {
  const first = preferred[0] ?? locale
  return first.toLowerCase().startsWith('es') ? 'es-MX' : 'en'
}

export function sayIn(language: MainLanguage): Say {
  const table = TABLES[language]
  return (key, params = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
