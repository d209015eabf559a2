import type { Device } from '../../shared/domain/device'
import type {
  ScopeDevice,
  WebhookScopeSummary,
  WebhooksState,
  WebhookView,
} from '../../shared/domain/webhook'
import { checkPostUrl, typedWebhookId, webhookKeyProblem } from '../../shared/domain/webhook'
import type { Settings, WebhookRecord } from '../../shared/schemas/settings'
import { AppError } from '../../shared/domain/errors'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { describe } from '../../shared/errors/describe'
import type { Logger } from '../logging/logger'
import { problemOf } from '../errors/problem-of'
import type { Clock } from '../ports/clock'
import type { AuthorizedRunner } from '../devices/device-sync'
import type { SessionClaims } from '../session/session-claims'
import { TagoraApiError } from '../tagora/tagora-api-error'
import { outOfScopeAssetIds } from './out-of-scope'
import { recordFromReply, registrationFailure } from './registration-reply'

/** The session as the webhook service needs it: protected calls and the token's id claims. */
export interface WebhookSession extends AuthorizedRunner {
  claims(): SessionClaims
}

export interface WebhookServiceDeps {
  session: WebhookSession
  clock: Clock
  logger: Logger
  /** The settings file's webhooks and a way to change them. */
  settings: {
    get(): Settings
    update(change: (settings: Settings) => Settings): Promise<Settings>
  }
  apiUrl(): string
  devices(): readonly Device[]
  /** Pushes the list, the scopes and the out-of-scope devices to every renderer. */
  onChange(state: WebhooksState): void
  /** Every serial/deviceId → assetId pair the scopes carry, for telemetry without an assetId. */
  onScopeItems(items: readonly ScopeDevice[]): void
  /** Rebuilds the listener's key list from the active webhooks. */
  onRecords(records: readonly WebhookRecord[]): void
}

interface ScopeEntry {
  summary: WebhookScopeSummary
  items: ScopeDevice[]
}

const NEVER: WebhookScopeSummary = {
  phase: 'never',
  deviceCount: 0,
  fetchedAt: null,
  problem: null,
  requestId: null,
  notFound: false,
}

/**
 * The webhooks this app registered (Tagora has no list endpoint: the settings file is the record),
 * their scopes, and which devices fall outside every scope. Demo webhooks live in memory only.
 */
export class WebhookService {
  private demoRecords: WebhookRecord[] = []
  private scopes = new Map<string, ScopeEntry>()
  private scopeRun: Promise<WebhooksState> | null = null

  constructor(private readonly deps: WebhookServiceDeps) {}

  /** Webhooks registered against the API in use (settings), plus the demo's. */
  records(): WebhookRecord[] {
    const apiUrl = this.deps.apiUrl()
    const saved = this.deps.settings.get().webhooks.filter((record) => record.apiUrl === apiUrl)
    return [...saved, ...this.demoRecords.filter((record) => record.apiUrl === apiUrl)]
  }

  /** Checks the URL like the API does, registers with ids from the token, and keeps the record. */
  async register(input: {
    name: string
    postUrl: string
    demo?: boolean
    /** The advanced override: used instead of the token's claims when given. */
    organizationId?: string | undefined
    userId?: string | undefined
  }): Promise<WebhookView> {
    const check = checkPostUrl(input.postUrl)
    if (!check.ok && !input.demo) throw new AppError({ code: `post-url-${check.problem}` })
    const name = input.name.trim()
    if (name === '') throw new AppError({ code: 'name-webhook' })
    const { organizationId, userId } = this.ids(input)
    const apiUrl = this.deps.apiUrl()
    const postUrl = check.ok ? check.url : input.postUrl
    const response = await this.deps.session
      .authorized((token, client) => client.registerWebhook(token, { organizationId, userId, postUrl, name }))
      .catch((error: unknown) => {
        throw registrationFailure(error)
      })
    const record = recordFromReply(response.data, {
      name,
      postUrl,
      apiUrl,
      createdAt: new Date(this.deps.clock.now()).toISOString(),
    })
    if (input.demo) this.demoRecords = [...this.demoRecords, record]
    else await this.deps.settings.update((s) => ({ ...s, webhooks: [...s.webhooks, record] }))
    const keyProblem = webhookKeyProblem(record)
    this.deps.logger.info('webhook registered', {
      webhookId: record.webhookId,
      demo: input.demo === true,
      ...(record.unstated && { unstated: record.unstated }),
    })
    if (keyProblem) {
      this.deps.logger.warn('webhook kept, but its key will not verify deliveries', {
        webhookId: record.webhookId,
        keyProblem,
        keyAlgorithm: record.keyAlgorithm,
      })
    }
    this.recordsChanged()
    void this.refreshScopes().catch((error: unknown) =>
      this.deps.logger.warn('scope refresh after registration failed', { error }),
    )
    return this.view(record)
  }

  /** Fetches every webhook's scope (one run at a time); a failure keeps that webhook's last scope. */
  refreshScopes(): Promise<WebhooksState> {
    this.scopeRun ??= this.fetchScopes().finally(() => (this.scopeRun = null))
    return this.scopeRun
  }

