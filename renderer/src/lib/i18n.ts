import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
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

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'es-MX': { translation: esMX } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    // React already escapes text content.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
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
