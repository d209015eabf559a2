import i18next from 'i18next'
import { AppError } from '../../../shared/domain/errors'
import type { AppErrorInfo } from '../../../shared/domain/errors'
import type { TokenProblem } from '../../../shared/domain/session'
import { ERRORS_NS } from '../../../shared/errors/catalog'
import type { ErrorCode } from '../../../shared/errors/codes'
import { describeTokenProblem, describeWith } from '../../../shared/errors/describe'
import type { Translate } from '../../../shared/errors/describe'
import { infoOfIssues } from '../../../shared/errors/zod-issue'

// Every error the renderer shows is said here, from its facts, by the one catalog (shared/errors)
// registered as i18next's `errors` namespace (lib/i18n.ts): i18next interpolates it, in the user's language.

/** i18next's `t` over the catalog, in the language the user chose. */
function catalogT(): Translate {
  const t = i18next.getFixedT(null, ERRORS_NS)
  return (key, options) => t(key, options)
}

/** An error already in hand (ErrorBox, a problem in pushed state), in the user's language. */
export function errorInfoText(error: AppErrorInfo): string {
  return describeWith(catalogT(), error)
}

/** Anything thrown by a call, in the user's language. */
export function errorText(cause: unknown): string {
  // Not toAppError from ./call: that module reaches for the desktop API as it loads.
  const error: AppErrorInfo =
    cause instanceof AppError
      ? cause
      : { code: 'unexpected', facts: { detail: cause instanceof Error ? cause.message : String(cause) } }
  return errorInfoText(error)
}

/** One code with no facts (a refusal the renderer itself makes, e.g. a form's check). */
export function codeText(code: ErrorCode): string {
  return errorInfoText({ code })
}

/** A problem kept in pushed state (listener, sync, scope, health probe); null when there is none. */
export function problemText(problem: AppErrorInfo | null | undefined): string | null {
  return problem ? errorInfoText(problem) : null
}

/** A connection's or the session's token problem: how the engine gave up, then why. */
export function tokenProblemText(problem: TokenProblem | null): string | null {
  return problem ? describeTokenProblem(catalogT(), problem) : null
}

/** What a shared schema refused (its zod issues carry catalog codes), in the user's language. */
export function issueText(issues: readonly { message: string }[]): string {
  return errorInfoText(infoOfIssues(issues))
}
