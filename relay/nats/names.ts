// Where the relay keeps things in NATS. One stream and one KV bucket per organization: an org's
// telemetry never shares a stream with another's, and a stream can be sized or purged on its own.

const PLAIN = /^[A-Za-z0-9_-]+$/

/**
 * An id as one subject token and KV key: kept as is when it is plain, else '=' and its base64url.
 * Total and one-to-one: a plain id never starts with '=', so the two forms cannot meet.
 */
export function token(id: string): string {
  return PLAIN.test(id) ? id : `=${Buffer.from(id, 'utf8').toString('base64url')}`
}

/** Stream names allow what subject tokens allow minus '=' and a few more; hex keeps any org id safe. */
function streamSafe(id: string): string {
  return PLAIN.test(id) ? id : Buffer.from(id, 'utf8').toString('hex')
}

/** The stream of an organization's fixes: subjects `fleet.<org>.fix.<asset>`. */
export function fixStream(organizationId: string): string {
  return `FLEET_${streamSafe(organizationId)}`
}

export function fixSubject(organizationId: string, assetId: string): string {
  return `fleet.${token(organizationId)}.fix.${token(assetId)}`
}

export function fixSubjects(organizationId: string): string {
  return `fleet.${token(organizationId)}.fix.>`
}

/** The KV bucket of an organization's latest fix per asset (key: the asset's token). */
export function latestBucket(organizationId: string): string {
  return `fleet_latest_${streamSafe(organizationId)}`
}

/** Desk keys (hashed), shared by every relay node of the deployment. */
export const KEYS_BUCKET = 'fleet_relay_keys'
/** The webhook each deployment registered (public key and id: nothing secret), so nodes reuse it. */
export const WEBHOOKS_BUCKET = 'fleet_relay_webhooks'
