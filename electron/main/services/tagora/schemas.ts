import { z } from 'zod'
import type { Device } from '../../../../shared/domain/device'

/** Ids arrive as uuids in one place and numbers in another (see the docs' example): keep them as text. */
export const idText = z.union([z.string().min(1), z.number().finite()]).transform((value) => String(value))

/** An id whose original type matters because it is sent back as it came (webhook organizationId/userId). */
export const rawId = z.union([z.string().min(1), z.number().finite()])

/** expiresIn is seconds; some servers send it as a numeric string. */
const seconds = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform((value) => Number(value))

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? '')

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

export const deviceSchema = z.object({
  deviceId: idText,
  serial: z.union([z.string(), z.number()]).transform((value) => String(value)),
  deviceName: optionalText,
  assetId: idText,
  organizationId: idText,
  status: optionalText,
  createdAt: optionalText,
}) satisfies z.ZodType<Device>

export const deviceListSchema = z.array(deviceSchema)

export const webhookRegistrationSchema = z.object({
  webhookId: idText,
  publicKey: z.string().min(1),
  keyAlgorithm: z.string().min(1),
  isActive: z.boolean(),
  postUrl: z.string(),
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
