import { z } from 'zod'
import { readDeviceRows } from './device-rows'

/** Ids arrive as uuids in one place and numbers in another (see the docs' example): keep them as text. */
export const idText = z.union([z.string().min(1), z.number().finite()]).transform((value) => String(value))

/** An id whose original type matters because it is sent back as it came (webhook organizationId/userId). */
export const rawId = z.union([z.string().min(1), z.number().finite()])

/** expiresIn is seconds; some servers send it as a numeric string. */
const seconds = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform((value) => Number(value))

export const loginDataSchema = z.object({
  accessToken: z.string().min(1),
  renewToken: z.string().min(1),
  tokenType: z.string().optional(),
  expiresIn: seconds,
})

/** Same as login, but tokenType may be absent; renewToken is tolerated missing (then the old one stays). */
export const renewDataSchema = z.object({
  accessToken: z.string().min(1),
  renewToken: z.string().min(1).optional(),
  tokenType: z.string().optional(),
  expiresIn: seconds,
})

/**
 * A page of GET /devices: the list itself must be an array (else the page is unreadable and the sync
 * fails), but each row is read on its own (device-rows.ts): one bad row is skipped and counted.
 * `rows` is the page as received: its length, not the kept count, moves the offset.
 */
export const devicePageSchema = z.array(z.unknown()).transform((rows) => ({ rows, ...readDeviceRows(rows) }))

/**
 * A field of the 201 that may be missing or null: its text, or null. The document shows every field
 * filled in, but there is no list endpoint to recover a webhook from, so a reply that leaves one out
 * must still be kept (webhooks/registration-reply.ts decides what each gap means). `.optional()` comes
 * first because in zod 4 a key whose schema transforms is otherwise required.
 */
const looseText = z
  .unknown()
  .optional()
  .transform((value) => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  })

/** isActive as a boolean, or null when absent or unreadable (also "true"/"false", 1/0, as some servers send). */
const looseBoolean = z
  .unknown()
  .optional()
  .transform((value) => {
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 1) return true
    if (value === 'false' || value === 0) return false
    return null
  })

/** Only webhookId is required: without it the webhook cannot be named, scoped or told apart. */
export const webhookRegistrationSchema = z.object({
  webhookId: idText,
  publicKey: looseText,
  keyAlgorithm: looseText,
  isActive: looseBoolean,
  postUrl: looseText,
})

const scopeItemSchema = z.object({
  deviceId: idText,
  serial: z.union([z.string(), z.number()]).transform((value) => String(value)),
  assetId: idText,
})

export const webhookScopeSchema = z.object({
  webhookId: idText,
  organizationId: idText,
  serials: z.array(z.union([z.string(), z.number()]).transform((value) => String(value))),
  assetIds: z.array(idText),
  items: z.array(scopeItemSchema),
})

export type LoginData = z.output<typeof loginDataSchema>
export type RenewData = z.output<typeof renewDataSchema>
export type DevicePage = z.output<typeof devicePageSchema>
export type WebhookRegistration = z.output<typeof webhookRegistrationSchema>
export type WebhookScope = z.output<typeof webhookScopeSchema>
export type WebhookScopeItem = z.output<typeof scopeItemSchema>

/** Body of POST /webhook; ids keep the type the token carries (numbers in the docs, uuids elsewhere). */
export interface WebhookRegistrationInput {
  organizationId: string | number
  userId: string | number
  postUrl: string
  name: string
}

/** Summarises schema issues for an error message: the first few paths and what was wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'data'}: ${issue.message}`)
    .join('; ')
}
