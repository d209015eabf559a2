import type { WebhookKeyProblem, WebhookView } from '../../../../shared/domain/webhook'

/** The fields of Tagora's 201 that a row can say were not stated (others are not shown). */
export const UNSTATED_FIELDS = ['keyAlgorithm', 'isActive', 'postUrl', 'publicKey'] as const
export type UnstatedField = (typeof UNSTATED_FIELDS)[number]

export interface WebhookNotes {
  /** Why deliveries signed with this webhook's key are refused, or null when they are verified with it. */
  keyProblem: WebhookKeyProblem | null
  /** The inactive badge: Tagora said isActive:false (whatever else is wrong with the key). */
  inactive: boolean
  /** Gaps of the 201 worth a line; a missing key is already said by its problem. */
  unstated: UnstatedField[]
}

/** What a webhook row warns about, from the facts main sent. */
export function webhookNotes(webhook: WebhookView): WebhookNotes {
  const keyProblem = webhook.keyProblem ?? (webhook.isActive === false ? 'inactive' : null)
  const unstated = UNSTATED_FIELDS.filter(
    (field) => webhook.unstated.includes(field) && !(field === 'publicKey' && keyProblem === 'no-key'),
  )
  return { keyProblem, inactive: webhook.isActive === false, unstated }
}
