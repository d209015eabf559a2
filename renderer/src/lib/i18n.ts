import i18next from 'i18next'
import type { InitOptions } from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { ERROR_CATALOG, ERRORS_NS } from '../../../shared/errors/catalog'
import { ERROR_I18N_OPTIONS } from '../../../shared/errors/describe'
import { en } from '../locales/en'
import { esMX } from '../locales/es-mx'
import type { Language } from './language'
import { LANGUAGES, pickLanguage } from './language'

const STORAGE_KEY = 'fleet-monitor.language'

function initialLanguage(): Language {
  // A choice made with the header switch wins over the OS language.
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
  const known = LANGUAGES.find((l) => l === stored)
  return known ?? pickLanguage(globalThis.navigator?.language)
}

/** Resources and options of the app's i18next: the UI's strings and the error catalog. */
export const I18N_OPTIONS = {
  // The options main's catalog instance uses too (shared/errors/describe.ts): an error reads the same.
  ...ERROR_I18N_OPTIONS,
  // The error catalog is its own namespace: lib/error-text.ts says every error through it.
  resources: {
    en: { translation: en, [ERRORS_NS]: ERROR_CATALOG.en },
    'es-MX': { translation: esMX, [ERRORS_NS]: ERROR_CATALOG['es-MX'] },
  },
  ns: ['translation', ERRORS_NS],
  defaultNS: 'translation',
} satisfies InitOptions

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({ ...I18N_OPTIONS, lng: initialLanguage() })
  document.documentElement.lang = i18next.language
}

export async function setLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language)
  await i18next.changeLanguage(language)
  document.documentElement.lang = language
}

/** The active language, narrowed to the ones we ship. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return i18n.language === 'es-MX' ? 'es-MX' : 'en'
}