  /** The devices one webhook carries, from its last fetched scope; rejects for a webhook we never registered. */
  scopeDevices(webhookId: string): Promise<ScopeDevice[]> {
    if (!this.records().some((record) => record.webhookId === webhookId)) {
      return Promise.reject(new AppError({ code: 'unknown-webhook', facts: { webhookId } }))
    }
    return Promise.resolve(this.scopes.get(webhookId)?.items ?? [])
  }

  state(): WebhooksState {
    const records = this.records()
    const known = records.map((record) => this.scopes.get(record.webhookId)).filter(isFetched)
    return {
      webhooks: records.map((record) => this.view(record)),
      outOfScopeAssetIds: outOfScopeAssetIds(
        this.deps.devices(),
        known.map((entry) => entry.items),
      ),
    }
  }

  /** The device list changed: the out-of-scope flags follow. */
  devicesChanged(): void {
    this.deps.onChange(this.state())
  }

  /** Sign-out or another API: forget the demo's webhooks and every scope. */
  reset(): void {
    this.demoRecords = []
    this.scopes = new Map()
    this.deps.onScopeItems([])
    this.recordsChanged()
  }

  /** Settings were reloaded or the API changed. */
  recordsChanged(): void {
    this.deps.onRecords(this.records())
    this.deps.onChange(this.state())
  }

  private async fetchScopes(): Promise<WebhooksState> {
    const records = this.records()
    for (const record of records) this.setScope(record.webhookId, { phase: 'loading' })
    this.deps.onChange(this.state())
    for (const record of records) await this.fetchScope(record.webhookId)
    const live = new Set(records.map((record) => record.webhookId))
    for (const id of [...this.scopes.keys()]) if (!live.has(id)) this.scopes.delete(id)
    this.deps.onScopeItems([...this.scopes.values()].flatMap((entry) => entry.items))
    const state = this.state()
    this.deps.onChange(state)
    return state
  }

  private async fetchScope(webhookId: string): Promise<void> {
    try {
      const response = await this.deps.session.authorized((token, client) =>
        client.getWebhookScope(token, webhookId),
      )
      const items = response.data.items.map(({ deviceId, serial, assetId }) => ({
        deviceId,
        serial,
        assetId,
      }))
      this.scopes.set(webhookId, {
        items,
        summary: {
          phase: 'ok',
          deviceCount: items.length,
          fetchedAt: this.deps.clock.now(),
          problem: null,
          requestId: null,
          notFound: false,
        },
      })
    } catch (error) {
      const apiError = error instanceof TagoraApiError ? error : null
      const notFound = apiError?.status === 404
      // A 404 says what it likely means, then the API error; the rest are the API error's facts.
      const problem: AppErrorInfo = notFound
        ? { code: 'webhook-not-in-tagora', facts: { cause: apiError.toInfo() } }
        : problemOf(error)
      this.deps.logger.warn('webhook scope fetch failed', { webhookId, problem: describe(problem, 'en') })
      this.setScope(webhookId, {
        phase: 'error',
        problem,
        requestId: apiError?.requestId ?? null,
        notFound,
      })
      // An unknown webhook carries nothing: its old scope must not hide devices that are really uncovered.
      if (notFound) this.scopes.set(webhookId, { ...this.scopes.get(webhookId)!, items: [] })
    }
  }

  private setScope(webhookId: string, change: Partial<WebhookScopeSummary>): void {
    const entry = this.scopes.get(webhookId) ?? { summary: NEVER, items: [] }
    const summary = { ...entry.summary, ...change }
    // A failure belongs to the change that reported it, never to a later one.
    if (!('problem' in change)) summary.problem = null
    this.scopes.set(webhookId, { ...entry, summary })
  }

  private view(record: WebhookRecord): WebhookView {
    return {
      webhookId: record.webhookId,
      name: record.name,
      postUrl: record.postUrl,
      publicKeyPem: record.publicKeyPem,
      keyAlgorithm: record.keyAlgorithm,
      createdAt: record.createdAt,
      isActive: record.isActive ?? null,
      keyProblem: webhookKeyProblem(record),
      unstated: record.unstated ?? [],
      demo: this.demoRecords.includes(record),
      scope: this.scopes.get(record.webhookId)?.summary ?? NEVER,
    }
  }

  /**
   * organizationId and userId: the user's override when given, else the token's claims (sent with the
   * type the token carries); the org falls back to the device list.
   */
  private ids(override: { organizationId?: string | undefined; userId?: string | undefined }): {
    organizationId: string | number
    userId: string | number
  } {
    const claims = this.deps.session.claims()
    const orgClaim = override.organizationId ? typedWebhookId(override.organizationId) : claims.organizationId
    const userId = override.userId ? typedWebhookId(override.userId) : claims.userId
    // A device row may lack its organizationId (device-rows.ts keeps it as ''): take the first that has one.
    const listed = this.deps.devices().find((device) => device.organizationId !== '')?.organizationId
    const organizationId = orgClaim ?? listed ?? null
    if (organizationId === null) {
      throw new AppError({ code: 'missing-organization' })
    }
    if (userId === null) {
      throw new AppError({ code: 'missing-user' })
    }
    return { organizationId, userId }
  }
}

function isFetched(entry: ScopeEntry | undefined): entry is ScopeEntry {
  return entry !== undefined && (entry.summary.fetchedAt !== null || entry.summary.notFound)
}
