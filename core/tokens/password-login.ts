import type { CredentialKind } from '../../shared/errors/facts'
import { asCredentialError, ConnectionError, pathNotSet } from './connection-error'
import { readGrant } from './grant'
import type { GrantShape } from './grant'
import type { BaseConnectionConfig, Grant, SchemeRuntime } from './scheme'

export interface PasswordLogin {
  /** Vendor and what was sent, for the "did not accept …" error on a 400/401/403. */
  vendor: string
  credentials: CredentialKind
  /** The login body around the password from the keychain, e.g. `{ email, password }`. */
  body(password: string): Record<string, unknown>
  shape: GrantShape
  /**
   * Reads the answer before its tokens (e.g. Nugios' passwordExpired, which comes with null tokens); its
   * error passes through unchanged.
   */
  checkAnswer?(body: unknown, call: string): void
}

/**
 * Sends the scheme's credentials to its `login` path (method `login`, POST unless overridden) and reads
 * the grant: the shared password flow.
 */
export async function passwordLogin<C extends BaseConnectionConfig>(
  runtime: SchemeRuntime<C>,
  login: PasswordLogin,
): Promise<Grant> {
  const path = runtime.path('login')
  if (path === '') throw pathNotSet('login', login.vendor, runtime.config.name)
  const method = runtime.method('login')
  // The form refuses it; a hand-edited settings file could still ask for a GET with a password body.
  if (method === 'GET') throw new ConnectionError({ code: 'get-with-body', call: `GET ${path}` })
  const call = `${method} ${path}`
  const password = await runtime.secret()
  try {
    const result = await runtime.send({ method, path, json: login.body(password) })
    login.checkAnswer?.(result.body, call)
    return readGrant(result.body, login.shape, runtime.serverNow(), call)
  } catch (error) {
    throw asCredentialError(error, login.vendor, login.credentials)
  }
}
