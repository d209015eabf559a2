import type { RouteRequest, SimContext } from './context'
import { readJsonObject, requireStrings } from './http-kit'

/** POST /auth/login {email, password} */
export async function handleLogin(ctx: SimContext, r: RouteRequest): Promise<void> {
  const body = await readJsonObject(r.req)
  if (!body.ok) return r.reply.error(400, 'invalid_request', body.message)
  const fields = requireStrings(body.value, ['email', 'password'])
  if (!fields.ok)
    return r.reply.error(400, 'invalid_request', `missing field(s): ${fields.missing.join(', ')}`)
  const user = ctx.directory.findByEmail(fields.values.email)
  if (!user || user.password !== fields.values.password) {
    return r.reply.error(401, 'invalid_credentials', 'email or password is incorrect')
  }
  r.reply.data(200, { ...ctx.tokens.login(user), tokenType: 'Bearer' })
}

/** POST /auth/renew {renewToken}: rotates the renew token on every success. */
export async function handleRenew(ctx: SimContext, r: RouteRequest): Promise<void> {
  const body = await readJsonObject(r.req)
  if (!body.ok) return r.reply.error(400, 'invalid_request', body.message)
  const fields = requireStrings(body.value, ['renewToken'])
  if (!fields.ok) return r.reply.error(400, 'invalid_request', 'missing field: renewToken')
  if (ctx.faults.state().rejectRenewals) {
    return r.reply.error(401, 'invalid_token', 'renewToken was rejected')
  }
  const result = ctx.tokens.renew(fields.values.renewToken)
  if (!result.ok) return r.reply.error(401, 'invalid_token', result.message)
  r.reply.data(200, result.pair)
}
