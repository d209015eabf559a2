import { isErrorCode } from './catalog'
import type { ErrorCode } from './codes'
import type { AppErrorInfo } from './facts'

/**
 * A zod message that is a catalog code: the shared schemas say what is wrong with a code, never with
 * English, so main and the renderer both find the words in the catalog.
 */
export function invalid<C extends ErrorCode>(code: C): C {
  return code
}

/** The first problem zod found, as an error: its code, or zod's own words for a check that names none. */
export function infoOfIssues(issues: readonly { message: string }[]): AppErrorInfo {
  const message = issues[0]?.message ?? 'Invalid input'
  return isErrorCode(message) ? { code: message } : { code: 'invalid-input', facts: { detail: message } }
}
