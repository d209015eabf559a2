import type { CallAnswerPreview } from '../../shared/domain/connections'

/** Items shown of a list answer: enough to see real data, few enough for a row. */
export const PREVIEW_ITEMS = 3
/** Characters of one item's JSON before it is cut. */
export const PREVIEW_ITEM_CHARS = 160
/** What stands in for a secret value: language-neutral, so no English crosses to the renderer. */
export const HIDDEN = '•••'

/** Keys whose values are credentials wherever they sit in an answer (8x8's auth_token, a refresh token…). */
const SECRET_KEY = /token|secret|password|passwd|api[-_]?key|authorization|credential|cookie/i
/** A JWT, in whatever field it hides. */
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
const MAX_DEPTH = 6

/**
 * What a protected test call returned, as the Connections row shows it: the status, the number of items
 * in its list (the answer itself, or its first array field, or one inside `data`) and the first few of
 * them as short JSON. Every credential-named field and JWT-shaped string is hidden first: this crosses to
 * the renderer, which never sees a token.
 */
export function previewAnswer(status: number, body: unknown): CallAnswerPreview {
  const list = listOf(body)
  if (list)
    return {
      status,
      itemCount: list.items.length,
      listField: list.field,
      items: list.items.slice(0, PREVIEW_ITEMS).map(shortJson),
    }
  return { status, itemCount: null, listField: null, items: body === null ? [] : [shortJson(body)] }
}

function listOf(body: unknown): { field: string | null; items: unknown[] } | null {
  if (Array.isArray(body)) return { field: null, items: body }
  if (!isRecord(body)) return null
  for (const [key, value] of Object.entries(body))
    if (Array.isArray(value)) return { field: key, items: value }
  if (isRecord(body.data))
    for (const [key, value] of Object.entries(body.data))
      if (Array.isArray(value)) return { field: `data.${key}`, items: value }
  return null
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(hideSecrets(value, 0)) ?? String(value)
  return text.length > PREVIEW_ITEM_CHARS ? `${text.slice(0, PREVIEW_ITEM_CHARS - 1)}…` : text
}

/** A copy with credential-named fields and JWT-shaped strings hidden; deep structures cut short. */
export function hideSecrets(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(JWT, HIDDEN)
  if (depth >= MAX_DEPTH && value !== null && typeof value === 'object') return '…'
  if (Array.isArray(value)) return value.map((item) => hideSecrets(item, depth + 1))
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) && inner !== null ? HIDDEN : hideSecrets(inner, depth + 1),
      ]),
    )
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
