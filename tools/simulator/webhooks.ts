import { generateKeyPairSync, randomUUID } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { isPrivateOrLoopbackHost } from './private-ip'
import type { SimWebhook } from './types'

/** A registered webhook with its signing key, which never leaves the simulator. */
export interface WebhookRecord extends Omit<SimWebhook, 'scopeAssetIds'> {
  privateKey: KeyObject
  scope: Set<string> | null
}

export type PostUrlCheck = { ok: true; url: string } | { ok: false; message: string }

/**
 * The API's postUrl rule: an absolute https URL whose host is not a bare private/loopback IP or
 * localhost. Demo mode (allowLoopback) also takes http:// and loopback, to reach the local listener.
 */
export function checkPostUrl(raw: string, allowLoopback: boolean): PostUrlCheck {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, message: 'postUrl must be an absolute URL' }
  }
  const allowed = allowLoopback ? ['https:', 'http:'] : ['https:']
  if (!allowed.includes(url.protocol)) return { ok: false, message: 'postUrl must use https' }
  if (url.hostname === '') return { ok: false, message: 'postUrl must have a host' }
  if (!allowLoopback && isPrivateOrLoopbackHost(url.hostname)) {
    return { ok: false, message: 'postUrl must not point to a private, loopback or link-local address' }
  }
  return { ok: true, url: url.toString() }
}

export interface WebhookRegistry {
  create(input: {
    organizationId: string
    userId: string
    name: string
    postUrl: string
    /** Default true; false when the webhooksCreatedInactive fault is on. */
    isActive?: boolean
  }): WebhookRecord
  get(webhookId: string): WebhookRecord | undefined
  list(): WebhookRecord[]
}

export function createWebhookRegistry(now: () => number): WebhookRegistry {
  const hooks = new Map<string, WebhookRecord>()
  return {
    create(input) {
      // A fresh pair per webhook, as Tagora does: a leaked key compromises one webhook only.
      const { publicKey, privateKey } = generateKeyPairSync('ed25519')
      const record: WebhookRecord = {
        ...input,
        webhookId: randomUUID(),
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        privateKey,
        isActive: input.isActive ?? true,
        createdAt: new Date(now()).toISOString(),
        scope: null,
      }
      hooks.set(record.webhookId, record)
      return record
    },
    get: (id) => hooks.get(id),
    list: () => [...hooks.values()],
  }
}

export function toPublicWebhook(record: WebhookRecord): SimWebhook {
  const { privateKey: _privateKey, scope, ...rest } = record
  return { ...rest, scopeAssetIds: scope ? [...scope] : null }
}
