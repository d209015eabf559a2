/** What could be read from an error response; every field is optional because the shape is undocumented. */
export interface ErrorBodyInfo {
  message?: string
  code?: string
  requestId?: string
}

const MAX_MESSAGE_LENGTH = 300

/**
 * Reads an undocumented error body: {error:{code,message}}, {message}, {error:"..."}, plain text, empty
 * or an HTML page from a proxy. Never throws: a body we cannot read just yields no message.
 */
export function readErrorBody(text: string): ErrorBodyInfo {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return looksLikeMarkup(trimmed) ? {} : { message: clip(trimmed) }
  }
  if (typeof parsed === 'string') return { message: clip(parsed) }
  if (!isRecord(parsed)) return {}
  return withoutUndefined({
    message: pickMessage(parsed),
    code: pickCode(parsed),
    requestId: scalarText(parsed.requestId),
  })
}

function pickMessage(body: Record<string, unknown>): string | undefined {
  const error = body.error
  if (isRecord(error)) {
    const inner = scalarText(error.message) ?? scalarText(error.detail) ?? scalarText(error.description)
    if (inner) return clip(inner)
  }
  if (typeof error === 'string' && error.trim() !== '') return clip(error)
  const direct = scalarText(body.message) ?? scalarText(body.detail) ?? scalarText(body.error_description)
  if (direct) return clip(direct)
  const errors = body.errors
  if (Array.isArray(errors)) {
    const messages = errors
      .map((item) => (isRecord(item) ? scalarText(item.message) : scalarText(item)))
      .filter((item): item is string => item !== undefined)
    if (messages.length > 0) return clip(messages.slice(0, 3).join('; '))
  }
  return undefined
}

function pickCode(body: Record<string, unknown>): string | undefined {
  const error = body.error
  if (isRecord(error)) return scalarText(error.code)
  return scalarText(body.code)
}

/** HTML from a proxy or truncated JSON: nothing a user should read. */
function looksLikeMarkup(text: string): boolean {
  return /^[<{[]/.test(text)
}

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim()
  return single.length > MAX_MESSAGE_LENGTH ? `${single.slice(0, MAX_MESSAGE_LENGTH)}…` : single
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function withoutUndefined(info: ErrorBodyInfo): ErrorBodyInfo {
  const out: ErrorBodyInfo = {}
  if (info.message !== undefined) out.message = info.message
  if (info.code !== undefined) out.code = info.code
  if (info.requestId !== undefined) out.requestId = info.requestId
  return out
}
