import type { TokenEnding } from './vocabulary'
import type { NetworkFailure } from './network-failure'
import type { SecretKind } from './vocabulary'
import type { ErrorCode } from './codes'

/** What a sign-in sends, said in words by the catalog ('this email and password'); 'any' when unsaid. */
export type CredentialKind =
  'email-password' | 'login-password' | 'username-password' | 'client-id-secret' | 'key-token' | 'any'

/**
 * The facts an error is made of: each is optional, an error fills in what it knows, and the catalog's
 * templates (shared/errors/catalog-*) say them in a language. Never a secret, never a stack.
 */
export interface ErrorFacts {
  /** Who answered or failed to: 'Tagora', 'Nugios', … ("The server" when unsaid). */
  service?: string
  /** The call, e.g. 'POST /auth/login'. */
  call?: string
  /** Where the call went: a base URL or a host:port; the file a corrupt settings file was moved to. */
  target?: string
  /** The low-level network failure as a stable key ('ECONNREFUSED', 'bad-port', 'other'). */
  network?: NetworkFailure
  /** A time limit that ran out, in seconds. */
  seconds?: number
  /** The server's own words: quoted as they are, never translated. */
  serverMessage?: string
  /** A connection's name, or the login a vendor account is known by. */
  name?: string
  /** A local port (the webhook listener's). */
  port?: number
  /** A low-level detail that is neither the server's words nor translatable (an OS error text). */
  detail?: string
  /** A field of a server's reply, e.g. 'data.accessToken'. */
  field?: string
  /** Which secret a connection needs, said in words by the catalog ('the API key'). */
  secret?: SecretKind
  /** What a refused sign-in sent. */
  credentials?: CredentialKind
  /** A webhook's id. */
  webhookId?: string
  /** Where in a list something went wrong (a page offset, a row). */
  offset?: number
  /** The error that caused this one, said after it ("…: <cause>"). */
  cause?: AppErrorInfo
}

/** The names a template may use: every fact but `cause`, plus the error's HTTP status. */
export const FACT_NAMES = [
  'service',
  'call',
  'target',
  'network',
  'seconds',
  'serverMessage',
  'name',
  'port',
  'detail',
  'field',
  'secret',
  'credentials',
  'webhookId',
  'offset',
  'status',
] as const satisfies readonly (Exclude<keyof ErrorFacts, 'cause'> | 'status')[]

/**
 * An error as it crosses the contract and sits in pushed state: a code and its facts, never a sentence.
 * Main's logs and the renderer both say it with `describe` (shared/errors/describe.ts).
 */
export interface AppErrorInfo {
  code: ErrorCode
  facts?: ErrorFacts
  /** HTTP status from the server, when there was a response. */
  status?: number
  /** The server's id of the failed request ("request a1b2c3d4"), what support asks for. */
  requestId?: string
}

/** A token problem as facts: how the engine gave up (null while it still retries), and the error that made it. */
export interface TokenProblem {
  ending: TokenEnding | null
  error: AppErrorInfo
}
