import type { NetworkFailure } from './network-failure'
import type { TokenEnding } from './vocabulary'
import type { ErrorCode } from './codes'
import type { SecretKind } from './vocabulary'
import type { CredentialKind } from './facts'

/**
 * What one code says, as i18next templates over its facts ({{call}}, {{port}}, …). `lead` is the error
 * itself; `advice` the next step. The server's words, a cause and the request id are placed around them
 * by the frame, so every code gets them the same way.
 */
export interface ErrorTemplate {
  lead: string
  advice?: string
}

/** How the parts of an error are joined in one language (a type, so tests can walk it as a record). */
export type ErrorFrame = {
  /** The lead (its last full stop dropped) and the server's own words. */
  said: string
  /** The lead (its last full stop dropped) and the error that caused it. */
  cause: string
  /** Text so far, then the advice. */
  advice: string
  /** Text so far, then the request id support asks for. */
  requestId: string
  /** How a token engine gave up, then the error that made it give up. */
  ending: string
  /** Stands in for {{service}} when an error does not name one. */
  theServer: string
}

/** Everything the catalog says in one language: registered as i18next's `errors` namespace. */
export interface ErrorResources {
  code: Record<ErrorCode, ErrorTemplate>
  /** Why a request got no answer, for {{network}}. */
  network: Record<NetworkFailure, string>
  /** How a token engine gave up (TokenProblem.ending). */
  ending: Record<TokenEnding, string>
  /** A kind of secret, for {{secret}}. */
  secret: Record<SecretKind, string>
  /** What a refused sign-in sent, for {{credentials}}. */
  credentials: Record<CredentialKind, string>
  frame: ErrorFrame
}
