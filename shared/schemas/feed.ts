import { z } from 'zod'
import { invalid } from '../errors/zod-issue'
import { isRelayUrl } from '../net/relay-url'

/** A desk key as the relay prints it: `<name>.<secret>`; the name says whose it is, the secret proves it. */
export const DESK_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{32,128}$/
/** A desk key's name: safe as a NATS KV key and in a log line. */
export const DESK_KEY_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** The relay's address as the user enters it: https/wss, or plain http/ws to this computer only. */
export const relayUrlSchema = z
  .string()
  .trim()
  .min(1, invalid('enter-relay-url'))
  .max(2000)
  .refine(isRelayUrl, { message: invalid('relay-url') })

export const deskKeySchema = z
  .string()
  .trim()
  .min(1, invalid('enter-relay-key'))
  .regex(DESK_KEY_PATTERN, invalid('relay-key-format'))

/** Fleet setup → Feed. The key is optional when one is already kept for this relay address. */
export const setFeedInputSchema = z.object({
  kind: z.enum(['listener', 'relay']),
  relayUrl: relayUrlSchema.optional(),
  relayKey: deskKeySchema.optional(),
})

export type SetFeedInput = z.infer<typeof setFeedInputSchema>
