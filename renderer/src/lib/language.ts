export type Language = 'es-MX' | 'en'
export const LANGUAGES: readonly Language[] = ['es-MX', 'en']

/** Any Spanish variant gets Mexican Spanish; everything else English. */
export function pickLanguage(navigatorLanguage: string | undefined): Language {
  return navigatorLanguage?.toLowerCase().startsWith('es') ? 'es-MX' : 'en'
}
