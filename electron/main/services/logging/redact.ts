/** Field names whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS =
  /^(authorization|access_?token|renew_?token|refresh_?token|token|password|secret|client_?secret|api_?key|private_?key)$/i

/** Three base64url segments: a JWT, whatever field it hides in. */
const JWT_PATTERN = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
const BEARER_PATTERN = /(Bearer|agora token=)\s*[^\s"',]+/gi

export const REDACTED = '[redacted]'

/** Replaces JWT-shaped and Bearer strings inside free text. */
export function redactText(text: string): string {
  return text.replace(JWT_PATTERN, REDACTED).replace(BEARER_PATTERN, `$1 ${REDACTED}`)
}

/** Deep copy of value with every secret field and JWT-shaped string replaced. Never throws. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message) }
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = SECRET_KEYS.test(key) ? REDACTED : redact(inner, depth + 1)
    }
    return copy
  }
  return value
}
