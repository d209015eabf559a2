import type { Rng } from './random'
import type { SimUserInput } from './types'

export const DEFAULT_EMAIL = 'demo@tagora.test'
export const DEFAULT_PASSWORD = 'demo-password'

/** A user who can log in, with the ids that go into their token claims. */
export interface SimUser {
  userId: string | number
  email: string
  password: string
  organizationId: string | number
  /** String form of organizationId: devices and webhooks are keyed by it. */
  orgKey: string
}

export interface Directory {
  users: SimUser[]
  /** Distinct organizations in first-seen order; devices are dealt round-robin over them. */
  orgKeys: string[]
  findByEmail(email: string): SimUser | undefined
}

export function buildDirectory(inputs: SimUserInput[] | undefined, rng: Rng): Directory {
  const list = inputs && inputs.length > 0 ? inputs : [{ email: DEFAULT_EMAIL, password: DEFAULT_PASSWORD }]
  const defaultOrg = rng.uuid()
  const users = list.map((input): SimUser => {
    const organizationId = input.organizationId ?? defaultOrg
    return {
      userId: input.userId ?? rng.uuid(),
      email: input.email,
      password: input.password,
      organizationId,
      orgKey: String(organizationId),
    }
  })
  const orgKeys = [...new Set(users.map((u) => u.orgKey))]
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]))
  return { users, orgKeys, findByEmail: (email) => byEmail.get(email.trim().toLowerCase()) }
}
