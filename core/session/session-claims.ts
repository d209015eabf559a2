import { pickIdClaim } from '../tagora/jwt'

/** Ids from the access token's claims, with the type the token carries (sent back as-is to POST /webhook). */
export interface SessionClaims {
  organizationId: string | number | null
  userId: string | number | null
}

export function sessionClaimsOf(claims: Record<string, unknown> | null): SessionClaims {
  return {
    organizationId: pickIdClaim(claims, ['organizationId', 'orgId', 'organization_id']),
    userId: pickIdClaim(claims, ['userId', 'sub', 'user_id']),
  }
}
