import { AppError } from '../../shared/domain/errors'
import { WEBHOOK_KEY_ALGORITHM } from '../../shared/domain/webhook'
import type { WebhookRecord } from '../../shared/schemas/settings'
import type { WebhookRegistration } from '../tagora/schemas'
import { TagoraApiError } from '../tagora/tagora-api-error'

/** What this app sent and knows when the 201 arrives. */
export interface RegistrationContext {
  name: string
  /** The postUrl sent in the request. */
  postUrl: string
  apiUrl: string
  createdAt: string
}

/**
 * The record kept for a 201 from POST /webhook. Tagora has created the webhook by then and there is no
 * endpoint to list it again, so a reply with gaps is kept, never refused; each gap is filled as the
 * document allows and named in `unstated`, so the row can say what was assumed:
 * - postUrl missing: the one we sent (Tagora posts to what it was given).
 * - keyAlgorithm missing: ed25519, the only algorithm the document names.
 * - isActive missing: left out of the record (read as active: the webhook was just created).
 * - publicKey missing: kept empty; the webhook is still listed, so the user can remove it in Tagora's
 *   panel, but nothing can be verified with it (webhookKeyProblem says 'no-key').
 */
export function recordFromReply(reply: WebhookRegistration, sent: RegistrationContext): WebhookRecord {
  const unstated = (['postUrl', 'publicKey', 'keyAlgorithm', 'isActive'] as const).filter(
    (field) => reply[field] === null,
  )
  return {
    webhookId: reply.webhookId,
    name: sent.name,
    postUrl: reply.postUrl ?? sent.postUrl,
    publicKeyPem: reply.publicKey ?? '',
    keyAlgorithm: reply.keyAlgorithm ?? WEBHOOK_KEY_ALGORITHM,
    createdAt: sent.createdAt,
    apiUrl: sent.apiUrl,
    ...(reply.isActive !== null && { isActive: reply.isActive }),
    ...(unstated.length > 0 && { unstated }),
  }
}

/**
 * What a failed POST /webhook says. A reply this app cannot read (a 2xx without a webhookId, or not
 * JSON) may still mean Tagora created the webhook, and no endpoint can find it again: the user is told
 * to look in Tagora's panel, or a second registration would leave the first one posting to the desk.
 */
export function registrationFailure(error: unknown): unknown {
  if (!(error instanceof TagoraApiError) || error.code !== 'bad-response') return error
  return new AppError(
    {
      code: 'webhook-reply-unreadable',
      facts: {
        call: 'POST /webhook',
        ...(error.facts?.detail !== undefined && { detail: error.facts.detail }),
      },
      ...(error.status !== undefined && { status: error.status }),
      ...(error.requestId !== undefined && { requestId: error.requestId }),
    },
    { cause: error },
  )
}
