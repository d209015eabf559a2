import { z } from 'zod'
import { invalid } from '../errors/zod-issue'

/** International format: +, country code, subscriber number; 8 to 15 digits in all (E.164). */
export const PHONE_PATTERN = /^\+[1-9]\d{7,14}$/

/**
 * "Video call" from the asset panel (8x8-video-token.txt): with `createRoom`, the body
 * `{create_room: true, phone_number?, call_reference?}` asks for a token and a room; without, the empty
 * body asks for an agent token only ("agent sign-in only"). Either way the Agent Portal opens signed in.
 * Phone and reference are optional, as documented: empty means not sent (no phone: no SMS, the desk
 * sends the link itself). They belong to a room, so they are refused without one.
 */
export const videoPortalInputSchema = z
  .object({
    connectionId: z.string().min(1),
    createRoom: z.boolean(),
    phoneNumber: z
      .string()
      .trim()
      .refine((value) => value === '' || PHONE_PATTERN.test(value), { message: invalid('enter-phone') })
      .default(''),
    callReference: z
      .string()
      .trim()
      .refine((value) => value === '' || value.length >= 8, { message: invalid('call-reference-short') })
      .refine((value) => value.length <= 20, { message: invalid('call-reference-long') })
      .default(''),
  })
  .superRefine((input, ctx) => {
    if (!input.createRoom && (input.phoneNumber !== '' || input.callReference !== ''))
      ctx.addIssue({ code: 'custom', path: ['createRoom'], message: invalid('room-fields-without-room') })
  })
export type VideoPortalInput = z.infer<typeof videoPortalInputSchema>

/** A call reference derived from the asset: letters and digits of its id, padded to 8, cut to 20. */
export function callReferenceFor(assetId: string): string {
  const cleaned = assetId.replace(/[^A-Za-z0-9-]/g, '')
  const padded = `FM-${cleaned}`.padEnd(8, '0')
  return padded.slice(0, 20)
}
