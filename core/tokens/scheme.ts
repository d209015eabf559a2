import type { LifetimeSource, RenewalMode } from '../../shared/domain/connections'
import type { ConnectionOverrides, HttpMethod, SchemeId } from '../../shared/schemas/connections'
import type { HttpResult, RequestSpec } from './http'

/** How a scheme's token is first obtained. */
export type ObtainKind = 'password-login' | 'static-key' | 'client-credentials' | 'derived-from-parent'

/** A token in memory, with its timing on the server's clock. */
export interface Grant {
  accessToken: string
  refreshToken: string | null
  /** Server-clock epoch ms; null when the scheme gives no end (static keys). */
  expiresAt: number | null
  lifetimeSource: LifetimeSource
  /** Server-clock epoch ms when the refresh token ends, when its lifetime is documented (Nugios). */
  refreshExpiresAt: number | null
}

/** A connection's overrides as the engine reads them: methods and body names only where a scheme has any. */
export type EngineOverrides = Omit<ConnectionOverrides, 'methods' | 'bodyFields'> &
  Partial<Pick<ConnectionOverrides, 'methods' | 'bodyFields'>>

/** What every connection config has; schemes add their own fields. */
export interface BaseConnectionConfig {
  id: string
  name: string
  baseUrl: string
  overrides: EngineOverrides
}

/** What a scheme's functions may use: the connection, its secret, unauthenticated sends, the parent. */
export interface SchemeRuntime<C extends BaseConnectionConfig> {
  config: C
  /** Resolved path for a key, with `{orgdomain}`-style placeholders filled (overrides win). */
  path(key: string): string
  /** Response field name for a key (overrides win). */
  field(key: string): string
  /** Request method for a key the document leaves open (overrides win; POST when nothing says). */
  method(key: string): HttpMethod
  /** Request body field name for a key the document leaves open (overrides win). */
  bodyField(key: string): string
  /** The user's secret for this connection, from the keychain; throws when missing. */
  secret(): Promise<string>
  /** Sends without presenting this connection's token (login, refresh); scheme extra headers included. */
  send(spec: RequestSpec, headers?: Record<string, string>): Promise<HttpResult>
  /** Server-clock now. */
  serverNow(): number
  /** A Date header read by a call made outside `send` (typed clients), to keep the clock offset fresh. */
  observeServerDate(serverDate: number | null): void
  /** The parent connection's protected call, for derived tokens (Tavio envauth). */
  withParent?<T>(run: (headers: Record<string, string>) => Promise<T>): Promise<T>
}

/**
 * A token scheme, declared once: how a token is obtained, renewed and presented, and which headers every
 * request needs. The engine (token-engine.ts) runs every scheme the same way.
 */
export interface TokenScheme<C extends BaseConnectionConfig> {
  id: SchemeId | 'tagora'
  obtainKind: ObtainKind
  renewal: RenewalMode
  /** Whether a renewal may hand back a new refresh token that replaces the old one. */
  rotates: boolean
  /** Default request paths (keys overridable per connection). */
  paths: Record<string, string>
  /** Default response field names (keys overridable per connection). */
  fields: Record<string, string>
  /** Default request methods and body field names where the document is silent (overridable). */
  methods?: Record<string, HttpMethod>
  bodyFields?: Record<string, string>
  obtain(runtime: SchemeRuntime<C>): Promise<Grant>
  /** Renews the grant (refresh-token or renew-endpoint modes). */
  renew?(runtime: SchemeRuntime<C>, grant: Grant): Promise<Grant>
  /** Headers that present the token on a protected request. */
  present(grant: Grant, config: C): Record<string, string>
  /** Headers every request carries, signed in or not (X-nugios-timezone). */
  extraHeaders?(config: C): Record<string, string>
  /** The harmless protected call "Test connection" makes after obtaining; null = obtaining is the test. */
  testRequest(runtime: SchemeRuntime<C>): RequestSpec | null
}
