import type { CredentialKind } from '../../shared/errors/facts'
import { asCredentialError } from './connection-error'
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
  /** Optional check of the grant (e.g. Nugios' passwordExpired); its error passes through unchanged. */
  check?(grant: Grant, call: string): Grant
}

/** POSTs the scheme's credentials to its `login` path and reads the grant: the shared password flow. */
export async function passwordLogin<C extends BaseConnectionConfig>(
  runtime: SchemeRuntime<C>,
  login: PasswordLogin,
): Promise<Grant> {
  const path = runtime.path('login')
  const call = `POST ${path}`
  const password = await runtime.secret()
  try {
    const result = await runtime.send({ method: 'POST', path, json: login.body(password) })
    const grant = readGrant(result.body, login.shape, runtime.serverNow(), call)
    return login.check ? login.check(grant, call) : grant
  } catch (error) {
    throw asCredentialError(error, login.vendor, login.credentials)
  }
}
