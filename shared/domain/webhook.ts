import { isPrivateOrLoopbackHost } from '../net/private-ip'
import type { AppErrorInfo } from './errors'

/** Why a postUrl cannot be used; the catalog says each as the code `post-url-<problem>`. */
import type { PostUrlProblem } from '../errors/vocabulary'

export type { PostUrlProblem } from '../errors/vocabulary'

export type PostUrlCheck = { ok: true; url: string } | { ok: false; problem: PostUrlProblem }

/**
 * The API's postUrl rule, applied before sending (the contract page): an absolute https URL whose host
 * is not localhost or a bare private, loopback or link-local IP. Names are never resolved, like the API.
 */
export function checkPostUrl(raw: string): PostUrlCheck {
  const text = raw.trim()
  if (text === '') return fail('empty')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail('not-a-url')
  }
  if (url.protocol !== 'https:') return fail(url.protocol === 'http:' ? 'not-https' : 'not-a-url')
  if (url.hostname === '') return fail('no-host')
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return fail('localhost')
  if (isPrivateOrLoopbackHost(url.hostname)) return fail('private-ip')
  return { ok: true, url: url.toString() }
}

function fail(problem: PostUrlProblem): PostUrlCheck {
  return { ok: false, problem }
}

/** Example commands that expose the local listener at a public https URL (copied by the user). */
export function tunnelCommands(port: number): { cloudflared: string; ngrok: string } {
  return {
    cloudflared: `cloudflared tunnel --url http://127.0.0.1:${port}`,
    ngrok: `ngrok http ${port}`,
  }
}

/** The scope of one webhook as last fetched: which devices Tagora sends through it. */
export interface WebhookScopeSummary {
  phase: 'never' | 'loading' | 'ok' | 'error'
  /** Devices the webhook carries (from the last successful fetch). */
  deviceCount: number
  fetchedAt: number | null
  /** Why the last fetch failed, as facts; null otherwise. */
  problem: AppErrorInfo | null
  requestId: string | null
  /** Tagora does not know the webhook (404): it may have been removed in Tagora's panel. */
  notFound: boolean
}

/** The only signature algorithm the document names: every delivery is checked with ed25519. */
export const WEBHOOK_KEY_ALGORITHM = 'ed25519'

/**
 * Why a registered webhook's key is not used to verify deliveries:
 * - 'no-key': Tagora's 201 carried no public key, so nothing it signs can be checked;
 * - 'unsupported-algorithm': the key is said to be for another algorithm than ed25519;
 * - 'inactive': Tagora says the webhook is not active.
 */
export type WebhookKeyProblem = 'no-key' | 'unsupported-algorithm' | 'inactive'

/** Null when the listener may verify deliveries with this webhook's key; else the first reason not to. */
export function webhookKeyProblem(record: {
  publicKeyPem: string
  keyAlgorithm: string
  isActive?: boolean | undefined
}): WebhookKeyProblem | null {
  if (record.publicKeyPem.trim() === '') return 'no-key'
  if (record.keyAlgorithm.trim().toLowerCase() !== WEBHOOK_KEY_ALGORITHM) return 'unsupported-algorithm'
  if (record.isActive === false) return 'inactive'
  return null
}

/** A webhook the app registered, as the renderer sees it (the public key is public). */
export interface WebhookView {
  webhookId: string
  name: string
  postUrl: string
  publicKeyPem: string
  keyAlgorithm: string
  createdAt: string
  /** What Tagora said about the webhook being active; null when its reply did not say. */
  isActive: boolean | null
  /** Why deliveries signed with this webhook's key are refused; null when they are verified with it. */
  keyProblem: WebhookKeyProblem | null
  /** Fields Tagora's 201 left out, filled in by assumption (keyAlgorithm → ed25519, postUrl → the one sent). */
  unstated: string[]
  /** Registered in demo mode: kept in memory only. */
  demo: boolean
  scope: WebhookScopeSummary
}

/** One device a webhook carries. */
export interface ScopeDevice {
  deviceId: string
  serial: string
  assetId: string
}

export interface WebhooksState {
  webhooks: WebhookView[]
  /** Known devices outside every fetched scope; null until at least one scope is known. */
  outOfScopeAssetIds: string[] | null
}

/**
 * An organizationId or userId typed by the user (the advanced override of POST /webhook): digits or
 * a uuid-like token. Empty means "take it from the session".
 */
export const WEBHOOK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/

/** Digits are sent as a number (the API's example), anything else as the string it is. */
export function typedWebhookId(text: string): string | number {
  const value = text.trim()
  return /^\d{1,15}$/.test(value) ? Number(value) : value
}
