import { generateKeyPairSync, sign } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebhookRecord } from '../../shared/schemas/settings'
import { send } from '../../test/support/webhook-client'
import { silentLogger } from '../logging/logger'
import { systemClock } from '../ports/clock'
import { EventHub } from './event-hub'
import { TelemetryPipeline } from './telemetry-pipeline'
import { WebhookKeys } from './webhook-keys'

const API = 'https://api.test'

function webhook(id: string) {
  const pair = generateKeyPairSync('ed25519')
  const record: WebhookRecord = {
    webhookId: id,
    name: id,
    postUrl: 'https://fleet.example.com/tagora/events',
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyAlgorithm: 'ed25519',
    createdAt: new Date().toISOString(),
    apiUrl: API,
  }
  return { record, sign: (raw: Buffer) => sign(null, raw, pair.privateKey).toString('base64') }
}

let pipeline: TelemetryPipeline | null = null
afterEach(async () => {
  await pipeline?.stop()
  pipeline = null
})

async function start(records: WebhookRecord[]) {
  const keys = new WebhookKeys(silentLogger)
  keys.use(records, API)
  pipeline = new TelemetryPipeline(new EventHub(), keys, systemClock, silentLogger)
  const state = await pipeline.applyListenerSettings({
    enabled: true,
    port: 0,
    path: '/tagora/events',
    bindAddress: '127.0.0.1',
  })
  const port = Number(new URL(state.url ?? '').port)
  return { pipeline, port }
}

async function post(port: number, body: unknown, signature: (raw: Buffer) => string) {
  const raw = Buffer.from(JSON.stringify(body))
  const reply = await send({
    port,
    path: '/tagora/events',
    body: raw,
    headers: { 'content-type': 'application/json', 'x-tagora-signature': signature(raw) },
  })
  await new Promise((resolve) => setTimeout(resolve, 20))
  return 'status' in reply ? reply.status : 0
}

describe('TelemetryPipeline with webhooks', () => {
  it('accepts a signature valid under any active webhook key, and refuses others', async () => {
    const first = webhook('w1')
    const second = webhook('w2')
    const stranger = webhook('w3')
    const { pipeline, port } = await start([first.record, second.record])
    const event = (assetId: string) => ({ assetId, lat: 19.43, lon: -99.13 })
    expect(await post(port, event('a1'), first.sign)).toBeLessThan(300)
    expect(await post(port, event('a2'), second.sign)).toBeLessThan(300)
    expect(await post(port, event('a3'), stranger.sign)).toBe(401)
    expect(pipeline.telemetry.detail('a1')).not.toBeNull()
    expect(pipeline.telemetry.detail('a2')).not.toBeNull()
    expect(pipeline.telemetry.detail('a3')).toBeNull()
    expect(pipeline.listenerState().rejected['bad-signature']).toBe(1)
  })

  it('maps serial-only and deviceId-only telemetry to an asset through the webhook scope', async () => {
    const hook = webhook('w1')
    const { pipeline, port } = await start([hook.record])
    pipeline.useScopeItems([
      { serial: 'GT06-1', deviceId: 'dev-1', assetId: 'asset-1' },
      { serial: 'GT06-2', deviceId: 'dev-2', assetId: 'asset-2' },
    ])
    await post(port, { serial: 'GT06-1', lat: 19.4, lon: -99.1 }, hook.sign)
    await post(port, { deviceId: 'dev-2', lat: 19.5, lon: -99.2 }, hook.sign)
    expect(pipeline.telemetry.detail('asset-1')).not.toBeNull()
    expect(pipeline.telemetry.detail('asset-2')).not.toBeNull()
  })
})
