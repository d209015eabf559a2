import i18next from 'i18next'
import type { i18n, InitOptions } from 'i18next'
import type { TokenProblem } from './facts'
import { ERROR_CATALOG, ERRORS_NS } from './catalog'
import type { ErrorLanguage } from './catalog'
import type { AppErrorInfo } from './facts'

/** i18next's `t` as describe uses it: a key of the catalog and the values to interpolate. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** The options main's instance and the renderer's share, so both say an error the same way. */
export const ERROR_I18N_OPTIONS = {
  fallbackLng: 'en',
  // React escapes text content, and logs are not HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions

let instance: i18n | null = null

/** Main's own i18next instance, holding only the catalog; made on first use. */
function catalogI18n(): i18n {
  if (instance) return instance
  const created = i18next.createInstance()
  // Resources are inline, so initAsync: false makes it ready before init returns.
  void created.init({
    ...ERROR_I18N_OPTIONS,
    initAsync: false,
    lng: 'en',
    ns: [ERRORS_NS],
    defaultNS: ERRORS_NS,
    resources: { en: { [ERRORS_NS]: ERROR_CATALOG.en }, 'es-MX': { [ERRORS_NS]: ERROR_CATALOG['es-MX'] } },
  })
  instance = created
  return created
}

/** The catalog's `t` in one language, from main's instance (the renderer passes its own i18next `t`). */
export function translator(lang: ErrorLanguage): Translate {
  const t = catalogI18n().getFixedT(lang, ERRORS_NS)
  return (key, options) => t(key, options)
}

/** An error in words: main uses English for its logs; the renderer the user's language. */
export function describe(info: AppErrorInfo, lang: ErrorLanguage): string {
  return describeWith(translator(lang), info)
}

/**
 * An error in words through any i18next `t` over the catalog: the lead, the server's own words quoted,
 * the error that caused it, the advice, and the request id for support.
 */
export function describeWith(t: Translate, info: AppErrorInfo): string {
  const values = valuesOf(t, info)
  let text = t(`code.${info.code}.lead`, values)
  const said = withoutStop(info.facts?.serverMessage ?? '')
  if (said) text = t('frame.said', { lead: withoutStop(text), said })
  const cause = info.facts?.cause
  if (cause) text = t('frame.cause', { lead: withoutStop(text), cause: describeWith(t, cause) })
  const advice = t(`code.${info.code}.advice`, { ...values, defaultValue: '' })
  if (advice) text = t('frame.advice', { text, advice })
  if (info.requestId) text = t('frame.requestId', { text, id: info.requestId })
  return text
}

/** A token engine's problem: how it gave up, when it did, then the error that made it. */
export function describeTokenProblem(t: Translate, problem: TokenProblem): string {
  const error = describeWith(t, problem.error)
  return problem.ending ? t('frame.ending', { ending: t(`ending.${problem.ending}`), error }) : error
}

/** The facts as template values: keyed facts in words, the server named even when the error did not. */
function valuesOf(t: Translate, info: AppErrorInfo): Record<string, unknown> {
  const { cause: _cause, network, secret, credentials, ...plain } = info.facts ?? {}
  const values: Record<string, unknown> = {
    ...plain,
    service: plain.service ?? t('frame.theServer'),
    credentials: t(`credentials.${credentials ?? 'any'}`),
  }
  if (info.status !== undefined) values.status = info.status
  if (secret !== undefined) values.secret = t(`secret.${secret}`)
  // A failure no key names is said in its own low-level words, kept as they are.
  if (network !== undefined)
    values.network = network === 'other' && plain.detail ? plain.detail : t(`network.${network}`)
  return values
}

function withoutStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '')
}
