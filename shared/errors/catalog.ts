import type { ErrorCode } from './codes'
import type { ErrorResources } from './template'
import { connectionsEn } from './catalog-en/connections'
import { feedEn, relayEn } from './catalog-en/feed'
import { historyEn } from './catalog-en/history'
import { httpEn } from './catalog-en/http'
import { listenerEn, sessionEn } from './catalog-en/session'
import { setupEn } from './catalog-en/setup'
import { appEn, validationEn } from './catalog-en/validation'
import { wordsEn } from './catalog-en/words'
import { connectionsEsMX } from './catalog-es-mx/connections'
import { feedEsMX, relayEsMX } from './catalog-es-mx/feed'
import { historyEsMX } from './catalog-es-mx/history'
import { httpEsMX } from './catalog-es-mx/http'
import { listenerEsMX, sessionEsMX } from './catalog-es-mx/session'
import { setupEsMX } from './catalog-es-mx/setup'
import { appEsMX, validationEsMX } from './catalog-es-mx/validation'
import { wordsEsMX } from './catalog-es-mx/words'

/** The languages the app speaks (the renderer's Language). */
export type ErrorLanguage = 'en' | 'es-MX'

/** The i18next namespace the catalog is registered under, in main's instance and in the renderer's. */
export const ERRORS_NS = 'errors'

/**
 * The one error catalog: every code's words in every language. Each area is a `Record` over its codes,
 * so a code missing from a language does not compile.
 */
export const ERROR_CATALOG: Record<ErrorLanguage, ErrorResources> = {
  en: {
    code: {
      ...httpEn,
      ...connectionsEn,
      ...sessionEn,
      ...listenerEn,
      ...setupEn,
      ...feedEn,
      ...relayEn,
      ...historyEn,
      ...validationEn,
      ...appEn,
    },
    ...wordsEn,
  },
  'es-MX': {
    code: {
      ...httpEsMX,
      ...connectionsEsMX,
      ...sessionEsMX,
      ...listenerEsMX,
      ...setupEsMX,
      ...feedEsMX,
      ...relayEsMX,
      ...historyEsMX,
      ...validationEsMX,
      ...appEsMX,
    },
    ...wordsEsMX,
  },
}

/** True for a string that is one of the catalog's codes (a zod message, a code from an older build). */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG.en.code, value)
}
