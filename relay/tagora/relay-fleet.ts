import { AppError } from '../../shared/domain/errors'
import type { WebhookRecord } from '../../shared/schemas/settings'
import { describe } from '../../shared/errors/describe'
import { WebhookKeys } from '../../core/app/webhook-keys'
import type { DeviceSync } from '../../core/devices/device-sync'
import { problemOf } from '../../core/errors/problem-of'
import type { Logger } from '../../core/logging/logger'
import type { TagoraSession } from '../../core/session/tagora-session'
import { TagoraApiError } from '../../core/tagora/tagora-api-error'
import { AssetLookup } from '../../core/telemetry/asset-lookup'
import type { ParseOptions } from '../../core/telemetry/telemetry-event'
import { recordFromReply } from '../../core/webhooks/registration-reply'
import type { WebhookRecords } from '../nats/webhook-records'

export interface RelayFleetDeps {
  session: TagoraSession
  devices: DeviceSync
  records: WebhookRecords
  apiUrl: string
  postUrl: string
  node: string
  logger: Logger
}

/** Names the relay's webhook in Tagora's panel, where the operator removes it. */
const WEBHOOK_NAME = 'Fleet Relay'

/**
 * What the relay knows of the organization, from the same core a desk uses: its webhook (registered
 * once per deployment, reused by every node), the key deliveries are verified with, the device list
 * and the webhook's scope that turn a serial into an assetId, and which assets have a timed fix.
 */
export class RelayFleet {
  readonly keys: WebhookKeys
  private readonly assets = new AssetLookup()
  /** Assets whose fix had its own time: an untimed event must not move them (docs/webhook-deliveries.md). */
  private readonly timed = new Set<string>()
  private record: WebhookRecord | null = null

  constructor(private readonly deps: RelayFleetDeps) {
    this.keys = new WebhookKeys(deps.logger)
  }

  /** The organization this session's token belongs to (else the device list's). */
  async organizationId(): Promise<string> {
    const claimed = this.deps.session.claims().organizationId
    if (claimed !== null) return String(claimed)
    await this.deps.devices.refresh()
    const listed = this.deps.devices.devices().find((device) => device.organizationId !== '')?.organizationId
    if (listed === undefined) throw new AppError({ code: 'missing-organization' })
    return listed
  }

  /** The deployment's webhook: reused when a node registered it before and Tagora still knows it. */
  async obtainWebhook(organizationId: string): Promise<WebhookRecord> {
    const { apiUrl, postUrl, node } = this.deps
    try {
      const record = await this.deps.records.obtain({
        apiUrl,
        postUrl,
        organizationId,
        node,
        now: () => Date.now(),
        register: () => this.register(organizationId),
        stillKnown: (known) => this.stillKnown(known),
      })
      this.record = record
      this.keys.use([record], apiUrl)
      this.deps.logger.info('webhook ready', { webhookId: record.webhookId, postUrl: record.postUrl })
      return record
    } catch (error) {
      throw new AppError({
        code: 'relay-webhook-failed',
        facts: { target: postUrl, cause: problemOf(error) },
      })
    }
  }

  /** Devices and the webhook's scope, for deliveries that name a serial or deviceId only. */
  async refreshAssets(): Promise<void> {
    const state = await this.deps.devices.refresh()
    if (state.phase !== 'error') this.assets.useDevices(this.deps.devices.devices())
    const record = this.record
    if (!record) return
    try {
      const scope = await this.deps.session.authorized((token, client) =>
        client.getWebhookScope(token, record.webhookId),
      )
      this.assets.useScopeItems(scope.data.items)
    } catch (error) {
      this.deps.logger.warn('webhook scope fetch failed', { problem: describe(problemOf(error), 'en') })
    }
  }

  parseOptions(now: number): ParseOptions {
    return {
      now,
      resolveAssetId: (key) => this.assets.resolve(key),
      isKnownAsset: (assetId) => this.assets.isKnown(assetId),
      hasTimedFix: (assetId) => this.timed.has(assetId),
    }
  }

  /** Called with what was stored: these assets now have a timed fix. */
  noteStored(events: readonly { assetId: string; timeMissing: boolean }[]): void {
    for (const event of events) if (!event.timeMissing) this.timed.add(event.assetId)
  }

  private async register(organizationId: string): Promise<WebhookRecord> {
    const { apiUrl, postUrl } = this.deps
    const claims = this.deps.session.claims()
    // Sent with the type the token carries (docs/tagora-api.md); the org may come from the device list.
    const orgId = claims.organizationId ?? organizationId
    if (claims.userId === null) throw new AppError({ code: 'missing-user' })
    const userId = claims.userId
    const response = await this.deps.session.authorized((token, client) =>
      client.registerWebhook(token, { organizationId: orgId, userId, postUrl, name: WEBHOOK_NAME }),
    )
    const record = recordFromReply(response.data, {
      name: WEBHOOK_NAME,
      postUrl,
      apiUrl,
      createdAt: new Date().toISOString(),
    })
    this.deps.logger.info('webhook registered', { webhookId: record.webhookId })
    return record
  }

  private async stillKnown(record: WebhookRecord): Promise<boolean> {
    try {
      await this.deps.session.authorized((token, client) => client.getWebhookScope(token, record.webhookId))
      return true
    } catch (error) {
      // Only Tagora saying "not found" retires it; an outage must not make every node register anew.
      return !(error instanceof TagoraApiError && error.status === 404)
    }
  }
}
