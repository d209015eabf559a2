// Keyed words an error's facts may carry, each said by the catalog (\`words.ts\` in each language). They live
// here, below the domain types that use them, so the catalog imports nothing above it.

/** Why a webhook's public URL was refused before anything was sent (shared/domain/webhook.ts checks it). */
export type PostUrlProblem = 'empty' | 'not-a-url' | 'not-https' | 'no-host' | 'localhost' | 'private-ip'

/** How a token engine gave up: the server refused renewal, retries ran out, or calls were refused twice. */
export type TokenEnding = 'renewal-refused' | 'renewal-failed' | 'rejected-twice'

/** What kinds of secret a connection keeps in the keychain. */
export const SECRET_KINDS = ['password', 'api-key', 'token', 'client-secret'] as const
export type SecretKind = (typeof SECRET_KINDS)[number]
