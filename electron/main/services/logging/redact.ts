/** Field names whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS =
  /^(authorization|proxy_?authorization|cookie|set_?cookie|access_?token|renew_?token|refresh_?token|id_?token|auth_?token|token|password|secret|client_?secret|api_?key|private_?key|x-agora-token|x-nugios-[\w-]*token)$/i

/** Three base64url segments: a JWT, whatever field it hides in. */
const JWT_PATTERN = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
/** `Bearer <token>` in a header dump or an error message. */
const BEARER_PATTERN = /\b(Bearer)\s+[^\s"',;]+/gi
/** Agora's AccessToken2 presentation, `agora token=<token>`. */
const AGORA_PATTERN = /\b(agora token=)[^\s"',;]+/gi
/** `"renewToken":"…"`, `renewToken=…`, `password: …` inside serialized bodies, URLs or messages. */
const SECRET_PAIR_PATTERN =
  /((?:access|renew|refresh|id|auth)_?token|password|client_?secret|api_?key|x-agora-token)("?\s*[:=]\s*"?)([^\s"',;&}]+)/gi

export const REDACTED = '[redacted]'

/** Replaces JWT-shaped strings, Bearer credentials and `secretField=value` pairs inside free text. */
export function redactText(text: string): string {
  return text
    .replace(JWT_PATTERN, REDACTED)
    .replace(BEARER_PATTERN, `$1 ${REDACTED}`)
    .replace(AGORA_PATTERN, `$1${REDACTED}`)
    .replace(SECRET_PAIR_PATTERN, (_match, key: string, joint: string, value: string) =>
      value === REDACTED ? `${key}${joint}${value}` : `${key}${joint}${REDACTED}`,
    )
}

/** Deep copy of value with every secret field and JWT-shaped string replaced. Never throws. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (depth > 8) return '[deep]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) {
    const copy: Record<string, unknown> = { name: value.name, message: redactText(value.message) }
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
