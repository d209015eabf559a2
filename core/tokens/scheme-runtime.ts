import { missingSecret } from './connection-error'
import type { HttpResult, RequestSpec } from './http'
import type { BaseConnectionConfig, SchemeRuntime, TokenScheme } from './scheme'
import { fillPath } from './scheme-paths'
import type { ServerClock } from './server-clock'
import type { TokenEngine } from './token-engine'

export interface SchemeRuntimeParts<C extends BaseConnectionConfig> {
  scheme: TokenScheme<C>
  config: C
  /** The secret for this obtain: a one-shot password or the keychain's copy; null when there is none. */
  secret(): Promise<string | null>
  send(spec: RequestSpec, headers: Record<string, string>): Promise<HttpResult>
  serverClock: ServerClock
  observeServerDate(serverDate: number | null): void
  parent: TokenEngine<BaseConnectionConfig> | undefined
}

/** What a scheme's functions see: paths and field names with the connection's overrides applied, and so on. */
export function createSchemeRuntime<C extends BaseConnectionConfig>(
  parts: SchemeRuntimeParts<C>,
): SchemeRuntime<C> {
  const { scheme, config, parent } = parts
  return {
    config,
    path: (key) => fillPath(config.overrides.paths[key] ?? scheme.paths[key] ?? '', config),
    field: (key) => config.overrides.fields[key] ?? scheme.fields[key] ?? key,
    method: (key) => config.overrides.methods?.[key] ?? scheme.methods?.[key] ?? 'POST',
    bodyField: (key) => config.overrides.bodyFields?.[key] ?? scheme.bodyFields?.[key] ?? key,
    secret: async () => {
      const secret = await parts.secret()
      if (!secret) throw missingSecret(config.name)
      return secret
    },
    send: (spec, headers) => parts.send(spec, headers ?? {}),
    serverNow: () => parts.serverClock.now(),
    observeServerDate: (serverDate) => parts.observeServerDate(serverDate),
    ...(parent
      ? { withParent: <T>(run: (h: Record<string, string>) => Promise<T>) => parent.authorized(run) }
      : {}),
  }
}
