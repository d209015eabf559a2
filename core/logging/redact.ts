/** Field names whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS =
  /^(authorization|proxy[-_]?authorization|cookie|set[-_]?cookie|access[-_]?token|renew[-_]?token|refresh[-_]?token|id[-_]?token|auth[-_]?token|token|password|(client[-_]?)?secret|(x-)?api[-_]?key|private[-_]?key|x-agora-token|x-nugios-[\w-]*token)$/i

/** Three base64url segments: a JWT, whatever field it hides in. */
const JWT_PATTERN = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
/** `Bearer <token>` in a header dump or an error message. */
const BEARER_PATTERN = /\b(Bearer)\s+[^\s"',;]+/gi
/** `Basic <base64 of id:secret>` (HTTP Basic, OAuth client credentials) in a header dump or a message. */
const BASIC_PATTERN = /\b(Basic)\s+[^\s"',;]+/gi
/** A bare `token` parameter of a URL's query (8x8's Agent Portal: `?user=…&token=<auth_token>`). */
const QUERY_TOKEN_PATTERN = /([?&](?:token|access_token|auth_token)=)[^&#\s"',;]+/gi
/** Agora's AccessToken2 presentation, `agora token=<token>`. */
const AGORA_PATTERN = /\b(agora token=)[^\s"',;]+/gi
/**
 * `"renewToken":"…"`, `renewToken=…`, `password: …`, `client_secret=…`, `x-api-key: …` inside
 * serialized bodies, query strings, form bodies, header dumps or messages.
 */
const SECRET_PAIR_PATTERN =
  /((?:access|renew|refresh|id|auth)[-_]?token|password|secret|api[-_]?key|x-agora-token)("?\s*[:=]\s*"?)([^\s"',;&}]+)/gi

export const REDACTED = '[redacted]'

/** Replaces JWT-shaped strings, Bearer and Basic credentials and `secretField=value` pairs inside free text. */
export function redactText(text: string): string {
  return text
    .replace(JWT_PATTERN, REDACTED)
    .replace(BEARER_PATTERN, `$1 ${REDACTED}`)
    .replace(BASIC_PATTERN, `$1 ${REDACTED}`)
    .replace(AGORA_PATTERN, `$1${REDACTED}`)
    .replace(QUERY_TOKEN_PATTERN, `$1${REDACTED}`)
    .replace(SECRET_PAIR_PATTERN, (_match, key: string, joint: string, value: string) =>
      value === REDACTED ? `${key}${joint}${value}` : `${key}${joint}${REDACTED}`,
    )
}

/**
 * Deep copy of value with every secret field and JWT-shaped string replaced. Never throws: a part that
 * cannot be read (a getter or proxy that throws) becomes '[unreadable]', the rest is kept.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  try {
    return redactValue(value, depth, seen)
  } catch {
    return '[unreadable]'
  }
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (depth > 8) return '[deep]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) {
    const copy: Record<string, unknown> = { name: value.name, message: redactText(String(value.message)) }
    // Errors of the Tagora client carry call, status and request id: useful, and redacted like the rest.
    for (const [key, inner] of Object.entries(value)) {
      if (key !== 'stack') copy[key] = SECRET_KEYS.test(key) ? REDACTED : redact(inner, depth + 1, seen)
    }
    return copy
  }
  if (value && typeof value === 'object') {
    if (seen.has(value)) return '[circular]'
    seen.add(value)
    try {
      if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen))
      if (value instanceof Headers) return redact(Object.fromEntries(value.entries()), depth + 1, seen)
      const copy: Record<string, unknown> = {}
      for (const [key, inner] of Object.entries(value)) {
        copy[key] = SECRET_KEYS.test(key) ? REDACTED : redact(inner, depth + 1, seen)
      }
      return copy
    } finally {
      // Only the path from the root counts: an object logged twice side by side is not a cycle.
      seen.delete(value)
    }
  }
  return value
}
