import type { SignedOutCode } from '../../shared/domain/session'
import { TagoraApiError } from '../tagora/tagora-api-error'

/** How a session ended: a code the login screen localizes, the server's words, and an English sentence. */
export interface SignedOut {
  code: SignedOutCode
  /** What Tagora said (message and request id), or null. */
  detail: string | null
  /** One English sentence for logs and for calls refused after the end. */
  reason: string
}

/** The error's message, which for a TagoraApiError already names the call and the request id. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Builds the record of why the session ended from what went wrong. */
export function signedOut(code: Exclude<SignedOutCode, 'other'>, error: unknown): SignedOut {
  const detail = describeError(error)
  switch (code) {
    case 'renewal-refused':
      return {
        code,
        detail,
        reason: `You were signed out because Tagora refused to renew the session: ${detail}`,
      }
    case 'renewal-failed':
      return {
        code,
        detail,
        reason: `You were signed out because the session could not be renewed: ${detail}`,
      }
    case 'rejected-twice': {
      const call = error instanceof TagoraApiError ? ` (${error.call})` : ''
      return {
        code,
        detail,
        reason: `You were signed out because Tagora rejected the session twice in a row${call}. Sign in again.`,
      }
    }
    case 'saved-sign-in-refused':
      return {
        code,
        detail,
        reason: `Your saved sign-in is no longer accepted by Tagora: ${detail} Sign in again.`,
      }
    case 'restore-failed':
      return { code, detail, reason: `Could not restore your session: ${detail}` }
  }
}

/** A reason given by the app itself (signOut(reason)). */
export function signedOutBecause(reason: string): SignedOut {
  return { code: 'other', detail: null, reason }
}
