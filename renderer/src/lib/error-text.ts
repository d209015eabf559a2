import i18next from 'i18next'
import { AppError } from '../../../shared/domain/errors'
import type { AppErrorInfo, ErrorParams } from '../../../shared/domain/errors'
import type { TokenProblem, TokenEnding } from '../../../shared/domain/session'
import type { NetworkFailure } from '../../../shared/domain/network-failure'
import type { ValidationKey } from '../../../shared/domain/validation-messages'
import { validationKeyOf } from '../../../shared/domain/validation-messages'
import { esMXErrors } from '../locales/es-mx-errors'

/** The error codes main gives params for (TagoraApiError and ConnectionError). */
export type TranslatedCode =
  | 'api-unreachable'
  | 'unreachable'
  | 'timeout'
  | 'invalid-credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server-error'
  | 'bad-response'
  | 'http-error'
  | 'password-expired'
  | 'parent-expired'
  | 'missing-secret'
  | 'port-in-use'
  | 'port-denied'
  | 'address-unavailable'
  | 'listener-failed'
  | 'settings-unreadable'
  | 'settings-not-json'
  | 'settings-bad-shape'

/**
 * An error said in a language other than English. Templates take {{service}}, {{call}}, {{target}},
 * {{network}}, {{seconds}}, {{status}}, {{name}} and {{port}}; a template whose facts an error lacks
 * is not used.
 */
export interface ErrorTexts {
  lead: Record<TranslatedCode, string>
  advice: Partial<Record<TranslatedCode, string>>
  network: Record<NetworkFailure, string>
  validation: Record<ValidationKey, string>
  /** How a token engine gave up, said before the error that made it give up. */
  ending: Record<TokenEnding, string>
  /** Stands in for {{service}} when the error does not name one. */
  theServer: string
  serverSaid: string
  /** Introduces a low-level detail (an OS error text) kept in English. */
  detail: string
  requestId: string
}

const TEXTS: Record<string, ErrorTexts | undefined> = { 'es-MX': esMXErrors }

/**
 * Main writes every message in English (logs and support need one language). In English the message
 * is shown as written; in another language it is said again from the error's code and params, and
 * kept in English only where no template fits: a true English sentence beats a half-translated one.
 */
export function composeErrorText(error: AppErrorInfo, texts: ErrorTexts | undefined): string {
  if (!texts) return error.message
  const validationKey = error.params === undefined ? validationKeyOf(error.message) : undefined
  if (validationKey) return texts.validation[validationKey]
  const code = error.code as TranslatedCode
  if (error.params === undefined || !(code in texts.lead)) return error.message
  const facts = factsOf(error.params, error.status, texts)
  const lead = fill(texts.lead[code], facts)
  if (lead === null) return error.message
  const parts = [`${lead.replace(/[.\s]+$/, '')}.`]
  const said = error.params.serverMessage?.trim()
  if (said) parts.push(`${fill(texts.serverSaid, { message: said.replace(/[.\s]+$/, '') }) ?? ''}`)
  const detail = error.params.detail?.trim()
  if (detail) parts.push(`${fill(texts.detail, { message: detail.replace(/[.\s]+$/, '') }) ?? ''}`)
  const advice = texts.advice[code] === undefined ? null : fill(texts.advice[code], facts)
  if (advice) parts.push(advice)
  if (error.requestId) parts.push(fill(texts.requestId, { id: error.requestId }) ?? '')
  return parts.join(' ')
}

/** Anything thrown by a call, said in the language the user chose. */
export function errorText(cause: unknown): string {
  // Not toAppError from ./call: that module reaches for the desktop API as it loads.
  const error: AppErrorInfo =
    cause instanceof AppError
      ? cause
      : { code: 'unexpected', message: cause instanceof Error ? cause.message : String(cause) }
  return composeErrorText(error, TEXTS[i18next.language])
}

/** The same, for an error already in hand (ErrorBox, forms keeping the whole error). */
export function errorInfoText(error: AppErrorInfo): string {
  return composeErrorText(error, TEXTS[i18next.language])
}

/** A problem kept in pushed state (listener, session, sync): its structured form when main sent one. */
export function problemText(problem: AppErrorInfo | null | undefined, english: string | null): string | null {
  return problem ? errorInfoText(problem) : english
}

/** A connection's or the session's token problem; `english` is main's sentence for the same facts. */
export function tokenProblemText(problem: TokenProblem | null, english: string | null): string | null {
  return composeTokenProblem(problem, english, TEXTS[i18next.language])
}

/** The ending (why the engine gave up) before the error that made it give up. */
export function composeTokenProblem(
  problem: TokenProblem | null,
  english: string | null,
  texts: ErrorTexts | undefined,
): string | null {
  if (!problem || !texts) return english
  const said = composeErrorText(problem.error, texts)
  return problem.ending ? `${texts.ending[problem.ending]}: ${said}` : said
}

/** Why a request got no answer (the API probe), in the chosen language; `english` is main's words. */
export function networkText(network: NetworkFailure | undefined, english: string): string {
  const texts = TEXTS[i18next.language]
  if (!texts || network === undefined) return english
  return networkWords(network, texts)
}

/** A sentence from the shared schemas (a zod issue's message), in the language the user chose. */
export function validationText(message: string): string {
  return composeErrorText({ code: 'validation', message }, TEXTS[i18next.language])
}

function factsOf(params: ErrorParams, status: number | undefined, texts: ErrorTexts): Record<string, string> {
  const facts: Record<string, string> = { service: params.service ?? texts.theServer }
  if (params.call !== undefined) facts.call = params.call
  if (params.target !== undefined) facts.target = params.target
  if (params.seconds !== undefined) facts.seconds = String(params.seconds)
  if (params.name !== undefined) facts.name = params.name
  if (params.port !== undefined) facts.port = String(params.port)
  if (status !== undefined) facts.status = String(status)
  if (params.network !== undefined) facts.network = networkWords(params.network as NetworkFailure, texts)
  return facts
}

/** Fills {{name}} placeholders; null when the template needs a fact that is missing. */
function fill(template: string, facts: Record<string, string>): string | null {
  let missing = false
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = facts[name]
    if (value === undefined) missing = true
    return value ?? ''
  })
  return missing ? null : text
}

/** A network failure key in the texts' language (the generic words for a key they do not know). */
function networkWords(network: NetworkFailure, texts: ErrorTexts): string {
  return texts.network[network] ?? texts.network.other
}
